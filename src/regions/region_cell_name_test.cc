#include "regions/region_cell_name.h"

#include <gtest/gtest.h>

#include "regions/region_search.h"

namespace shanhai {
namespace {

const std::vector<std::string> kLiwanLuodian{"440103", "522728"};

TEST(RegionCellNames, AVillageByItsNameAloneWhereNoOtherHasIt) {
  RegionCellNames names(RegionCatalog::Embedded());
  EXPECT_EQ(names.Of("522728001001", kLiwanLuodian, RegionLevel::kVillage), "城东社区");  // 城东社区居民委员会
  EXPECT_EQ(names.Of("440103001", kLiwanLuodian, RegionLevel::kVillage), "沙面街道");
}

TEST(RegionCellNames, AVillageByItsTownAndName) {
  RegionCellNames names(RegionCatalog::Embedded());
  // 罗甸县 has two 田坝村: the town tells them apart, and the search reads each back.
  EXPECT_EQ(names.Of("522728112214", kLiwanLuodian, RegionLevel::kVillage), "茂井镇田坝村");
  EXPECT_EQ(names.Of("522728109220", kLiwanLuodian, RegionLevel::kVillage), "沫阳镇田坝村");
  EXPECT_EQ(names.Of("522728", kLiwanLuodian, RegionLevel::kVillage), "罗甸县");
}

TEST(RegionCellNames, ACountyNamedAnywhereGetsItsCityWhenItsOwnNameIsShared) {
  RegionCellNames names(RegionCatalog::Embedded());
  EXPECT_EQ(names.Of("440111", {}, RegionLevel::kCounty), "广州市白云区");  // 贵阳市 has a 白云区 too
  EXPECT_EQ(names.Of("522727", {}, RegionLevel::kCounty), "平塘县");
}

TEST(RegionCellNames, EveryNameReadsBackToItsCode) {
  const RegionCatalog& catalog = RegionCatalog::Embedded();
  RegionCellNames names(catalog);
  int checked = 0;
  for (const Region* town : catalog.Children("522728"))
    for (const Region* village : catalog.Children(town->code)) {
      const std::string& cell = names.Of(village->code, kLiwanLuodian, RegionLevel::kVillage);
      const auto found = FindRegionsByName(catalog, kLiwanLuodian, cell);
      ASSERT_EQ(found.size(), 1u) << cell;
      EXPECT_EQ(found[0]->code, village->code) << cell;
      ++checked;
    }
  EXPECT_GT(checked, 100);
}

TEST(RegionCellNames, CodesItCannotNameStayCodes) {
  RegionCellNames names(RegionCatalog::Embedded());
  EXPECT_EQ(names.Of("999999", kLiwanLuodian, RegionLevel::kVillage), "999999");               // unknown
  EXPECT_EQ(names.Of("522728112214", {}, RegionLevel::kCounty), "522728112214");               // below deepest
  EXPECT_EQ(names.Of("522727200205", kLiwanLuodian, RegionLevel::kVillage), "522727200205");   // outside the sides
}

}  // namespace
}  // namespace shanhai

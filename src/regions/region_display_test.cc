#include "regions/region_display.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

const RegionCatalog& Catalog() { return RegionCatalog::Embedded(); }

TEST(RegionDisplayName, NamesFromThePrefectureDownInEverydayForm) {
  EXPECT_EQ(RegionDisplayName(Catalog(), "520000"), "贵州省");
  EXPECT_EQ(RegionDisplayName(Catalog(), "522700"), "黔南州");
  EXPECT_EQ(RegionDisplayName(Catalog(), "522727"), "黔南州平塘县");
  EXPECT_EQ(RegionDisplayName(Catalog(), "440111"), "广州市白云区");
  EXPECT_EQ(RegionDisplayName(Catalog(), "522727200205"), "黔南州平塘县卡蒲毛南族乡甲坝村");
}

TEST(RegionDisplayName, NamesTheProvinceWhereNoPrefectureStandsBetween) {
  EXPECT_EQ(RegionDisplayName(Catalog(), "110101"), "北京市东城区");
  EXPECT_EQ(RegionDisplayName(Catalog(), "469001"), "海南省五指山市");
}

TEST(RegionDisplayName, IsEmptyForUnknownCodes) {
  EXPECT_EQ(RegionDisplayName(Catalog(), "999999"), "");
  EXPECT_EQ(RegionDisplayName(Catalog(), ""), "");
}

TEST(PairDisplayName, JoinsBothSidesWithAnEmDash) {
  EXPECT_EQ(PairDisplayName(Catalog(), "440111-522727"), "广州市白云区—黔南州平塘县");
  EXPECT_EQ(PairDisplayName(Catalog(), "440000-520000"), "广东省—贵州省");
  EXPECT_EQ(PairDisplayName(Catalog(), "440111"), "");
  EXPECT_EQ(PairDisplayName(Catalog(), "440111-999999"), "");
}

}  // namespace
}  // namespace shanhai

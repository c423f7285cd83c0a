#include "regions/region_search.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

// The codes FindRegionsByName finds for name within 广州市荔湾区 and 黔南州罗甸县.
std::vector<std::string> CodesWithinLiwanLuodian(std::string_view name) {
  std::vector<std::string> codes;
  for (const Region* r : FindRegionsByName(RegionCatalog::Embedded(), {"440103", "522728"}, name))
    codes.emplace_back(r->code);
  return codes;
}

using Codes = std::vector<std::string>;

TEST(FindRegionsByName, NamesWithinTheGivenRegions) {
  EXPECT_EQ(CodesWithinLiwanLuodian("沙面街道"), Codes{"440103001"});
  EXPECT_EQ(CodesWithinLiwanLuodian("罗甸县"), Codes{"522728"});                  // a side itself
  EXPECT_EQ(CodesWithinLiwanLuodian("城东社区"), Codes{"522728001001"});          // 城东社区居民委员会
  EXPECT_EQ(CodesWithinLiwanLuodian("城东社区居民委员会"), Codes{"522728001001"});
  EXPECT_EQ(CodesWithinLiwanLuodian("罗悃"), Codes{"522728111"});                 // the short name
  EXPECT_EQ(CodesWithinLiwanLuodian("甲坝村"), Codes{});                          // a village of 平塘县
  EXPECT_EQ(CodesWithinLiwanLuodian("白云区"), Codes{});
}

TEST(FindRegionsByName, SameNameInTwoTownsIsAmbiguousUnlessTheTownIsNamed) {
  EXPECT_EQ(CodesWithinLiwanLuodian("田坝村"), (Codes{"522728109220", "522728112214"}));
  EXPECT_EQ(CodesWithinLiwanLuodian("茂井镇田坝村"), Codes{"522728112214"});
  EXPECT_EQ(CodesWithinLiwanLuodian("田坝"), (Codes{"522728109220", "522728112214"}));  // without 村: still both
  EXPECT_EQ(CodesWithinLiwanLuodian("茂井田坝"), Codes{"522728112214"});
  const Region* village = RegionCatalog::Embedded().Find("522728112214");
  ASSERT_NE(village, nullptr);
  EXPECT_EQ(RegionNameUnderParent(RegionCatalog::Embedded(), *village), "茂井镇田坝村");
  EXPECT_EQ(RegionNameUnderParent(RegionCatalog::Embedded(), *RegionCatalog::Embedded().Find("522728")), "罗甸县");
}

TEST(FindRegionsByName, TheDemoPairsNames) {
  const RegionCatalog& catalog = RegionCatalog::Embedded();
  auto codes = [&](std::vector<std::string> within, std::string_view name) {
    Codes out;
    for (const Region* r : FindRegionsByName(catalog, within, name)) out.emplace_back(r->code);
    return out;
  };
  EXPECT_EQ(codes({"440111", "522727"}, "石门街道"), Codes{"440111019"});
  EXPECT_EQ(codes({"440111", "522727"}, "甲坝村"), Codes{"522727200205"});  // not 522731103227, outside the pair
  EXPECT_EQ(codes({"440100", "522700"}, "荔波县"), Codes{"522722"});         // a county of the city-level pair
}

// 甲坝村 of 平塘县 lies in 卡蒲毛南族乡 (522727200), which people call 卡蒲乡.
TEST(FindRegionsByName, ShortTownAndVillageForms) {
  const RegionCatalog& catalog = RegionCatalog::Embedded();
  auto codes = [&](std::string_view name) {
    Codes out;
    for (const Region* r : FindRegionsByName(catalog, {"440111", "522727"}, name)) out.emplace_back(r->code);
    return out;
  };
  for (const char* typed : {"卡蒲乡甲坝村", "卡蒲毛南族乡甲坝村", "卡蒲乡甲坝", "甲坝", "卡蒲甲坝村", "黔南州平塘县卡蒲乡甲坝村"})
    EXPECT_EQ(codes(typed), Codes{"522727200205"}) << typed;
  EXPECT_EQ(codes("卡蒲乡"), Codes{"522727200"});
  EXPECT_EQ(codes("塘边镇甲坝村"), Codes{});  // 甲坝村 is not in 塘边镇
}

TEST(FindRegionsAnywhere, ProvincesCitiesAndCountiesByNameWithTheirParents) {
  auto codes = [](std::string_view name) {
    Codes out;
    for (const Region* r : FindRegionsAnywhere(RegionCatalog::Embedded(), name, RegionLevel::kCounty))
      out.emplace_back(r->code);
    return out;
  };
  EXPECT_EQ(codes("白云区"), (Codes{"440111", "520113"}));  // 广州市 and 贵阳市
  EXPECT_EQ(codes("广州市白云区"), Codes{"440111"});
  EXPECT_EQ(codes("广东省广州市白云区"), Codes{"440111"});
  EXPECT_EQ(codes("黔南州平塘县"), Codes{"522727"});
  EXPECT_EQ(codes("黔南布依族苗族自治州平塘县"), Codes{"522727"});
  EXPECT_EQ(codes("平塘县"), Codes{"522727"});
  EXPECT_EQ(codes("黔南州"), Codes{"522700"});
  EXPECT_EQ(codes("贵州省"), Codes{"520000"});
  EXPECT_EQ(codes("北京市东城区"), Codes{"110101"});  // a municipality's district, 市辖区 left out
  EXPECT_EQ(codes("石门街道"), Codes{});               // a town: below what was asked for
  EXPECT_EQ(codes("甲坝村"), Codes{});
}

TEST(FindRegionsByName, OverlappingRegionsAreSearchedOnce) {
  EXPECT_EQ(FindRegionsByName(RegionCatalog::Embedded(), {"522700", "522728"}, "茂井镇田坝村").size(), 1u);
}

}  // namespace
}  // namespace shanhai

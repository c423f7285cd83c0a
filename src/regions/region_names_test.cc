#include "regions/region_names.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

TEST(RegionCommonName, ReplacesCommitteeSuffixWithoutDoublingTheUnit) {
  EXPECT_EQ(RegionCommonName("甲坝村村民委员会"), "甲坝村");
  EXPECT_EQ(RegionCommonName("甲坝村民委员会"), "甲坝村");
  EXPECT_EQ(RegionCommonName("甲坝村委会"), "甲坝村");
  EXPECT_EQ(RegionCommonName("多福巷社区居委会"), "多福巷社区");
  EXPECT_EQ(RegionCommonName("银闸社区居民委员会"), "银闸社区");
  EXPECT_EQ(RegionCommonName("城关居委会"), "城关社区");
  EXPECT_EQ(RegionCommonName("金盆街道办事处"), "金盆街道");
  EXPECT_EQ(RegionCommonName("金盆街道办"), "金盆街道");
}

TEST(RegionCommonName, LeavesOtherNamesAlone) {
  EXPECT_EQ(RegionCommonName("平塘县"), "平塘县");
  EXPECT_EQ(RegionCommonName("庆北办事处"), "庆北办事处");
  EXPECT_EQ(RegionCommonName("村委会"), "村委会");  // nothing left to name
  EXPECT_EQ(RegionCommonName(""), "");
}

TEST(RegionShortName, DropsUnitWordAndEthnicGroups) {
  EXPECT_EQ(RegionShortName("贵州省"), "贵州");
  EXPECT_EQ(RegionShortName("广西壮族自治区"), "广西");
  EXPECT_EQ(RegionShortName("黔南布依族苗族自治州"), "黔南");
  EXPECT_EQ(RegionShortName("湘西土家族苗族自治州"), "湘西");
  EXPECT_EQ(RegionShortName("三都水族自治县"), "三都");
  EXPECT_EQ(RegionShortName("卡蒲毛南族乡"), "卡蒲");
  EXPECT_EQ(RegionShortName("平塘县"), "平塘");
  EXPECT_EQ(RegionShortName("甲坝村村民委员会"), "甲坝");
  EXPECT_EQ(RegionShortName("多福巷社区居委会"), "多福巷");
  EXPECT_EQ(RegionShortName("金盆街道"), "金盆");
}

TEST(RegionShortName, NeverEmptiesAName) {
  EXPECT_EQ(RegionShortName("县"), "县");
  EXPECT_EQ(RegionShortName("苗族乡"), "苗族");
}

TEST(RegionAutonomousAbbreviation, ShortNamePlusPlainUnit) {
  EXPECT_EQ(RegionAutonomousAbbreviation("黔南布依族苗族自治州"), "黔南州");
  EXPECT_EQ(RegionAutonomousAbbreviation("三都水族自治县"), "三都县");
  EXPECT_EQ(RegionAutonomousAbbreviation("鄂伦春自治旗"), "鄂伦春旗");
  EXPECT_EQ(RegionAutonomousAbbreviation("平塘县"), "");
  EXPECT_EQ(RegionAutonomousAbbreviation("广西壮族自治区"), "");
}

TEST(RegionPlainName, EthnicWordsLeftOutUnitKept) {
  EXPECT_EQ(RegionPlainName("卡蒲毛南族乡"), "卡蒲乡");
  EXPECT_EQ(RegionPlainName("下帅壮族瑶族乡"), "下帅乡");
  EXPECT_EQ(RegionPlainName("某某民族乡"), "某某乡");
  EXPECT_EQ(RegionPlainName("黔南布依族苗族自治州"), "黔南州");
  EXPECT_EQ(RegionPlainName("三都水族自治县"), "三都县");
  EXPECT_EQ(RegionPlainName("平塘县"), "");
  EXPECT_EQ(RegionPlainName("甲坝村村民委员会"), "");
  EXPECT_EQ(RegionPlainName("广西壮族自治区"), "");
  EXPECT_EQ(RegionPlainName("苗族乡"), "");  // nothing would be left of the place
}

}  // namespace
}  // namespace shanhai

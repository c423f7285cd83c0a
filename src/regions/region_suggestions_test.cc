// Region suggestions over the embedded catalogue: towns and villages found by name, code and
// pinyin initials (every reading of a polyphonic character), inside the roots asked for, best first.
#include "regions/region_suggestions.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

std::vector<std::string> Codes(const RegionSuggestions& s) {
  std::vector<std::string> out;
  for (const Region* r : s.regions) out.emplace_back(r->code);
  return out;
}

const RegionSuggester& Suggester() { return RegionSuggester::Embedded(); }

TEST(RegionSuggestions, AVillageByItsNameOrInitialsWithinThePairSides) {
  for (const char* typed : {"甲坝", "甲坝村", "卡蒲乡甲坝村"}) {
    const RegionSuggestions s = Suggester().Suggest({"440111", "522727"}, typed, 20);
    ASSERT_FALSE(s.regions.empty()) << typed;
    EXPECT_EQ(s.regions[0]->code, "522727200205") << typed;
  }
  // Initials are shared: 甲本村 is jbc too. Both exact, before the names jbc only begins.
  for (const char* typed : {"jbc", "JBC"}) {
    const std::vector<std::string> codes = Codes(Suggester().Suggest({"440111", "522727"}, typed, 20));
    ASSERT_GE(codes.size(), 2u) << typed;
    EXPECT_EQ(std::vector<std::string>(codes.begin(), codes.begin() + 2),
              (std::vector<std::string>{"522727101214", "522727200205"})) << typed;
  }
  // In the whole catalogue 惠水县 has a 甲坝村 too: both, the exact name before longer ones.
  const RegionSuggestions anywhere = Suggester().Suggest({}, "甲坝村", 50);
  const std::vector<std::string> codes = Codes(anywhere);
  EXPECT_NE(std::find(codes.begin(), codes.end(), "522727200205"), codes.end());
  EXPECT_NE(std::find(codes.begin(), codes.end(), "522731103227"), codes.end());
}

TEST(RegionSuggestions, HigherLevelsFirstAndTheLimitCountsTheRest) {
  const RegionSuggestions s = Suggester().Suggest({"440111"}, "石门", 3);
  ASSERT_FALSE(s.regions.empty());
  EXPECT_EQ(s.regions[0]->level, RegionLevel::kTown) << s.regions[0]->name;  // 石门街道, then its villages
  EXPECT_LE(s.regions.size(), 3u);
  EXPECT_GE(s.total, s.regions.size());
  for (size_t i = 1; i < s.regions.size(); ++i) EXPECT_GE(s.regions[i]->level, s.regions[i - 1]->level);
  // Outside the roots nothing: 湖南省石门县 is not in 白云区.
  for (const Region* r : Suggester().Suggest({"440111"}, "石门", 100).regions)
    EXPECT_TRUE(RegionCatalog::Contains("440111", r->code)) << r->code;
}

TEST(RegionSuggestions, EveryReadingOfAPolyphonicCharacterFinds) {
  for (const char* typed : {"csx", "zsx"}) {
    const std::vector<std::string> codes = Codes(Suggester().Suggest({"522700"}, typed, 20));
    EXPECT_NE(std::find(codes.begin(), codes.end(), "522729"), codes.end()) << typed << ": 长顺县";
  }
}

TEST(RegionSuggestions, ByTheStartOfTheCode) {
  const RegionSuggestions s = Suggester().Suggest({}, "5227272002", 5);
  ASSERT_FALSE(s.regions.empty());
  for (const Region* r : s.regions) EXPECT_TRUE(r->code.starts_with("5227272002")) << r->code;
  EXPECT_EQ(Codes(Suggester().Suggest({}, "522727", 1)), std::vector<std::string>{"522727"});
  EXPECT_TRUE(Suggester().Suggest({}, "  ", 5).regions.empty());
}

TEST(PinyinInitials, MatchesARunOfCharactersByAnyReading) {
  const PinyinInitials& table = PinyinInitials::Embedded();
  EXPECT_EQ(FindInitials(table.MasksOf("甲坝村村民委员会"), "jbc"), 0u);
  EXPECT_EQ(FindInitials(table.MasksOf("卡蒲毛南族乡"), "mnz"), 2u);
  EXPECT_EQ(FindInitials(table.MasksOf("平塘县"), "xyz"), std::string::npos);
  EXPECT_FALSE(PinyinInitials::Parse("长\tcZ\n").ok());
  EXPECT_FALSE(PinyinInitials::Parse("长长\tcz\n").ok());
}

}  // namespace
}  // namespace shanhai

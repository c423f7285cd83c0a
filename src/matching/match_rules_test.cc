#include "matching/match_rules.h"

#include <gtest/gtest.h>

#include <numeric>

namespace shanhai::matching {
namespace {

// 卡蒲毛南族乡甲坝村 of 平塘县 (黔南州, 贵州) and places seen from it.
constexpr uint64_t kJiabaVillage = 522727206201;
constexpr uint64_t kPingtangTown = 522727103000;  // same county
constexpr uint64_t kGuiyang = 520102000000;       // same province, another county
constexpr uint64_t kBaiyun = 440111000000;        // 广州市白云区

Seeker Villager() {
  Seeker s;
  s.id = 1;
  s.home_village = kJiabaVillage;
  s.birth_date = 19900315;
  s.gender = Gender::kMale;
  s.education = Education::kJuniorMiddle;
  s.expected_wage_fen = 450000;
  s.wage_floor_fen = 400000;
  return s;
}

Job CompressorJob() {
  Job j;
  j.id = 10;
  j.employer_id = 100;
  j.place = kBaiyun;
  j.start_date = 20200316;
  j.wage_min_fen = 480000;
  j.wage_max_fen = 540000;
  j.min_age = 18;
  j.max_age = 45;
  return j;
}

TEST(BandOf, ComparesCountiesThenProvinces) {
  EXPECT_EQ(BandOf(kJiabaVillage, kPingtangTown), Band::kInCounty);
  EXPECT_EQ(BandOf(kJiabaVillage, kGuiyang), Band::kInProvince);
  EXPECT_EQ(BandOf(kJiabaVillage, kBaiyun), Band::kOutOfProvince);
}

TEST(Admits, AgeIsWholeYearsOnTheStartDay) {
  Seeker s = Villager();
  Job j = CompressorJob();
  j.max_age = 30;
  j.start_date = 20200314;  // the day before the 30th birthday: 29
  EXPECT_TRUE(Admits(s, j));
  j.start_date = 20200315;  // the birthday itself: 30, still within max 30
  EXPECT_TRUE(Admits(s, j));
  j.max_age = 29;
  EXPECT_FALSE(Admits(s, j));
  j.max_age = 0;
  j.min_age = 31;
  EXPECT_FALSE(Admits(s, j));
}

TEST(Admits, EachHardRuleRefusesOnItsOwn) {
  const Seeker s = Villager();
  ASSERT_TRUE(Admits(s, CompressorJob()));
  Job j = CompressorJob();
  j.gender = GenderRule::kFemaleOnly;
  EXPECT_FALSE(Admits(s, j));
  j = CompressorJob();
  j.min_education = Education::kSeniorMiddle;
  EXPECT_FALSE(Admits(s, j));
  j = CompressorJob();
  j.required_certificates = {7};
  EXPECT_FALSE(Admits(s, j));
  Seeker certified = s;
  certified.certificates = {3, 7};
  EXPECT_TRUE(Admits(certified, j));
  j = CompressorJob();
  j.wage_max_fen = 399999;  // below the floor
  EXPECT_FALSE(Admits(s, j));
  j.wage_max_fen = 400000;  // at the floor
  EXPECT_TRUE(Admits(s, j));
  Seeker stays_home = s;
  stays_home.willing_bands = BandBit(Band::kInCounty) | BandBit(Band::kInProvince);
  EXPECT_FALSE(Admits(stays_home, CompressorJob()));
  Seeker placed = s;
  placed.available = false;
  EXPECT_FALSE(Admits(placed, CompressorJob()));
  j = CompressorJob();
  j.open = false;
  EXPECT_FALSE(Admits(s, j));
}

int SumOf(const std::vector<Reason>& reasons) {
  return std::accumulate(reasons.begin(), reasons.end(), 0, [](int t, const Reason& r) { return t + r.points; });
}

TEST(Score, WageTermIsThePercentAboveExpectationCapped) {
  Seeker s = Villager();
  Job j = CompressorJob();  // middle 510000 against 450000: 13 % above (rounded toward zero)
  std::vector<Reason> reasons;
  EXPECT_EQ(Score(s, j, 0, &reasons), 13);
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0].kind, ReasonKind::kWage);
  EXPECT_EQ(reasons[0].value, 13);
  j.wage_min_fen = j.wage_max_fen = 900000;  // 100 % above, capped
  reasons.clear();
  EXPECT_EQ(Score(s, j, 0, &reasons), MaxWagePoints());
  EXPECT_EQ(reasons[0].value, 100);
  s.expected_wage_fen = 0;  // no expectation stated: no wage term
  EXPECT_EQ(Score(s, j, 0), 0);
}

TEST(Score, ExactSkillOutranksTheSameGroupAndTermsSumToTheScore) {
  Seeker s = Villager();
  s.expected_wage_fen = 0;
  s.occupations = {6310103};
  s.preferred_cities = {4401};
  s.preferred_provinces = {44};
  s.household = Household::kPovertyLifted;
  Job j = CompressorJob();
  j.occupation = 6310103;
  j.board = j.lodging = true;
  std::vector<Reason> reasons;
  const int exact = Score(s, j, 2, &reasons);
  EXPECT_EQ(exact, SumOf(reasons));
  std::vector<ReasonKind> kinds;
  for (const Reason& r : reasons) kinds.push_back(r.kind);
  EXPECT_EQ(kinds, (std::vector<ReasonKind>{ReasonKind::kExactSkill, ReasonKind::kBoardAndLodging,
                                            ReasonKind::kPreferredCity, ReasonKind::kFellowVillagers,
                                            ReasonKind::kPriority}));
  j.occupation = 6990000;  // same major group only
  const int same_group = Score(s, j, 2);
  EXPECT_LT(same_group, exact);
  j.occupation = 4010000;  // another group
  EXPECT_LT(Score(s, j, 2), same_group);
}

TEST(Score, FellowVillagersCountUpToTheirCap) {
  Seeker s = Villager();
  s.expected_wage_fen = 0;
  const Job j = CompressorJob();
  EXPECT_EQ(Score(s, j, 0), 0);
  EXPECT_EQ(Score(s, j, 3), 9);
  EXPECT_EQ(Score(s, j, 40), MaxFellowPoints());
}

TEST(Score, PreferredCityCountsOnceNotAlsoItsProvince) {
  Seeker s = Villager();
  s.expected_wage_fen = 0;
  s.preferred_provinces = {44};
  const int province_only = Score(s, CompressorJob(), 0);
  s.preferred_cities = {4401};
  const int city = Score(s, CompressorJob(), 0);
  EXPECT_GT(province_only, 0);
  EXPECT_GT(city, province_only);
  s.preferred_cities = {4403};  // 深圳市: the province still counts
  EXPECT_EQ(Score(s, CompressorJob(), 0), province_only);
}

TEST(Score, NearerHomeScoresMoreAndSaysWhichBand) {
  Seeker s = Villager();
  s.expected_wage_fen = 0;
  Job j = CompressorJob();  // 广州: out of the province, no distance term
  EXPECT_EQ(Score(s, j, 0), 0);
  j.place = kGuiyang;
  std::vector<Reason> in_province;
  const int province = Score(s, j, 0, &in_province);
  ASSERT_EQ(in_province.size(), 1u);
  EXPECT_EQ(in_province[0].kind, ReasonKind::kDistanceBand);
  EXPECT_EQ(in_province[0].value, int64_t(Band::kInProvince));
  j.place = kPingtangTown;
  std::vector<Reason> in_county;
  EXPECT_GT(Score(s, j, 0, &in_county), province);
  EXPECT_EQ(in_county[0].value, int64_t(Band::kInCounty));
  EXPECT_GT(province, 0);
}

}  // namespace
}  // namespace shanhai::matching

// The labour indicators on both backends, from hand-made spells and applications whose
// expected figures follow from DOMAIN.md's counting rules by hand (written beside each).
#include <gtest/gtest.h>

#include <map>

#include "common/id_number.h"
#include "domain/labor/labor_test_util.h"
#include "indicators/indicator_engine.h"
#include "indicators/labor_figures.h"
#include "indicators/report.h"

namespace shanhai {
namespace {

using domain_test::Fields;
using domain_test::kCountyPair;
using labor_test::Staff;

const Period kFirstHalf{"2020-01-01", "2020-06-30"};
const Period kSecondHalf{"2020-07-01", "2020-12-31"};

class LaborIndicatorsTest : public labor_test::LaborTest {
 protected:
  void SetUp() override {
    LaborTest::SetUp();
    if (HasFatalFailure()) return;
    // P1: in Guangdong across the year's start, re-employed after one idle day (2 January): one
    // run 2020-01-01..06-30 inside the first half, exactly 6 months.
    const int64_t p1 = Seeker(1, "522727200205", "lifted");
    Spell(p1, "440111", "2019-10-01", "2020-01-01", 400000);
    Spell(p1, "440106", "2020-01-03", "", 500002);
    // P2: Guangdong in 2019 only, then in Guizhou outside the county 16 March..15 June: exactly 3 months.
    const int64_t p2 = Seeker(2, "522727", "ordinary");
    Spell(p2, "440111", "2019-01-01", "2019-12-31", 420000);
    Spell(p2, "522701", "2020-03-16", "2020-06-15", 450000);
    // P3: in the county 16 March..14 June: a day short of 3 months.
    Spell(Seeker(3, "522727", "monitored"), "522727", "2020-03-16", "2020-06-14", 300000);
    // P4: elsewhere (Zhejiang) from the period's last day.
    Spell(Seeker(4, "522727", "lifted"), "330106", "2020-06-30", "", 600000);
    // P5: Guangdong from the day after the first half.
    Spell(Seeker(5, "522727", "ordinary"), "440111", "2020-07-01", "", 450000);
    // P6 placed through the flow; P7 failed the interview; P8 did not come; P9 passed, then withdrew.
    ASSERT_TRUE(Take(EmployersLedger(), employer_, "verify").ok());
    job_ = Add("jobs", kCountyPair, JobFields("压缩机装配工", employer_));
    ASSERT_TRUE(Take(JobsLedger(), job_, "publish").ok());
    const int64_t p6 = Seeker(6, "522727", "lifted", "seeking");
    const int64_t a6 = Apply(p6), a7 = Apply(Seeker(7, "522727", "ordinary", "seeking")),
                  a8 = Apply(Seeker(8, "522727", "lifted", "seeking"));
    ASSERT_TRUE(Take(ApplicationsLedger(), a6, "pass").ok());
    ASSERT_TRUE(Take(ApplicationsLedger(), a6, "offer", {"", {{"offer_wage_fen", "510000"}, {"offer_start_date", "2020-08-01"}}}).ok());
    ASSERT_TRUE(Take(ApplicationsLedger(), a6, "accept").ok());
    auto placed = Take(ApplicationsLedger(), a6, "place",
                       {"", {{"start_date", "2020-08-01"}, {"monthly_wage_fen", "510000"}, {"place_region", "440111"}}});
    ASSERT_TRUE(placed.ok()) << placed.status().ToString();
    ASSERT_TRUE(Take(ApplicationsLedger(), a7, "fail").ok());
    ASSERT_TRUE(Take(ApplicationsLedger(), a8, "no_show").ok());
    const int64_t a9 = Apply(Seeker(9, "522727", "ordinary", "seeking"));
    ASSERT_TRUE(Take(ApplicationsLedger(), a9, "pass").ok());
    ASSERT_TRUE(Take(ApplicationsLedger(), a9, "withdraw", {"", {{"withdraw_reason", "家中有事"}}}).ok());
  }

  // Person n of the registry (a synthetic ID number) living in home, in the labour ledger.
  int64_t Seeker(int n, const std::string& home, const std::string& poverty, const std::string& status = "employed") {
    const std::string body = "52272719850101" + std::to_string(100 + n);
    const int64_t person = Add("people", kCountyPair,
                               {{"name", "测试" + std::to_string(n)}, {"id_number", body + IdCheckCharacter(body)},
                                {"region_code", home}, {"poverty_status", poverty}});
    Fields f = {{"person_id", std::to_string(person)}, {"status", status}};
    if (status == "seeking") f.emplace_back("confirmed_date", "2020-07-01");
    return Add("seekers", kCountyPair, f);
  }

  void Spell(int64_t seeker, const std::string& place, const std::string& start, const std::string& end, int64_t wage) {
    Fields f = {{"seeker_id", std::to_string(seeker)}, {"place_region", place}, {"start_date", start},
                {"monthly_wage_fen", std::to_string(wage)}, {"status", end.empty() ? "in_work" : "separated"}};
    if (!end.empty()) {
      f.emplace_back("end_date", end);
      f.emplace_back("separation_reason", "contract_ended");
    }
    Add("spells", kCountyPair, f);
  }

  // An application of seeker, its remote interview held on 21 July 2020.
  int64_t Apply(int64_t seeker) {
    const int64_t id = Add("applications", kCountyPair,
                           {{"seeker_id", std::to_string(seeker)}, {"job_id", std::to_string(job_)},
                            {"source", "self"}, {"applied_date", "2020-07-20"}, {"status", "applied"}});
    EXPECT_TRUE(Take(ApplicationsLedger(), id, "schedule",
                     {"", {{"interview_date", "2020-07-21"}, {"interview_time", "10:00-10:30"}, {"interview_mode", "video"}}})
                    .ok());
    return id;
  }

  // Every labour figure of the county pair in period: key → {value, 其中脱贫人口}.
  std::map<std::string, std::pair<int64_t, int64_t>> Figures(const Period& period) {
    IndicatorEngine engine(service());
    auto values = engine.ComputeAll(Actor::System(), PairScope::Parse(kCountyPair).value(), period);
    EXPECT_TRUE(values.ok()) << values.status().ToString();
    std::map<std::string, std::pair<int64_t, int64_t>> out;
    if (!values.ok()) return out;
    for (const IndicatorValue& v : *values)
      if (v.def->group == IndicatorGroup::kLabor) out[v.def->key] = {AsInt(v.actual), v.poverty.value_or(-1)};
    return out;
  }

  int64_t job_ = 0;
};

TEST_P(LaborIndicatorsTest, PeopleInWorkByDestinationOncePerPersonAndPlace) {
  auto f = Figures(kFirstHalf);
  // P1 once for two spells (the first ends on the period's first day); not P2 (2019), nor P5 (July).
  EXPECT_EQ(f["labor.employed.helper_province"], std::make_pair(int64_t{1}, int64_t{1}));
  EXPECT_EQ(f["labor.employed.in_province"], std::make_pair(int64_t{1}, int64_t{0}));   // P2
  EXPECT_EQ(f["labor.employed.in_county"], std::make_pair(int64_t{1}, int64_t{1}));     // P3, 监测对象
  EXPECT_EQ(f["labor.employed.outside_province"], std::make_pair(int64_t{1}, int64_t{1}));  // P4, from the last day
  auto later = Figures(kSecondHalf);
  // P1 still in work, P5 from its first day, P6 placed from August.
  EXPECT_EQ(later["labor.employed.helper_province"], std::make_pair(int64_t{3}, int64_t{2}));
  EXPECT_EQ(later["labor.employed.in_province"].first, 0);
}

TEST_P(LaborIndicatorsTest, StableWorkChainsSpellsAndMeasuresMonthsToTheDay) {
  auto f = Figures(kFirstHalf);
  // P1 (one run of exactly 6 months only because the spells chain across 2 January) and P2
  // (16 March..15 June: exactly 3); not P3 (to 14 June) nor P4 (one day).
  EXPECT_EQ(f["labor.stable_3m"], std::make_pair(int64_t{2}, int64_t{1}));
  EXPECT_EQ(f["labor.stable_6m"], std::make_pair(int64_t{1}, int64_t{1}));
  // A period ending a day earlier leaves P1 a day short of 6 months.
  EXPECT_EQ(Figures({"2020-01-01", "2020-06-29"})["labor.stable_6m"].first, 0);
}

TEST_P(LaborIndicatorsTest, AverageWageIsTheMeanOfSpellsInThePeriodRoundedHalfUp) {
  auto f = Figures(kFirstHalf);
  // P1's two spells, P2's Guizhou one, P3, P4: (400000 + 500002 + 450000 + 300000 + 600000) / 5 =
  // 450000.4 → 450000; of poor people's (P1 ×2, P3, P4): 1800002 / 4 = 450000.5 → 450001.
  EXPECT_EQ(f["labor.avg_monthly_wage_fen"], std::make_pair(int64_t{450000}, int64_t{450001}));
}

TEST_P(LaborIndicatorsTest, PlacementsAndInterviewsHeldCountOnTheirOwnDates) {
  auto f = Figures(kFirstHalf);
  EXPECT_EQ(f["labor.placed"].first, 0);
  EXPECT_EQ(f["labor.interviews"].first, 0);
  auto later = Figures(kSecondHalf);
  EXPECT_EQ(later["labor.placed"], std::make_pair(int64_t{1}, int64_t{1}));  // P6, 脱贫户
  // P6's (passed, then placed), P7's (failed) and P9's (passed, then withdrawn); P8 did not come.
  EXPECT_EQ(later["labor.interviews"], std::make_pair(int64_t{3}, int64_t{1}));
}

TEST_P(LaborIndicatorsTest, TrendAndRecordsBehindUseTheSameRules) {
  IndicatorEngine engine(service());
  const PairScope pair = PairScope::Parse(kCountyPair).value();
  auto years = engine.ByYear(Actor::System(), "labor.employed.helper_province", pair, 2019, 2020);
  ASSERT_TRUE(years.ok()) << years.status().ToString();
  EXPECT_EQ(years->values, (std::vector<int64_t>{2, 3}));  // 2019: P1, P2; 2020: P1, P5, P6
  auto behind = engine.RecordsBehind(Actor::System(), "labor.employed.helper_province", pair, kFirstHalf, 1, 20);
  ASSERT_TRUE(behind.ok()) << behind.status().ToString();
  EXPECT_EQ(behind->total, 2) << "P1's two spells with a day in the period";
  auto poor = engine.RecordsBehind(Actor::System(), "labor.employed.helper_province.poverty", pair, kFirstHalf, 1, 20);
  EXPECT_EQ(poor.status().code(), Code::kInvalidArgument);
}

TEST_P(LaborIndicatorsTest, TheNarrativeSaysHowManyWentToTheHelperProvince) {
  auto report = BuildReport(service(), Actor::System(), PairScope::Parse(kCountyPair).value(), kSecondHalf);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const std::string md = RenderReportMarkdown(*report);
  EXPECT_NE(md.find("共输出3名群众到广东省务工，其中脱贫人口2名"), std::string::npos) << md;
  EXPECT_NE(md.find("组织面试3场、安置就业1名"), std::string::npos) << md;
}

INSTANTIATE_TEST_SUITE_P(Backends, LaborIndicatorsTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

// The folds on their own: one person with several rows counts once; the poor are those the
// engine marked so.
TEST(LaborFigures, DistinctPeopleCountsEachPersonOnce) {
  const std::vector<PersonRow> rows = {{1, true, {}}, {1, true, {}}, {2, false, {}}, {3, true, {}}};
  const FoldedFigure f = DistinctPeople(rows, "", "2020-12-31");
  EXPECT_EQ(f.value, 3);
  EXPECT_EQ(f.poverty, 2);
  EXPECT_EQ(RowsCounted(rows, "", "2020-12-31").value, 4);
}

TEST(LaborFigures, StablePeopleChainsOnePersonsSpellsOnly) {
  // Two people whose spells would chain if they were one person's.
  const std::vector<PersonRow> rows = {{1, false, {Value{std::string("2020-01-01")}, Value{std::string("2020-02-10")}, Value{int64_t{1}}}},
                                       {2, false, {Value{std::string("2020-02-11")}, Value{}, Value{int64_t{1}}}}};
  EXPECT_EQ(StablePeople(3)(rows, "2020-01-01", "2020-05-10").value, 1) << "only person 2 (11 February..10 May)";
  EXPECT_EQ(StablePeople(4)(rows, "2020-01-01", "2020-05-10").value, 0) << "1 January..10 May would be one person's";
}

}  // namespace
}  // namespace shanhai

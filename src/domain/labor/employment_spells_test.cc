#include "domain/labor/employment_spells.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

using Spells = std::vector<EmploymentSpell>;

TEST(EmploymentSpells, InWorkOnIncludesBothEndsAndOpenSpells) {
  Spells s = {{"2020-03-16", "2020-06-30"}, {"2020-08-01", ""}};
  EXPECT_TRUE(InWorkOn(s, "2020-03-16"));
  EXPECT_TRUE(InWorkOn(s, "2020-06-30"));
  EXPECT_FALSE(InWorkOn(s, "2020-07-01"));
  EXPECT_FALSE(InWorkOn(s, "2020-03-15"));
  EXPECT_TRUE(InWorkOn(s, "2031-01-01"));
}

TEST(EmploymentSpells, OverlapsAreFoundWhateverTheOrder) {
  EXPECT_FALSE(FirstOverlap({{"2020-01-01", "2020-01-31"}, {"2020-02-01", ""}}));
  auto o = FirstOverlap({{"2020-06-01", ""}, {"2020-01-01", "2020-06-01"}});  // share 1 June
  ASSERT_TRUE(o);
  EXPECT_EQ(o->first, 1u);
  EXPECT_EQ(o->second, 0u);
  EXPECT_TRUE(FirstOverlap({{"2020-01-01", "2020-12-31"}, {"2020-02-01", "2020-02-03"}, {"2020-05-01", "2020-05-02"}}));
  EXPECT_TRUE(FirstOverlap({{"2019-01-01", ""}, {"2021-01-01", "2021-02-01"}})) << "an open spell runs for ever";
}

TEST(EmploymentSpells, ASpellHasADayInAPeriodAtEitherEnd) {
  EXPECT_TRUE(HasDayIn({"2019-11-20", "2020-01-01"}, "2020-01-01", "2020-12-31")) << "ends on the first day";
  EXPECT_FALSE(HasDayIn({"2019-11-20", "2019-12-31"}, "2020-01-01", "2020-12-31"));
  EXPECT_TRUE(HasDayIn({"2020-12-31", ""}, "2020-01-01", "2020-12-31")) << "starts on the last day";
  EXPECT_FALSE(HasDayIn({"2021-01-01", ""}, "2020-01-01", "2020-12-31"));
  EXPECT_TRUE(HasDayIn({"2015-01-01", ""}, "2020-01-01", "2020-12-31")) << "an open spell";
  EXPECT_TRUE(HasDayIn({"2015-01-01", "2015-02-01"}, "", "2020-12-31")) << "an open period";
}

TEST(EmploymentSpells, AMonthEndsTheDayBeforeTheSameDayOfMonth) {
  EXPECT_EQ(RunMonths("2021-01-15", "2021-04-14"), 3);  // DOMAIN.md's example: exactly 3 months
  EXPECT_EQ(RunMonths("2021-01-15", "2021-04-13"), 2);
  EXPECT_EQ(RunMonths("2021-01-01", "2021-03-31"), 3);
  EXPECT_EQ(RunMonths("2021-01-01", "2021-03-30"), 2);
  EXPECT_EQ(RunMonths("2021-03-16", "2021-03-16"), 0);
  EXPECT_EQ(RunMonths("2020-03-16", "2021-03-15"), 12);
}

TEST(EmploymentSpells, AMonthWithoutTheDayMustBeWorkedToItsEnd) {
  EXPECT_EQ(RunMonths("2021-01-31", "2021-02-27"), 0);
  EXPECT_EQ(RunMonths("2021-01-31", "2021-02-28"), 1);  // February 2021 has no 31st
  EXPECT_EQ(RunMonths("2020-01-30", "2020-02-29"), 1);  // nor February 2020 a 30th
  EXPECT_EQ(RunMonths("2020-01-30", "2020-02-28"), 0);
  EXPECT_EQ(RunMonths("2021-08-31", "2021-11-30"), 3);
}

TEST(EmploymentSpells, SpellsChainAcrossOneIdleDayNotTwo) {
  // Ends 10 May, next starts 12 May: 11 May is the one idle day, one run.
  Spells one_idle = {{"2020-03-16", "2020-05-10"}, {"2020-05-12", "2020-06-15"}};
  ASSERT_EQ(WorkRuns(one_idle, "2020-01-01", "2020-12-31").size(), 1u);
  EXPECT_EQ(LongestRunMonths(one_idle, "2020-01-01", "2020-12-31"), 3);  // 16 March .. 15 June
  EXPECT_TRUE(StableInPeriod(one_idle, 3, "2020-01-01", "2020-12-31"));
  // Starts 13 May: two idle days break it into runs of 1 and 1 month.
  Spells two_idle = {{"2020-03-16", "2020-05-10"}, {"2020-05-13", "2020-06-15"}};
  const auto runs = WorkRuns(two_idle, "2020-01-01", "2020-12-31");
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[1].first, "2020-05-13");
  EXPECT_FALSE(StableInPeriod(two_idle, 3, "2020-01-01", "2020-12-31"));
}

TEST(EmploymentSpells, OverlapsChainWhateverTheOrder) {
  Spells s = {{"2020-04-01", "2020-07-31"}, {"2020-02-01", "2020-04-30"}};
  const auto runs = WorkRuns(s, "2020-01-01", "2020-12-31");
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].first, "2020-02-01");
  EXPECT_EQ(runs[0].last, "2020-07-31");
  EXPECT_TRUE(StableInPeriod(s, 6, "2020-01-01", "2020-12-31"));
}

TEST(EmploymentSpells, APeriodClipsTheRunAndAnOpenSpellRunsToItsEnd) {
  Spells s = {{"2019-11-20", "2020-02-10"}};
  EXPECT_EQ(LongestRunMonths(s, "2020-01-01", "2020-12-31"), 1);  // 1 January .. 10 February
  EXPECT_EQ(LongestRunMonths(s, "2019-01-01", "2019-12-31"), 1);  // 20 November .. 31 December
  EXPECT_EQ(LongestRunMonths(s, "2019-01-01", "2020-12-31"), 2);
  Spells article = {{"2020-03-16", ""}};  // the article's case: hired in March 2020, still at work
  EXPECT_TRUE(StableInPeriod(article, 3, "2016-01-01", "2020-07-22"));
  EXPECT_FALSE(StableInPeriod(article, 6, "2016-01-01", "2020-07-22"));
  EXPECT_TRUE(StableInPeriod(article, 6, "2016-01-01", "2020-09-15"));
  EXPECT_FALSE(StableInPeriod(article, 6, "2016-01-01", "2020-09-14"));
  EXPECT_EQ(WorkRuns(article, "", "2020-07-22")[0].last, "2020-07-22");
  EXPECT_TRUE(WorkRuns(article, "2020-01-01", "2020-02-29").empty());
}

}  // namespace
}  // namespace shanhai

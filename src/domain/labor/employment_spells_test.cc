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

TEST(EmploymentSpells, AMonthCountsFromFifteenDaysCovered) {
  // 17 March to 31 March is 15 days: March counts; from the 18th it is 14 days and does not.
  EXPECT_EQ(WorkedMonths({{"2020-03-17", ""}}, "2020-03", "2020-03", "2020-12-31"), std::vector<bool>{true});
  EXPECT_EQ(WorkedMonths({{"2020-03-18", ""}}, "2020-03", "2020-03", "2020-12-31"), std::vector<bool>{false});
  // February 2020 has 29 days; 15 of them from the 15th.
  EXPECT_EQ(WorkedMonths({{"2020-02-15", ""}}, "2020-02", "2020-02", "2020-12-31"), std::vector<bool>{true});
}

TEST(EmploymentSpells, SeparationAndReemploymentInOneMonthKeepTheMonth) {
  Spells s = {{"2020-03-01", "2020-05-10"}, {"2020-05-20", ""}};  // 10 + 12 days of May
  EXPECT_EQ(WorkedMonths(s, "2020-03", "2020-07", "2020-07-31"), (std::vector<bool>{true, true, true, true, true}));
  EXPECT_EQ(LongestContinuousMonths(s, "2020-01", "2020-12", "2020-07-31"), 5);
  // A longer gap loses May and breaks the run.
  Spells gap = {{"2020-03-01", "2020-05-05"}, {"2020-05-25", ""}};  // 5 + 7 days
  EXPECT_EQ(LongestContinuousMonths(gap, "2020-01", "2020-12", "2020-07-31"), 2);
  EXPECT_EQ(MonthsWorked(gap, "2020-01", "2020-12", "2020-07-31"), 4);
}

TEST(EmploymentSpells, AYearBoundaryCutsThePeriodNotTheSpell) {
  Spells s = {{"2019-11-20", "2020-02-10"}};  // November 11 days, December, January, February 10 days
  EXPECT_EQ(LongestContinuousMonths(s, "2019-10", "2020-03", "2020-12-31"), 2);
  EXPECT_EQ(MonthsWorked(s, "2020-01", "2020-12", "2020-12-31"), 1);
  EXPECT_EQ(MonthsWorked(s, "2019-01", "2019-12", "2020-12-31"), 1);
}

TEST(EmploymentSpells, DaysAfterAsOfAreNotYetWorked) {
  Spells s = {{"2020-03-16", ""}};
  // March (16 days), April, May; June has 14 days so far on the 14th, 15 on the 15th.
  EXPECT_EQ(MonthsWorked(s, "2020-01", "2020-12", "2020-06-14"), 3);
  EXPECT_EQ(MonthsWorked(s, "2020-01", "2020-12", "2020-06-15"), 4);
}

TEST(EmploymentSpells, StableAtThreeAndSixMonths) {
  Spells article = {{"2020-03-16", ""}};  // the article's case: hired in March 2020, still at work
  EXPECT_TRUE(StableInPeriod(article, 3, "2020-01", "2020-12", "2020-06-30"));
  EXPECT_FALSE(StableInPeriod(article, 6, "2020-01", "2020-12", "2020-06-30"));
  EXPECT_TRUE(StableInPeriod(article, 6, "2020-01", "2020-12", "2020-12-31"));
  Spells left = {{"2020-03-16", "2020-05-10"}};  // March and April; 10 days of May do not make a month
  EXPECT_FALSE(StableInPeriod(left, 3, "2020-01", "2020-12", "2020-12-31"));
}

}  // namespace
}  // namespace shanhai

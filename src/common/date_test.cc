#include "common/date.h"

#include <gtest/gtest.h>

#include "common/clock.h"

namespace shanhai {
namespace {

std::string Parsed(std::string_view text) {
  Result<std::string> r = ParseDate(text);
  EXPECT_TRUE(r.ok()) << text << ": " << r.status().ToString();
  return r.ok() ? *r : "<error>";
}

// The English message of a failed parse; fails the test if the parse succeeded.
std::string ErrorOf(const Result<std::string>& r) {
  EXPECT_FALSE(r.ok()) << "unexpectedly parsed as " << (r.ok() ? *r : "");
  if (r.ok()) return "";
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_FALSE(r.status().message_zh().empty());
  return r.status().message_en();
}

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(ParseDate, AcceptsEverySpelling) {
  EXPECT_EQ(Parsed("2020-03-01"), "2020-03-01");
  EXPECT_EQ(Parsed("2020-3-1"), "2020-03-01");
  EXPECT_EQ(Parsed("2020/3/1"), "2020-03-01");
  EXPECT_EQ(Parsed("2020.3.1"), "2020-03-01");
  EXPECT_EQ(Parsed("2020年3月1日"), "2020-03-01");
  EXPECT_EQ(Parsed("2020年03月01日"), "2020-03-01");
  EXPECT_EQ(Parsed("2020年3月1"), "2020-03-01");
  EXPECT_EQ(Parsed("20200301"), "2020-03-01");
  EXPECT_EQ(Parsed(" ２０２０年３月１日\u3000"), "2020-03-01");  // full-width, padded
}

TEST(ParseDate, ExcelSerials) {
  // 1899-12-30 + 43891 days = 2020-03-01 (counted with Python's datetime, not this code).
  EXPECT_EQ(Parsed("43891"), "2020-03-01");
  EXPECT_EQ(Parsed("43891.0"), "2020-03-01");
  EXPECT_EQ(Parsed("43891.000"), "2020-03-01");
  EXPECT_EQ(Parsed("1"), "1900-01-01");
  EXPECT_EQ(Parsed("59"), "1900-02-28");
  EXPECT_EQ(Parsed("61"), "1900-03-01");
  EXPECT_EQ(Parsed("2958465"), "9999-12-31");
}

TEST(ParseDate, ValidatesTheCalendar) {
  EXPECT_EQ(Parsed("2020-02-29"), "2020-02-29");  // divisible by 4
  EXPECT_EQ(Parsed("2000-02-29"), "2000-02-29");  // divisible by 400
  const std::string not_leap = ErrorOf(ParseDate("2021-02-29"));
  EXPECT_TRUE(Contains(not_leap, "day 29 does not exist in 2021-02") && Contains(not_leap, "28 days")) << not_leap;
  EXPECT_TRUE(Contains(ErrorOf(ParseDate("1900-02-29")), "28 days"));  // century, not /400
  EXPECT_TRUE(Contains(ErrorOf(ParseDate("2020-04-31")), "30 days"));
  EXPECT_TRUE(Contains(ErrorOf(ParseDate("2020-01-00")), "day 0"));
  EXPECT_TRUE(Contains(ErrorOf(ParseDate("2020-13-01")), "month 13"));
  EXPECT_TRUE(Contains(ErrorOf(ParseDate("2020-00-10")), "month 0"));
  EXPECT_TRUE(Contains(ErrorOf(ParseDate("0000-01-01")), "year 0000"));
  EXPECT_TRUE(Contains(ErrorOf(ParseDate("20210229")), "28 days"));
}

TEST(ParseDate, RejectsExcelPhantomLeapDayAndOutOfRangeSerials) {
  EXPECT_TRUE(Contains(ErrorOf(ParseDate("60")), "1900-02-29"));
  EXPECT_TRUE(Contains(ErrorOf(ParseDate("0")), "out of range"));
  EXPECT_TRUE(Contains(ErrorOf(ParseDate("2958466")), "out of range"));
  EXPECT_TRUE(Contains(ErrorOf(ParseDate("43891.5")), "whole number"));
}

TEST(ParseDate, RejectsUnknownFormats) {
  EXPECT_TRUE(Contains(ErrorOf(ParseDate("")), "empty"));
  EXPECT_TRUE(Contains(ErrorOf(ParseDate("   ")), "empty"));
  for (std::string_view bad : {"2020-3/1", "2020-03", "20-3-1", "2020-003-01", "2020年3月", "March 1, 2020",
                               "202003011", "2020-03-01x", "2020--03-01", "43891.", "1.2.3.4"}) {
    EXPECT_TRUE(Contains(ErrorOf(ParseDate(bad)), "unrecognised date format")) << bad;
  }
  EXPECT_TRUE(Contains(ErrorOf(ParseDate("\xff")), "UTF-8"));
}

TEST(ExcelSerialToDate, MatchesExcelAroundThePhantomDay) {
  EXPECT_EQ(*ExcelSerialToDate(59), "1900-02-28");
  EXPECT_FALSE(ExcelSerialToDate(60).ok());
  EXPECT_EQ(*ExcelSerialToDate(61), "1900-03-01");
  EXPECT_EQ(*ExcelSerialToDate(44621), "2022-03-01");  // 1899-12-30 + 44621 (Python datetime)
  EXPECT_FALSE(ExcelSerialToDate(-1).ok());
}

TEST(IsIsoDate, RequiresExactPaddedRealDate) {
  EXPECT_TRUE(IsIsoDate("2020-03-01"));
  EXPECT_TRUE(IsIsoDate("2024-02-29"));
  EXPECT_FALSE(IsIsoDate("2023-02-29"));
  EXPECT_FALSE(IsIsoDate("2020-3-1"));
  EXPECT_FALSE(IsIsoDate("2020/03/01"));
  EXPECT_FALSE(IsIsoDate("2020-03-01 "));
  EXPECT_FALSE(IsIsoDate("0000-01-01"));
  EXPECT_FALSE(IsIsoDate(""));
}

TEST(YearOf, ReadsTheYearOrZero) {
  EXPECT_EQ(YearOf("2020-03-01"), 2020);
  EXPECT_EQ(YearOf("0999-12-31"), 999);
  EXPECT_EQ(YearOf("2020-13-01"), 0);
  EXPECT_EQ(YearOf("junk"), 0);
}

TEST(Calendar, LeapYearsAndValidity) {
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_FALSE(IsLeapYear(2023));
  EXPECT_TRUE(IsValidCivilDate(9999, 12, 31));
  EXPECT_FALSE(IsValidCivilDate(10000, 1, 1));
  EXPECT_FALSE(IsValidCivilDate(2023, 2, 29));
  EXPECT_EQ(FormatIsoDate(7, 3, 9), "0007-03-09");
}

TEST(ParseMonth, AcceptsEverySpelling) {
  for (std::string_view text : {"2020-03", "2020-3", "2020/3", "2020.3", "2020年3月", "2020年03月", "2020年3",
                                "202003", "２０２０年３月"}) {
    const Result<std::string> r = ParseMonth(text);
    ASSERT_TRUE(r.ok()) << text << ": " << r.status().ToString();
    EXPECT_EQ(*r, "2020-03") << text;
  }
}

TEST(ParseMonth, RejectsBadMonths) {
  EXPECT_TRUE(Contains(ErrorOf(ParseMonth("")), "empty"));
  EXPECT_TRUE(Contains(ErrorOf(ParseMonth("2020-13")), "month 13"));
  EXPECT_TRUE(Contains(ErrorOf(ParseMonth("202000")), "month 0"));
  for (std::string_view bad : {"2020-03-01", "20-03", "2020", "2020-3月", "2020/03/"})
    EXPECT_TRUE(Contains(ErrorOf(ParseMonth(bad)), "unrecognised month format")) << bad;
}

TEST(TodayAt, UsesChinaStandardTime) {
  using namespace std::chrono;
  // 2020-02-29 15:59:59 UTC is 23:59:59 in Beijing; one second later it is 1 March there.
  const sys_seconds before_midnight = sys_days{year{2020} / 2 / 29} + hours{15} + minutes{59} + seconds{59};
  EXPECT_EQ(TodayAt(before_midnight), "2020-02-29");
  EXPECT_EQ(TodayAt(before_midnight + seconds{1}), "2020-03-01");
  // 2019-12-31 20:00 UTC is already New Year's Day in Beijing.
  EXPECT_EQ(TodayAt(sys_days{year{2019} / 12 / 31} + hours{20}), "2020-01-01");
}

TEST(ChinaTimeSeconds, IsEightHoursAheadOfUtc) {
  EXPECT_EQ(ChinaTimeSeconds("2026-12-04", "09:00"), UnixSecondsOfIso("2026-12-04T01:00:00Z"));
  EXPECT_EQ(ChinaTimeSeconds("2026-12-04", "23:59"), UnixSecondsOfIso("2026-12-04T15:59:00Z"));
  // Before 08:00 in Beijing it is still the day before in UTC.
  EXPECT_EQ(ChinaTimeSeconds("2027-01-01", "00:30"), UnixSecondsOfIso("2026-12-31T16:30:00Z"));
  EXPECT_EQ(ChinaTimeSeconds("2024-02-29", "07:59"), UnixSecondsOfIso("2024-02-28T23:59:00Z"));
  EXPECT_EQ(ChinaTimeSeconds("2026-12-04", "24:00"), std::nullopt);
  EXPECT_EQ(ChinaTimeSeconds("2026-12-04", "09:60"), std::nullopt);
  EXPECT_EQ(ChinaTimeSeconds("2026-12-04", "9:00"), std::nullopt);
  EXPECT_EQ(ChinaTimeSeconds("2026-02-29", "09:00"), std::nullopt);
}

TEST(ChinaTimeText, ShowsTheMinuteInBeijing) {
  EXPECT_EQ(ChinaTimeText(UnixSecondsOfIso("2026-12-04T01:00:59Z")), "2026-12-04 09:00");
  EXPECT_EQ(ChinaTimeText(UnixSecondsOfIso("2026-12-31T16:00:00Z")), "2027-01-01 00:00");
  EXPECT_EQ(ChinaTimeText(UnixSecondsOfIso("2026-12-31T15:59:00Z")), "2026-12-31 23:59");
  for (const char* time : {"00:00", "08:30", "23:59"})
    EXPECT_EQ(ChinaTimeText(*ChinaTimeSeconds("2028-02-29", time)), std::string("2028-02-29 ") + time);
}

TEST(Today, IsAnIsoDate) { EXPECT_TRUE(IsIsoDate(Today())); }

TEST(AddDays, CrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ(AddDays("2020-12-15", 90).value(), "2021-03-15");
  EXPECT_EQ(AddDays("2020-02-28", 1).value(), "2020-02-29");  // 2020 is a leap year
  EXPECT_EQ(AddDays("2021-02-28", 1).value(), "2021-03-01");
  EXPECT_EQ(AddDays("2021-01-01", -1).value(), "2020-12-31");
  EXPECT_FALSE(AddDays("2021-1-1", 1).ok());
  EXPECT_FALSE(AddDays("9999-12-31", 1).ok());
}

}  // namespace
}  // namespace shanhai

// Calendar dates as the platform stores them: ISO-8601 "YYYY-MM-DD" strings (months
// "YYYY-MM"), proleptic Gregorian, years 0001–9999. Parsers accept the spellings found in
// Chinese ledgers and spreadsheets and always return the ISO form. All functions are
// pure (the clock is read only by Today()) and thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace shanhai {

// Gregorian leap year rule: divisible by 4, except centuries not divisible by 400.
bool IsLeapYear(int year);

// True when year is 1–9999, month 1–12 and day exists in that month (leap years included).
bool IsValidCivilDate(int year, int month, int day);

// "YYYY-MM-DD", zero-padded. Precondition: IsValidCivilDate(year, month, day).
std::string FormatIsoDate(int year, int month, int day);

// True when `text` is exactly "YYYY-MM-DD" (ASCII digits, zero-padded) and a real date.
// ISO dates compare correctly as strings, which callers rely on.
bool IsIsoDate(std::string_view text);

// The year of an ISO date, or 0 when !IsIsoDate(iso).
int YearOf(std::string_view iso);

// Parses a date a person or a spreadsheet wrote and returns "YYYY-MM-DD". The text is
// first passed through NormalizeInput (so full-width ２０２０ and surrounding blanks are fine).
// Accepted forms:
//   "2020-03-01", "2020-3-1", "2020/3/1", "2020.3.1"  (one separator kind throughout)
//   "2020年3月1日" (the final 日 may be omitted)
//   "20200301"     (exactly 8 digits: YYYYMMDD)
//   "43891", "43891.0"  (1–7 digits, optional all-zero fraction: an Excel 1900-system serial;
//                        see ExcelSerialToDate; note that "2020" is therefore read as a serial)
// Errors (InvalidArgument, message names the reason): empty text, invalid UTF-8, an
// unrecognised format, a year outside 0001–9999, a month outside 1–12, a day that does not
// exist in that month (e.g. 2021-02-29), an Excel serial with a time-of-day fraction or out
// of range.
Result<std::string> ParseDate(std::string_view text);

// Converts an Excel serial day number (1900 date system) to "YYYY-MM-DD".
// Serial 1 is 1900-01-01; Excel wrongly treats 1900 as a leap year, so serial 60 is the
// non-existent 1900-02-29 and from serial 61 (1900-03-01) on every date is one day later
// than a plain count from 1900-01-01 would give.
// Errors: InvalidArgument for serial 60 and for serials outside 1–2958465 (9999-12-31).
Result<std::string> ExcelSerialToDate(int64_t serial);

// Parses a month and returns "YYYY-MM". Accepted forms (after NormalizeInput):
// "2020-03", "2020-3", "2020/3", "2020.3", "2020年3月" (月 may be omitted), "202003".
// Errors: InvalidArgument for empty text, an unrecognised format, a year outside
// 0001–9999 or a month outside 1–12.
Result<std::string> ParseMonth(std::string_view text);

// The Unix seconds of date ("2026-12-04") at time ("09:00", 24-hour, zero-padded) in China
// Standard Time; nullopt when either is malformed.
std::optional<int64_t> ChinaTimeSeconds(std::string_view date, std::string_view time);

// "2026-12-04 09:00": the China Standard Time of unix_seconds to the minute (seconds dropped), as
// messages show a moment to people.
std::string ChinaTimeText(int64_t unix_seconds);

// Today's date in China Standard Time (UTC+8, no daylight saving), the time zone every
// deadline and birth date on the platform refers to, whatever the server's own zone.
std::string Today();

// The date in China Standard Time at instant `now`; lets tests and callers with an
// injected clock avoid the system clock.
std::string TodayAt(std::chrono::system_clock::time_point now);

// The ISO date `days` days after iso (before it when negative): "2020-12-15" + 90 → "2021-03-15".
// Errors: InvalidArgument when !IsIsoDate(iso) or the result falls outside years 0001–9999.
Result<std::string> AddDays(std::string_view iso, int days);

}  // namespace shanhai

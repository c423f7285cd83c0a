#include "common/date.h"

#include <fmt/format.h>

#include <vector>

#include "common/text.h"

namespace shanhai {
namespace {

constexpr int64_t kExcelMaxSerial = 2958465;  // 9999-12-31, Excel's last date
constexpr int64_t kExcelPhantomLeapDay = 60;  // 1900-02-29, which never existed
constexpr int kChinaOffsetHours = 8;          // China Standard Time: UTC+8, no daylight saving

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Precondition: IsAsciiDigits(s) and s.size() <= 9, so the value fits.
int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// The text split into maximal runs of ASCII digits and of everything else, which is all
// the structure the accepted date spellings have.
struct Token {
  bool digits;
  std::string_view text;
};

std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < s.size()) {
    const bool digits = IsAsciiDigit(s[i]);
    size_t j = i;
    while (j < s.size() && IsAsciiDigit(s[j]) == digits) ++j;
    tokens.push_back({digits, s.substr(i, j - i)});
    i = j;
  }
  return tokens;
}

bool IsDigitRun(const std::vector<Token>& t, size_t i, size_t min_len, size_t max_len) {
  return i < t.size() && t[i].digits && t[i].text.size() >= min_len && t[i].text.size() <= max_len;
}

bool IsText(const std::vector<Token>& t, size_t i, std::string_view text) {
  return i < t.size() && !t[i].digits && t[i].text == text;
}

bool IsNumericSeparator(std::string_view s) { return s == "-" || s == "/" || s == "."; }

Status DateFormatError(std::string_view text) {
  return Status::InvalidArgument(
      fmt::format("无法识别的日期格式“{}”（应如 2020-03-01、2020/3/1、2020年3月1日 或 20200301）", text),
      fmt::format("unrecognised date format \"{}\" (expected e.g. 2020-03-01, 2020/3/1, 2020年3月1日 or 20200301)",
                  text));
}

Status MonthFormatError(std::string_view text) {
  return Status::InvalidArgument(
      fmt::format("无法识别的月份格式“{}”（应如 2020-03、2020/3、2020年3月 或 202003）", text),
      fmt::format("unrecognised month format \"{}\" (expected e.g. 2020-03, 2020/3, 2020年3月 or 202003)", text));
}

// Checks year (4 digits) and month (1–2 digits) that the grammar already matched.
Status CheckYearMonth(int year, int month) {
  if (year < 1)
    return Status::InvalidArgument(fmt::format("年份 {:04} 超出范围（应为 0001–9999）", year),
                                   fmt::format("year {:04} is out of range (must be 0001–9999)", year));
  if (month < 1 || month > 12)
    return Status::InvalidArgument(fmt::format("月份 {} 无效（应为 1–12）", month),
                                   fmt::format("month {} is invalid (must be 1–12)", month));
  return Status::Ok();
}

Result<std::string> CheckedDate(std::string_view y, std::string_view m, std::string_view d) {
  const int year = ToInt(y), month = ToInt(m), day = ToInt(d);
  SH_RETURN_IF_ERROR(CheckYearMonth(year, month));
  const int days = DaysInMonth(year, month);
  if (day < 1 || day > days)
    return Status::InvalidArgument(
        fmt::format("{:04}年{}月没有{}日（该月只有 {} 天）", year, month, day, days),
        fmt::format("day {} does not exist in {:04}-{:02} (that month has {} days)", day, year, month, days));
  return FormatIsoDate(year, month, day);
}

Result<std::string> SerialTextToDate(std::string_view whole, std::string_view fraction, std::string_view text) {
  if (fraction.find_first_not_of('0') != std::string_view::npos)
    return Status::InvalidArgument(
        fmt::format("无法识别的日期“{}”：Excel 日期序列号不能带小数（时间部分），请只填写日期", text),
        fmt::format("unrecognised date \"{}\": an Excel date serial must be a whole number (no time of day)", text));
  return ExcelSerialToDate(ToInt(whole));
}

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool IsValidCivilDate(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

std::string FormatIsoDate(int year, int month, int day) { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

bool IsIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  const std::string_view y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  return IsAsciiDigits(y) && IsAsciiDigits(m) && IsAsciiDigits(d) && IsValidCivilDate(ToInt(y), ToInt(m), ToInt(d));
}

int YearOf(std::string_view iso) { return IsIsoDate(iso) ? ToInt(iso.substr(0, 4)) : 0; }

Result<std::string> ParseDate(std::string_view raw) {
  SH_ASSIGN_OR_RETURN(const std::string text, NormalizeInput(raw));
  if (text.empty()) return Status::InvalidArgument("日期为空", "date is empty");
  const std::vector<Token> t = Tokenize(text);

  if (t.size() == 1 && IsDigitRun(t, 0, 8, 8)) {
    const std::string_view s = t[0].text;
    return CheckedDate(s.substr(0, 4), s.substr(4, 2), s.substr(6, 2));
  }
  if (t.size() == 1 && IsDigitRun(t, 0, 1, 7)) return SerialTextToDate(t[0].text, "", text);
  if (t.size() == 3 && IsDigitRun(t, 0, 1, 7) && IsText(t, 1, ".") && IsDigitRun(t, 2, 1, 9))
    return SerialTextToDate(t[0].text, t[2].text, text);

  const bool ymd_digits = IsDigitRun(t, 0, 4, 4) && IsDigitRun(t, 2, 1, 2) && IsDigitRun(t, 4, 1, 2);
  const bool numeric = t.size() == 5 && IsNumericSeparator(t[1].text) && t[1].text == t[3].text;
  const bool chinese = (t.size() == 5 || (t.size() == 6 && IsText(t, 5, "日"))) && IsText(t, 1, "年") &&
                       IsText(t, 3, "月");
  if (ymd_digits && (numeric || chinese)) return CheckedDate(t[0].text, t[2].text, t[4].text);
  return DateFormatError(text);
}

Result<std::string> ExcelSerialToDate(int64_t serial) {
  if (serial == kExcelPhantomLeapDay)
    return Status::InvalidArgument("Excel 日期序列号 60 对应并不存在的 1900-02-29",
                                   "Excel date serial 60 is 1900-02-29, a day that never existed");
  if (serial < 1 || serial > kExcelMaxSerial)
    return Status::InvalidArgument(
        fmt::format("Excel 日期序列号 {} 超出范围（应为 1–{}）", serial, kExcelMaxSerial),
        fmt::format("Excel date serial {} is out of range (must be 1–{})", serial, kExcelMaxSerial));
  using namespace std::chrono;
  // Before the phantom day serial N is 1899-12-31 + N; after it, one day less.
  const sys_days epoch = serial < kExcelPhantomLeapDay ? sys_days{year{1899} / December / 31}
                                                       : sys_days{year{1899} / December / 30};
  const year_month_day ymd{epoch + days{serial}};
  return FormatIsoDate(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
}

Result<std::string> ParseMonth(std::string_view raw) {
  SH_ASSIGN_OR_RETURN(const std::string text, NormalizeInput(raw));
  if (text.empty()) return Status::InvalidArgument("月份为空", "month is empty");
  const std::vector<Token> t = Tokenize(text);

  std::string_view y, m;
  if (t.size() == 1 && IsDigitRun(t, 0, 6, 6)) {
    y = t[0].text.substr(0, 4);
    m = t[0].text.substr(4, 2);
  } else if (IsDigitRun(t, 0, 4, 4) && IsDigitRun(t, 2, 1, 2) &&
             ((t.size() == 3 && (IsNumericSeparator(t[1].text) || IsText(t, 1, "年"))) ||
              (t.size() == 4 && IsText(t, 1, "年") && IsText(t, 3, "月")))) {
    y = t[0].text;
    m = t[2].text;
  } else {
    return MonthFormatError(text);
  }
  const int year = ToInt(y), month = ToInt(m);
  SH_RETURN_IF_ERROR(CheckYearMonth(year, month));
  return fmt::format("{:04}-{:02}", year, month);
}

std::optional<int64_t> ChinaTimeSeconds(std::string_view date, std::string_view time) {
  using namespace std::chrono;
  if (!IsIsoDate(date) || time.size() != 5 || time[2] != ':' || !IsAsciiDigit(time[0]) || !IsAsciiDigit(time[1]) ||
      !IsAsciiDigit(time[3]) || !IsAsciiDigit(time[4]))
    return std::nullopt;
  const int hour = ToInt(time.substr(0, 2)), minute = ToInt(time.substr(3, 2));
  if (hour > 23 || minute > 59) return std::nullopt;
  const year_month_day ymd{year{YearOf(date)}, month{unsigned(ToInt(date.substr(5, 2)))},
                           day{unsigned(ToInt(date.substr(8, 2)))}};
  const sys_seconds at = sys_days{ymd} + hours{hour} + minutes{minute} - hours{kChinaOffsetHours};
  return at.time_since_epoch().count();
}

std::string ChinaTimeText(int64_t unix_seconds) {
  using namespace std::chrono;
  const sys_seconds local{seconds{unix_seconds} + hours{kChinaOffsetHours}};
  const sys_days day = floor<days>(local);
  const year_month_day ymd{day};
  const hh_mm_ss<seconds> clock{local - day};
  return fmt::format("{} {:02}:{:02}", FormatIsoDate(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day())),
                     clock.hours().count(), clock.minutes().count());
}

std::string Today() { return TodayAt(std::chrono::system_clock::now()); }

std::string TodayAt(std::chrono::system_clock::time_point now) {
  using namespace std::chrono;
  const year_month_day ymd{floor<days>(now + hours{kChinaOffsetHours})};
  return FormatIsoDate(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
}

Result<std::string> AddDays(std::string_view iso, int days) {
  using namespace std::chrono;
  if (!IsIsoDate(iso))
    return Status::InvalidArgument("日期格式应为 YYYY-MM-DD：" + std::string(iso),
                                   "a date must be YYYY-MM-DD: " + std::string(iso));
  const year_month_day from{year{YearOf(iso)}, month{unsigned(ToInt(iso.substr(5, 2)))},
                            day{unsigned(ToInt(iso.substr(8, 2)))}};
  const year_month_day to{sys_days{from} + std::chrono::days{days}};
  if (int(to.year()) < 1 || int(to.year()) > 9999)
    return Status::InvalidArgument("日期超出 0001–9999 年", "the date falls outside years 0001–9999");
  return FormatIsoDate(int(to.year()), unsigned(to.month()), unsigned(to.day()));
}

}  // namespace shanhai

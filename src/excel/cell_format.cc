#include "excel/cell_format.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace shanhai::excel {
namespace {

NumberFormatKind BuiltinKind(int id) {
  if ((id >= 14 && id <= 17) || id == 22) return NumberFormatKind::kDate;
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return NumberFormatKind::kTime;
  // zh-CN locale built-ins (written by Chinese Excel and WPS without a numFmt entry).
  if ((id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 54) || id == 57 || id == 58) {
    return NumberFormatKind::kDate;
  }
  if ((id >= 32 && id <= 35) || id == 55 || id == 56) return NumberFormatKind::kTime;
  return NumberFormatKind::kNumber;
}

// Days from 1970-01-01 to the proleptic Gregorian date, and back (Hinnant's civil algorithms).
void CivilFromDays(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
}

constexpr int64_t kDays1899_12_30 = -25569;  // 1970-01-01 minus 25569 days
constexpr int64_t kDays1899_12_31 = -25568;
constexpr int64_t kDays1904_01_01 = -24107;
constexpr double kMaxSerial1900 = 2958466.0;  // 10000-01-01 (exclusive)
constexpr double kMaxSerial1904 = 2957004.0;

// Fixed-width decimal digits; snprintf was a visible cost on date-heavy sheets.
void PutDigits(char* out, int value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

std::string TimeText(int64_t seconds) {
  char buf[8] = {0, 0, ':', 0, 0, ':', 0, 0};
  PutDigits(buf, static_cast<int>(seconds / 3600), 2);
  PutDigits(buf + 3, static_cast<int>(seconds / 60 % 60), 2);
  PutDigits(buf + 6, static_cast<int>(seconds % 60), 2);
  return std::string(buf, sizeof buf);
}

std::string DateText(int year, int month, int day) {
  char buf[10] = {0, 0, 0, 0, '-', 0, 0, '-', 0, 0};
  PutDigits(buf, year, 4);
  PutDigits(buf + 5, month, 2);
  PutDigits(buf + 8, day, 2);
  return std::string(buf, sizeof buf);
}

// Plain decimal text with at most 15 significant digits ("4600", "-12.5", "0.1") is already what
// FormatNumber would print: 15 digits survive the trip through a double. Skipping that trip matters,
// as such values are the commonest number cells. Rejects exponents, leading zeros ("007"),
// trailing fractional zeros ("1.50"), "-0" and values below 1e-10.
bool IsCanonicalShortDecimal(std::string_view v) {
  size_t i = (!v.empty() && v[0] == '-') ? 1 : 0;
  if (i == v.size()) return false;
  const size_t int_start = i;
  while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
  const size_t int_digits = i - int_start;
  if (int_digits == 0 || (int_digits > 1 && v[int_start] == '0')) return false;
  const bool int_is_zero = v[int_start] == '0';
  size_t significant = int_is_zero ? 0 : int_digits;
  if (i == v.size()) return !(int_is_zero && int_start == 1) && significant <= 15;  // "-0" is not canonical
  if (v[i] != '.' || i + 1 == v.size() || v.back() == '0') return false;
  size_t leading_zeros = 0;
  for (++i; i < v.size(); ++i) {
    if (v[i] < '0' || v[i] > '9') return false;
    if (significant == 0 && v[i] == '0') {
      ++leading_zeros;
    } else {
      ++significant;
    }
  }
  return significant <= 15 && leading_zeros < 9;
}

std::string ToChars(double v, std::chars_format fmt) {
  char buf[512];  // fixed form of values below 1e21 with <= 17 digits after the leading zeros
  auto res = std::to_chars(buf, buf + sizeof buf, v, fmt);
  return std::string(buf, res.ptr);
}

// An integer beyond 15 digits as the shortest digits that identify its double, padded with zeros
// (1.1010119900307123e+17 → "110101199003071230"), as the writing tool printed it, rather than the
// double's exact binary value (…071232), which no user ever typed.
std::string LargeIntegerText(double v) {
  const std::string sci = ToChars(v, std::chars_format::scientific);  // "-1.2345e+17"
  const size_t e = sci.find('e');
  const int exponent = std::stoi(sci.substr(e + 1));
  std::string digits;
  for (size_t i = 0; i < e; ++i) {
    if (sci[i] >= '0' && sci[i] <= '9') digits += sci[i];
  }
  digits.resize(static_cast<size_t>(exponent) + 1, '0');  // integral, so no digits are cut
  return (v < 0 ? "-" : "") + digits;
}

}  // namespace

NumberFormatKind ClassifyNumberFormat(int num_fmt_id, std::string_view code) {
  if (code.empty()) return BuiltinKind(num_fmt_id);
  bool date = false, time = false, month_or_minute = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      const size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '[') {
      const size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      // [h], [mm], [ss] are elapsed-time tokens; other brackets are colours, locales, conditions.
      const std::string_view inner = code.substr(i + 1, close - i - 1);
      if (!inner.empty() && inner.find_first_not_of("hHmMsS") == std::string_view::npos) time = true;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is a literal, a spacer or a fill character
    } else if (c == ';') {
      break;  // the first section decides; later ones are for negatives/zero/text
    } else {
      switch (c | 0x20) {  // ASCII lower case
        case 'y': case 'd': date = true; break;
        case 'h': case 's': time = true; break;
        case 'm': month_or_minute = true; break;
        default: break;
      }
    }
  }
  if (date) return NumberFormatKind::kDate;
  if (time) return NumberFormatKind::kTime;
  if (month_or_minute) return NumberFormatKind::kDate;
  return NumberFormatKind::kNumber;
}

std::string FormatNumber(double v) {
  if (v == 0 || !std::isfinite(v)) return "0";
  if (std::floor(v) == v) {
    if (std::fabs(v) < 1e15) return ToChars(v, std::chars_format::fixed);
    if (std::fabs(v) < 1e21) return LargeIntegerText(v);
  }
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 15);
  double rounded = v;
  std::from_chars(buf, res.ptr, rounded);
  if (rounded == 0) return "0";
  const double mag = std::fabs(rounded);
  if (mag >= 1e-10 && mag < 1e21) return ToChars(rounded, std::chars_format::fixed);
  return ToChars(rounded, std::chars_format::scientific);
}

std::optional<std::string> SerialToText(double serial, NumberFormatKind kind, bool date1904) {
  if (!(serial >= 0) || serial >= (date1904 ? kMaxSerial1904 : kMaxSerial1900)) return std::nullopt;
  int64_t day = static_cast<int64_t>(std::floor(serial));
  int64_t seconds = std::llround((serial - static_cast<double>(day)) * 86400.0);
  if (seconds >= 86400) {
    seconds -= 86400;
    ++day;
  }
  if (day == 0 && (kind == NumberFormatKind::kTime || !date1904)) return TimeText(seconds);

  std::string text;
  if (!date1904 && day == 60) {
    text = "1900-02-29";  // Lotus 1-2-3's leap-year bug, kept by Excel
  } else {
    const int64_t base = date1904 ? kDays1904_01_01 : (day > 60 ? kDays1899_12_30 : kDays1899_12_31);
    int64_t y;
    unsigned m, d;
    CivilFromDays(base + day, y, m, d);
    text = DateText(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
  }
  if (seconds != 0) text += " " + TimeText(seconds);
  return text;
}

std::string NumberCellText(std::string_view raw, NumberFormatKind kind, bool date1904) {
  if (kind == NumberFormatKind::kNumber && IsCanonicalShortDecimal(raw)) return std::string(raw);
  double v = 0;
  const char* begin = raw.data();
  const char* end = raw.data() + raw.size();
  if (begin != end && *begin == '+') ++begin;  // from_chars rejects a leading '+'
  auto res = std::from_chars(begin, end, v);
  if (res.ec != std::errc() || res.ptr != end) return std::string(raw);
  if (kind != NumberFormatKind::kNumber) {
    if (auto text = SerialToText(v, kind, date1904)) return *std::move(text);
  }
  return FormatNumber(v);
}

}  // namespace shanhai::excel

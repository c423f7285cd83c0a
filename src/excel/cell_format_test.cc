#include "excel/cell_format.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace shanhai::excel {
namespace {

TEST(FormatNumberTest, ShortestDecimalText) {
  EXPECT_EQ(FormatNumber(1033.98), "1033.98");
  EXPECT_EQ(FormatNumber(1033.9800000000001), "1033.98");  // a different double, shown as Excel shows it
  EXPECT_EQ(FormatNumber(0.1), "0.1");
  EXPECT_EQ(FormatNumber(0.1 + 0.2), "0.3");
  EXPECT_EQ(FormatNumber(4600), "4600");
  EXPECT_EQ(FormatNumber(-12.5), "-12.5");
  EXPECT_EQ(FormatNumber(-0.0), "0");
  EXPECT_EQ(FormatNumber(1e15), "1000000000000000");
  EXPECT_EQ(FormatNumber(110101199003071234.0), "110101199003071230");  // what a double holds
  EXPECT_EQ(FormatNumber(0.000123), "0.000123");
  EXPECT_EQ(FormatNumber(1.5e-12), "1.5e-12");
  EXPECT_EQ(FormatNumber(4599.99999999999999), "4600");
}

TEST(NumberCellTextTest, RawValues) {
  EXPECT_EQ(NumberCellText("1033.9800000000001", NumberFormatKind::kNumber, false), "1033.98");
  EXPECT_EQ(NumberCellText("1.10101199003071E+17", NumberFormatKind::kNumber, false), "110101199003071000");
  EXPECT_EQ(NumberCellText("4600", NumberFormatKind::kNumber, false), "4600");
  EXPECT_EQ(NumberCellText("abc", NumberFormatKind::kNumber, false), "abc");
  EXPECT_EQ(NumberCellText("45366", NumberFormatKind::kDate, false), "2024-03-15");
  EXPECT_EQ(NumberCellText("-3", NumberFormatKind::kDate, false), "-3");  // no date before 1900
}

// The fast path for already-canonical text must agree with the full double round trip.
TEST(NumberCellTextTest, FastPathAgreesWithFormatNumber) {
  std::mt19937_64 rng(20240315);
  std::vector<std::string> raws = {"0", "-0", "7", "-7", "007", "1.50", "0.1", "-0.25", "0.000000001",
                                   "0.0000000001", "123456789012345", "1234567890123456", "0.123456789012345",
                                   "1.1234567890123456", "1e5", "1.", ".5", "-", ""};
  for (int i = 0; i < 2000; ++i) {
    const int digits = static_cast<int>(rng() % 17) + 1;
    std::string raw = (rng() % 4 == 0) ? "-" : "";
    std::string mantissa;
    for (int d = 0; d < digits; ++d) mantissa += static_cast<char>('0' + rng() % 10);
    const size_t point = rng() % (mantissa.size() + 1);
    raw += point == mantissa.size() ? mantissa : mantissa.substr(0, point) + "." + mantissa.substr(point);
    raws.push_back(raw);
  }
  for (const auto& raw : raws) {
    char* end = nullptr;
    const double v = std::strtod(raw.c_str(), &end);
    if (raw.empty() || *end != '\0' || raw == "-") continue;  // not numbers: returned as is
    EXPECT_EQ(NumberCellText(raw, NumberFormatKind::kNumber, false), FormatNumber(v)) << raw;
  }
}

TEST(ClassifyNumberFormatTest, BuiltinIds) {
  EXPECT_EQ(ClassifyNumberFormat(0, ""), NumberFormatKind::kNumber);
  EXPECT_EQ(ClassifyNumberFormat(2, ""), NumberFormatKind::kNumber);
  EXPECT_EQ(ClassifyNumberFormat(14, ""), NumberFormatKind::kDate);
  EXPECT_EQ(ClassifyNumberFormat(22, ""), NumberFormatKind::kDate);
  EXPECT_EQ(ClassifyNumberFormat(20, ""), NumberFormatKind::kTime);
  EXPECT_EQ(ClassifyNumberFormat(46, ""), NumberFormatKind::kTime);
  EXPECT_EQ(ClassifyNumberFormat(31, ""), NumberFormatKind::kDate);  // zh-CN yyyy"年"m"月"d"日"
  EXPECT_EQ(ClassifyNumberFormat(49, ""), NumberFormatKind::kNumber);  // @ (text)
}

TEST(ClassifyNumberFormatTest, CustomCodes) {
  EXPECT_EQ(ClassifyNumberFormat(164, "yyyy-mm-dd"), NumberFormatKind::kDate);
  EXPECT_EQ(ClassifyNumberFormat(164, "yyyy\"年\"m\"月\"d\"日\""), NumberFormatKind::kDate);
  EXPECT_EQ(ClassifyNumberFormat(164, "[$-804]yyyy/m/d;@"), NumberFormatKind::kDate);
  EXPECT_EQ(ClassifyNumberFormat(164, "h:mm:ss"), NumberFormatKind::kTime);
  EXPECT_EQ(ClassifyNumberFormat(164, "[h]:mm"), NumberFormatKind::kTime);
  EXPECT_EQ(ClassifyNumberFormat(164, "General"), NumberFormatKind::kNumber);
  EXPECT_EQ(ClassifyNumberFormat(164, "#,##0.00_);[Red](#,##0.00)"), NumberFormatKind::kNumber);
  EXPECT_EQ(ClassifyNumberFormat(164, "0.00\"days\""), NumberFormatKind::kNumber);  // quoted letters
  EXPECT_EQ(ClassifyNumberFormat(164, "[Red]0.00"), NumberFormatKind::kNumber);     // bracketed letters
  EXPECT_EQ(ClassifyNumberFormat(164, "0\\d"), NumberFormatKind::kNumber);          // escaped letter
  EXPECT_EQ(ClassifyNumberFormat(164, "0.00E+00"), NumberFormatKind::kNumber);
}

TEST(SerialToTextTest, System1900) {
  EXPECT_EQ(SerialToText(1, NumberFormatKind::kDate, false), "1900-01-01");
  EXPECT_EQ(SerialToText(59, NumberFormatKind::kDate, false), "1900-02-28");
  EXPECT_EQ(SerialToText(60, NumberFormatKind::kDate, false), "1900-02-29");  // Excel's fictitious day
  EXPECT_EQ(SerialToText(61, NumberFormatKind::kDate, false), "1900-03-01");
  EXPECT_EQ(SerialToText(45292, NumberFormatKind::kDate, false), "2024-01-01");
  EXPECT_EQ(SerialToText(45351, NumberFormatKind::kDate, false), "2024-02-29");
  EXPECT_EQ(SerialToText(45292.5, NumberFormatKind::kDate, false), "2024-01-01 12:00:00");
  EXPECT_EQ(SerialToText(2958465, NumberFormatKind::kDate, false), "9999-12-31");
  EXPECT_EQ(SerialToText(2958466, NumberFormatKind::kDate, false), std::nullopt);
  EXPECT_EQ(SerialToText(-1, NumberFormatKind::kDate, false), std::nullopt);
}

TEST(SerialToTextTest, TimesAndRounding) {
  EXPECT_EQ(SerialToText(0.75, NumberFormatKind::kTime, false), "18:00:00");
  EXPECT_EQ(SerialToText(0.75, NumberFormatKind::kDate, false), "18:00:00");  // Excel's day 0 has no date
  // 23:59:59.9 rounds up into the next day.
  EXPECT_EQ(SerialToText(45292 + 86399.9 / 86400, NumberFormatKind::kDate, false), "2024-01-02");
  EXPECT_EQ(SerialToText(45366.35422453703, NumberFormatKind::kDate, false), "2024-03-15 08:30:05");
}

TEST(SerialToTextTest, System1904) {
  EXPECT_EQ(SerialToText(0, NumberFormatKind::kDate, true), "1904-01-01");
  EXPECT_EQ(SerialToText(43830, NumberFormatKind::kDate, true), "2024-01-01");  // 45292 - 1462
  EXPECT_EQ(SerialToText(0.5, NumberFormatKind::kTime, true), "12:00:00");
}

}  // namespace
}  // namespace shanhai::excel

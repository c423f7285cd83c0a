#include "storage/postgres/pg_values.h"

#include <gtest/gtest.h>

#include <cmath>

namespace shanhai {
namespace {

constexpr unsigned kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat8 = 701, kNumeric = 1700, kText = 25;

TEST(PgValuesTest, IntegerTypesBecomeInt64) {
  EXPECT_EQ(PgCellValue("-9223372036854775808", kInt8), Value{INT64_MIN});
  EXPECT_EQ(PgCellValue("12", kInt2), Value{int64_t{12}});
  EXPECT_EQ(PgCellValue("-7", kInt4), Value{int64_t{-7}});
  EXPECT_EQ(PgCellValue("t", kBool), Value{int64_t{1}});
  EXPECT_EQ(PgCellValue("f", kBool), Value{int64_t{0}});
}

TEST(PgValuesTest, NumericIsInt64WhenWhole) {
  EXPECT_EQ(PgCellValue("30000000000000", kNumeric), Value{int64_t{30000000000000}});
  EXPECT_EQ(PgCellValue("-5.000", kNumeric), Value{int64_t{-5}});
  EXPECT_EQ(PgCellValue("1.5", kNumeric), Value{1.5});
  EXPECT_EQ(PgCellValue("-0.25", kNumeric), Value{-0.25});
  // Beyond int64: a double rather than a wrong integer.
  EXPECT_EQ(PgCellValue("100000000000000000000", kNumeric), Value{1e20});
  EXPECT_TRUE(std::isnan(std::get<double>(PgCellValue("NaN", kNumeric))));
}

TEST(PgValuesTest, FloatsAndText) {
  EXPECT_EQ(PgCellValue("0.1", kFloat8), Value{0.1});
  EXPECT_TRUE(std::isinf(std::get<double>(PgCellValue("-Infinity", kFloat8))));
  EXPECT_EQ(PgCellValue("2024-01-02", kText), Value{std::string("2024-01-02")});
}

TEST(PgValuesTest, ParamTextRoundTripsDoubles) {
  EXPECT_EQ(PgParamText(Value{0.1}), "0.1");
  EXPECT_EQ(std::stod(PgParamText(Value{1.0 / 3})), 1.0 / 3);
  EXPECT_EQ(PgParamText(Value{int64_t{-12}}), "-12");
}

TEST(PgValuesTest, CopyFieldsAreEscaped) {
  std::string out;
  AppendCopyField(out, Value{std::string("a\\b\tc\nd\re")});
  out += '|';
  AppendCopyField(out, Value{});
  out += '|';
  AppendCopyField(out, Value{int64_t{5}});
  EXPECT_EQ(out, "a\\\\b\\tc\\nd\\re|\\N|5");
  // Escapes at either end and side by side, between runs copied whole.
  out.clear();
  AppendCopyField(out, Value{std::string("\\\\plain text\r\n")});
  EXPECT_EQ(out, "\\\\\\\\plain text\\r\\n");
}

}  // namespace
}  // namespace shanhai

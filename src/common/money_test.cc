#include "common/money.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();  //  9223372036854775807
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();  // -9223372036854775808

template <typename T>
std::string ErrorOf(const Result<T>& r) {
  EXPECT_FALSE(r.ok());
  if (r.ok()) return "";
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_FALSE(r.status().message_zh().empty());
  return r.status().message_en();
}

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(ParseAmountToFenInYuan, ExactDecimalValues) {
  EXPECT_EQ(*ParseAmountToFen("1033.98", MoneyUnit::kYuan), 103398);
  EXPECT_EQ(*ParseAmountToFen("1,033.98", MoneyUnit::kYuan), 103398);
  EXPECT_EQ(*ParseAmountToFen("-5", MoneyUnit::kYuan), -500);
  EXPECT_EQ(*ParseAmountToFen("12.3", MoneyUnit::kYuan), 1230);
  EXPECT_EQ(*ParseAmountToFen("+0.01", MoneyUnit::kYuan), 1);
  EXPECT_EQ(*ParseAmountToFen("0", MoneyUnit::kYuan), 0);
  EXPECT_EQ(*ParseAmountToFen("-0.00", MoneyUnit::kYuan), 0);
  EXPECT_EQ(*ParseAmountToFen("1,234,567.89", MoneyUnit::kYuan), 123456789);
  EXPECT_EQ(*ParseAmountToFen(" １，０３３．９８ ", MoneyUnit::kYuan), 103398);  // full-width, padded
  // 0.1 + 0.2 style values a double would get wrong: 0.29 * 100 = 28.999999999999996.
  EXPECT_EQ(*ParseAmountToFen("0.29", MoneyUnit::kYuan), 29);
  EXPECT_EQ(*ParseAmountToFen("4.35", MoneyUnit::kYuan), 435);
}

TEST(ParseAmountToFenInYuan, Int64Limits) {
  EXPECT_EQ(*ParseAmountToFen("92233720368547758.07", MoneyUnit::kYuan), kMax);
  EXPECT_EQ(*ParseAmountToFen("-92233720368547758.08", MoneyUnit::kYuan), kMin);
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("92233720368547758.08", MoneyUnit::kYuan)), "out of the representable range"));
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("-92233720368547758.09", MoneyUnit::kYuan)), "out of the representable range"));
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("100000000000000000000", MoneyUnit::kYuan)), "out of the representable range"));
}

TEST(ParseAmountToFenInYuan, NamesEachError) {
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("", MoneyUnit::kYuan)), "amount is empty"));
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen(" \u3000", MoneyUnit::kYuan)), "amount is empty"));
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("1.234", MoneyUnit::kYuan)), "has 3 decimal places; at most 2"));
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("1.000", MoneyUnit::kYuan)), "has 3 decimal places"));
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("12a", MoneyUnit::kYuan)), "not a digit"));
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("¥12", MoneyUnit::kYuan)), "not a digit"));
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("1 000", MoneyUnit::kYuan)), "not a digit"));
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("--5", MoneyUnit::kYuan)), "not a digit"));
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("1.2.3", MoneyUnit::kYuan)), "not a digit"));
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("1.03E+08", MoneyUnit::kYuan)), "scientific notation"));
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen(".5", MoneyUnit::kYuan)), "whole-number part is missing"));
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("-", MoneyUnit::kYuan)), "whole-number part is missing"));
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("5.", MoneyUnit::kYuan)), "no digit after the decimal point"));
  for (std::string_view bad : {"1,00", "10,00.5", "1234,567", ",123", "1,,000", "1,000,", "1,0000"})
    EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen(bad, MoneyUnit::kYuan)), "thousands separator")) << bad;
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("1\xff", MoneyUnit::kYuan)), "UTF-8"));
}

TEST(ParseAmountToFenInWanYuan, ScalesByAMillion) {
  // 1033.98 万元 = 10,339,800 元 = 1,033,980,000 fen.
  EXPECT_EQ(*ParseAmountToFen("1033.98", MoneyUnit::kWanYuan), 1033980000);
  EXPECT_EQ(*ParseAmountToFen("0.000001", MoneyUnit::kWanYuan), 1);  // one fen
  EXPECT_EQ(*ParseAmountToFen("-2", MoneyUnit::kWanYuan), -2000000);
  EXPECT_EQ(*ParseAmountToFen("1,000", MoneyUnit::kWanYuan), 1000000000);
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("0.0000001", MoneyUnit::kWanYuan)), "has 7 decimal places; at most 6"));
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("9223372036854.775808", MoneyUnit::kWanYuan)), "out of the representable range"));
  EXPECT_EQ(*ParseAmountToFen("9223372036854.775807", MoneyUnit::kWanYuan), kMax);
}

TEST(FormatFenAsYuan, TwoDecimals) {
  EXPECT_EQ(FormatFenAsYuan(103398), "1033.98");
  EXPECT_EQ(FormatFenAsYuan(0), "0.00");
  EXPECT_EQ(FormatFenAsYuan(5), "0.05");
  EXPECT_EQ(FormatFenAsYuan(-5), "-0.05");
  EXPECT_EQ(FormatFenAsYuan(-500), "-5.00");
  EXPECT_EQ(FormatFenAsYuan(kMax), "92233720368547758.07");
  EXPECT_EQ(FormatFenAsYuan(kMin), "-92233720368547758.08");
}

TEST(FormatAndParse, RoundTrip) {
  for (int64_t fen : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{99}, int64_t{100}, int64_t{123456789}, kMax, kMin}) {
    EXPECT_EQ(*ParseAmountToFen(FormatFenAsYuan(fen), MoneyUnit::kYuan), fen) << fen;
  }
}

TEST(ParseInteger, StrictWholeNumbers) {
  EXPECT_EQ(*ParseInteger("42"), 42);
  EXPECT_EQ(*ParseInteger("-1,000,000"), -1000000);
  EXPECT_EQ(*ParseInteger("９"), 9);
  EXPECT_EQ(*ParseInteger("9223372036854775807"), kMax);
  EXPECT_EQ(*ParseInteger("-9223372036854775808"), kMin);
  EXPECT_TRUE(Contains(ErrorOf(ParseInteger("9223372036854775808")), "out of the representable range"));
  EXPECT_TRUE(Contains(ErrorOf(ParseInteger("12.0")), "not a whole number"));
  EXPECT_TRUE(Contains(ErrorOf(ParseInteger("")), "number is empty"));
  EXPECT_TRUE(Contains(ErrorOf(ParseInteger("12x")), "not a digit"));
}

TEST(ParseInteger, RangeChecked) {
  EXPECT_EQ(*ParseInteger("0", 0, 120), 0);
  EXPECT_EQ(*ParseInteger("120", 0, 120), 120);
  EXPECT_TRUE(Contains(ErrorOf(ParseInteger("121", 0, 120)), "121 is outside the allowed range 0–120"));
  EXPECT_TRUE(Contains(ErrorOf(ParseInteger("-1", 0, 120)), "-1 is outside the allowed range 0–120"));
}

TEST(ParseDecimal, ReadsDecimals) {
  EXPECT_DOUBLE_EQ(*ParseDecimal("3.14159"), 3.14159);
  EXPECT_DOUBLE_EQ(*ParseDecimal("-1,234.5"), -1234.5);
  EXPECT_DOUBLE_EQ(*ParseDecimal("0.125"), 0.125);
  EXPECT_DOUBLE_EQ(*ParseDecimal("７"), 7.0);
  EXPECT_TRUE(Contains(ErrorOf(ParseDecimal("1e5")), "scientific notation"));
  EXPECT_TRUE(Contains(ErrorOf(ParseDecimal("nan")), "not a digit"));
  EXPECT_TRUE(Contains(ErrorOf(ParseDecimal("")), "number is empty"));
  EXPECT_TRUE(Contains(ErrorOf(ParseDecimal(std::string(400, '9'))), "out of the representable range"));
}

TEST(ParseAmountToFen, UnitWordOrTheBareUnit) {
  EXPECT_EQ(*ParseAmountToFen("50万", MoneyUnit::kYuan), 500'000'00);
  EXPECT_EQ(*ParseAmountToFen("50万元", MoneyUnit::kYuan), 500'000'00);
  EXPECT_EQ(*ParseAmountToFen("0.5亿", MoneyUnit::kYuan), 50'000'000'00);
  EXPECT_EQ(*ParseAmountToFen("0.5亿元", MoneyUnit::kWanYuan), 50'000'000'00);
  EXPECT_EQ(*ParseAmountToFen("500元", MoneyUnit::kWanYuan), 500'00);
  EXPECT_EQ(*ParseAmountToFen("1,033.98", MoneyUnit::kYuan), 1033'98);
  EXPECT_EQ(*ParseAmountToFen("1,033.98", MoneyUnit::kWanYuan), 1033'9800'00);
  EXPECT_EQ(*ParseAmountToFen(" ５０万 ", MoneyUnit::kYuan), 500'000'00);  // full-width, padded
  EXPECT_EQ(*ParseAmountToFen("0.000001", MoneyUnit::kWanYuan), 1);     // one fen
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("1.001", MoneyUnit::kYuan)), "\"1.001\" has 3 decimal places; at most 2"));
  EXPECT_EQ(*ParseAmountToFen("1.001万", MoneyUnit::kYuan), 1001000);
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("万", MoneyUnit::kYuan)), "the unit must follow a number"));
  // A number in Chinese numerals is quoted as typed, unit and all, with how to write it.
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("五十万", MoneyUnit::kYuan)),
                       "\"五十万\" is not a valid amount: contains a character that is not a digit; write it in "
                       "digits, e.g. 50万"));
  EXPECT_TRUE(Contains(ParseAmountToFen("五十万", MoneyUnit::kYuan).status().message_zh(),
                       "“五十万”不是有效的金额：含有非数字字符，请用阿拉伯数字填写，如 50万"));
  EXPECT_TRUE(Contains(ErrorOf(ParseAmountToFen("50美元", MoneyUnit::kYuan)), "not a digit"));
}

// The same cases as formatAmount's in web/src/utils/money.test.ts: one rule on both sides.
TEST(FormatAmount, YuanBelowOneWanWanBelowOneYiYiFromThere) {
  EXPECT_EQ(FormatAmount(500'00), "500元");
  EXPECT_EQ(FormatAmount(9999'99), "9,999.99元");
  EXPECT_EQ(FormatAmount(500'50), "500.50元");
  EXPECT_EQ(FormatAmount(0), "0元");
  EXPECT_EQ(FormatAmount(-49'99), "-49.99元");
  EXPECT_EQ(FormatAmount(1'0000'00), "1.00万元");
  EXPECT_EQ(FormatAmount(5'0000'00), "5.00万元");
  EXPECT_EQ(FormatAmount(1033'9800'00), "1,033.98万元");
  EXPECT_EQ(FormatAmount(-1033'9800'00), "-1,033.98万元");
  EXPECT_EQ(FormatAmount(70'0000'0000'00), "70.00亿元");
  EXPECT_EQ(FormatAmount(7012'0000'0000), "70.12亿元");
  EXPECT_EQ(FormatAmount(1'0000'0000'00), "1.00亿元");
  EXPECT_EQ(FormatAmount(9999'9999'99), "1.00亿元");  // rounds to 10,000.00万元: shown as 亿
  EXPECT_EQ(FormatAmount(9999'9949'99), "9,999.99万元");
  EXPECT_EQ(FormatAmount(123456'0000'0000), "1,234.56亿元");
}

TEST(FormatFenAsWanYuanExact, KeepsEveryFen) {
  EXPECT_EQ(FormatFenAsWanYuanExact(1033'9800'00), "1033.98");
  EXPECT_EQ(FormatFenAsWanYuanExact(1), "0.000001");
  EXPECT_EQ(FormatFenAsWanYuanExact(200'0000), "2");
  EXPECT_EQ(FormatFenAsWanYuanExact(-150'0000), "-1.5");
  EXPECT_EQ(*ParseAmountToFen(FormatFenAsWanYuanExact(kMax), MoneyUnit::kWanYuan), kMax);
}

TEST(FormatCount, GroupsThousandsAsTheConsoleDoes) {
  EXPECT_EQ(FormatCount(1036), "1,036");
  EXPECT_EQ(FormatCount(999), "999");
  EXPECT_EQ(FormatCount(0), "0");
  EXPECT_EQ(FormatCount(-1234567), "-1,234,567");
}

}  // namespace
}  // namespace shanhai

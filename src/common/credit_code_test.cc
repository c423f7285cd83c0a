#include "common/credit_code.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

std::string ErrorOf(std::string_view text) {
  const Result<std::string> r = ParseCreditCode(text);
  EXPECT_FALSE(r.ok()) << text << " unexpectedly parsed";
  if (r.ok()) return "";
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_FALSE(r.status().message_zh().empty());
  return r.status().message_en();
}

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// Check characters worked by hand. Values are indexes in "0123456789ABCDEFGHJKLMNPQRTUWXY"
// (M = 21, R = 25, Y = 30), weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28,
// C18 = 31 − (sum mod 31), 31 written as '0'.
//
// 91350100M000100Y43 (the example in GB 32100-2015): values 9 1 3 5 0 1 0 0 21 0 0 0 1 0 0 30 4
//   9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3 → '3'.
// 9152010000000000R0: values 9 1 5 2 0 1 0 … 0 25
//   9+3+45+54+0+26+25·28 = 837 = 27·31; mod 31 = 0; 31 − 0 = 31 → '0'.
TEST(CreditCodeCheckCharacter, HandComputedCases) {
  EXPECT_EQ(CreditCodeCheckCharacter("91350100M000100Y4"), '3');
  EXPECT_EQ(CreditCodeCheckCharacter("9152010000000000R"), '0');
  EXPECT_EQ(CreditCodeCheckCharacter("91350100M000100Y"), '?');   // 16 characters
  EXPECT_EQ(CreditCodeCheckCharacter("91350100O000100Y4"), '?');  // O is not in the charset
}

TEST(ParseCreditCode, AcceptsValidCodes) {
  for (std::string_view code : {"91350100M000100Y43", "9152010000000000R0",
                                "91110000600037341L",    // python-stdnum's documented example
                                "11100000000013127D",    // a central body: region 100000
                                "92520100MA6DK1234E"}) {  // 个体工商户 (type 2 of authority 9)
    const Result<std::string> r = ParseCreditCode(code);
    ASSERT_TRUE(r.ok()) << code << ": " << r.status().ToString();
    EXPECT_EQ(*r, code);
  }
}

TEST(ParseCreditCode, NormalisesCase) {
  EXPECT_EQ(*ParseCreditCode(" 91350100m000100y43 "), "91350100M000100Y43");
  EXPECT_EQ(*ParseCreditCode("９１３５０１００Ｍ０００１００Ｙ４３"), "91350100M000100Y43");
}

TEST(ParseCreditCode, EmptyAndLength) {
  EXPECT_TRUE(Contains(ErrorOf(""), "empty"));
  EXPECT_TRUE(Contains(ErrorOf("91350100M000100Y4"), "has 17"));
  EXPECT_TRUE(Contains(ErrorOf("91350100M000100Y433"), "has 19"));
}

TEST(ParseCreditCode, CharsetWithPositions) {
  EXPECT_TRUE(Contains(ErrorOf("91350100O000100Y43"), "O at position 9; the letters I, O, Z, S, V are never used"));
  EXPECT_TRUE(Contains(ErrorOf("91350100M000100S43"), "S at position 16"));
  EXPECT_TRUE(Contains(ErrorOf("91350100M0001-0Y43"), "not a digit or letter at position 14"));
  EXPECT_TRUE(Contains(ErrorOf("山海350100M000100Y43"), "not a digit or letter at position 1"));
}

TEST(ParseCreditCode, RegistrationAuthorityAndType) {
  // Authority and type are checked before the check character, so these fail for that reason alone.
  EXPECT_TRUE(Contains(ErrorOf("B1350100M000100Y43"), "registration authority code 'B'"));
  EXPECT_TRUE(Contains(ErrorOf("94350100M000100Y43"), "organisation type '4'"));
  EXPECT_TRUE(Contains(ErrorOf("94350100M000100Y43"), "industry and commerce"));
  EXPECT_TRUE(Contains(ErrorOf("Y2350100M000100Y43"), "organisation type '2'"));
  EXPECT_TRUE(Contains(ErrorOf("5A350100M000100Y43"), "organisation type 'A'"));
}

TEST(ParseCreditCode, RegionCode) {
  EXPECT_TRUE(Contains(ErrorOf("91990100M000100Y43"), "\"990100\" are not a region code"));
  EXPECT_TRUE(Contains(ErrorOf("9135A100M000100Y43"), "\"35A100\" are not a region code"));
}

TEST(ParseCreditCode, WrongCheckCharacterSaysWhichWasExpected) {
  EXPECT_TRUE(Contains(ErrorOf("91350100M000100Y44"), "should be 3, not 4"));
  EXPECT_TRUE(Contains(ErrorOf("9152010000000000R1"), "should be 0, not 1"));
  const Result<std::string> r = ParseCreditCode("91350100M000100Y44");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message_zh().find("应为 3"), std::string::npos) << r.status().message_zh();
}

}  // namespace
}  // namespace shanhai

#include "common/id_number.h"

#include <gtest/gtest.h>

#include <stdexcept>


namespace shanhai {
namespace {

constexpr std::string_view kToday = "2024-06-01";

// Throws (which GoogleTest reports as a failure of the calling test) when the parse fails.
IdNumber Parsed(std::string_view text) {
  Result<IdNumber> r = ParseIdNumber(text, kToday);
  if (!r.ok()) throw std::runtime_error(std::string(text) + ": " + r.status().ToString());
  return *r;
}

std::string ErrorOf(std::string_view text, std::string_view today = kToday) {
  const Result<IdNumber> r = ParseIdNumber(text, today);
  EXPECT_FALSE(r.ok()) << text << " unexpectedly parsed";
  if (r.ok()) return "";
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_FALSE(r.status().message_zh().empty());
  return r.status().message_en();
}

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// Check characters worked by hand, weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
// map (sum mod 11) → "10X98765432":
//
// 11010519491231002X (the public sample): digits 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2
//   7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → 'X'.
// 110105194912310011: same body with 17th digit 1: 167 − 2 = 165; 165 mod 11 = 0 → '1'.
// 522701199001011238: digits 5 2 2 7 0 1 1 9 9 0 0 1 0 1 1 2 3
//   35+18+20+35+0+4+2+9+54+0+0+9+0+5+8+8+6 = 213; 213 mod 11 = 4 → '8'.
// 440305198506150046: digits 4 4 0 3 0 5 1 9 8 5 0 6 1 5 0 0 4
//   28+36+0+15+0+20+2+9+48+15+0+54+10+25+0+0+8 = 270; 270 mod 11 = 6 → '6'.
// 330102198001010050: digits 3 3 0 1 0 2 1 9 8 0 0 1 0 1 0 0 5
//   21+27+0+5+0+8+2+9+48+0+0+9+0+5+0+0+10 = 144; 144 mod 11 = 1 → '0'.
TEST(IdCheckCharacter, HandComputedCases) {
  EXPECT_EQ(IdCheckCharacter("11010519491231002"), 'X');
  EXPECT_EQ(IdCheckCharacter("11010519491231001"), '1');
  EXPECT_EQ(IdCheckCharacter("52270119900101123"), '8');
  EXPECT_EQ(IdCheckCharacter("44030519850615004"), '6');
  EXPECT_EQ(IdCheckCharacter("33010219800101005"), '0');
  EXPECT_EQ(IdCheckCharacter("1101051949123100"), '?');    // 16 digits
  EXPECT_EQ(IdCheckCharacter("1101051949123100X"), '?');   // not all digits
}

TEST(ParseIdNumber, PublicSample) {
  const IdNumber id = Parsed("11010519491231002X");
  EXPECT_EQ(id.value(), "11010519491231002X");
  EXPECT_EQ(id.region_code(), "110105");
  EXPECT_EQ(id.birth_date(), "1949-12-31");
  EXPECT_EQ(id.sex(), Sex::kFemale);  // 17th digit 2
}

TEST(ParseIdNumber, HandBuiltNumbers) {
  const IdNumber man = Parsed("522701199001011238");
  EXPECT_EQ(man.region_code(), "522701");
  EXPECT_EQ(man.birth_date(), "1990-01-01");
  EXPECT_EQ(man.sex(), Sex::kMale);  // 17th digit 3
  const IdNumber woman = Parsed("440305198506150046");
  EXPECT_EQ(woman.birth_date(), "1985-06-15");
  EXPECT_EQ(woman.sex(), Sex::kFemale);  // 17th digit 4
  EXPECT_EQ(Parsed("330102198001010050").value(), "330102198001010050");
  EXPECT_EQ(Parsed("110105194912310011").sex(), Sex::kMale);
}

TEST(ParseIdNumber, NormalisesInput) {
  EXPECT_EQ(Parsed("11010519491231002x").value(), "11010519491231002X");
  EXPECT_EQ(Parsed(" １１０１０５１９４９１２３１００２Ｘ\u3000").value(), "11010519491231002X");
}

TEST(ParseIdNumber, ConvertsFifteenDigitNumbers) {
  // 110105 491231 002 → 110105 19 491231 002 + check 'X' (the sample's body, see above).
  const IdNumber id = Parsed("110105491231002");
  EXPECT_EQ(id.value(), "11010519491231002X");
  EXPECT_EQ(id.birth_date(), "1949-12-31");
  // 522701 900101 123 → 52270119900101123 + '8'.
  EXPECT_EQ(Parsed("522701900101123").value(), "522701199001011238");
}

TEST(ParseIdNumber, EmptyAndLength) {
  EXPECT_TRUE(Contains(ErrorOf(""), "empty"));
  EXPECT_TRUE(Contains(ErrorOf("1101051949123100"), "has 16"));
  EXPECT_TRUE(Contains(ErrorOf("11010519491231002"), "has 17"));
  EXPECT_TRUE(Contains(ErrorOf("1101051949123100200"), "has 19"));
  EXPECT_TRUE(Contains(ErrorOf("11010519491231002"), "18 characters (15 for old numbers)"));
}

TEST(ParseIdNumber, BadCharactersGivePosition) {
  EXPECT_TRUE(Contains(ErrorOf("11010519491231O02X"), "not a digit at position 15"));  // letter O
  EXPECT_TRUE(Contains(ErrorOf("110105194912310X2X"), "not a digit at position 16"));
  EXPECT_TRUE(Contains(ErrorOf("11010549123100X"), "not a digit at position 15"));     // X in a 15-digit number
  EXPECT_TRUE(Contains(ErrorOf("11010519491231002Y"), "not a digit at position 18"));
  EXPECT_TRUE(Contains(ErrorOf("山海10519491231002X"), "not a digit at position 1"));
  EXPECT_TRUE(Contains(ErrorOf("110105 19491231002X"), "not a digit at position 7"));
}

TEST(ParseIdNumber, WrongCheckCharacterSaysWhichWasExpected) {
  const std::string e = ErrorOf("110105194912310021");
  EXPECT_TRUE(Contains(e, "should be X, not 1")) << e;
  EXPECT_TRUE(Contains(ErrorOf("52270119900101123X"), "should be 8, not X"));
  const Result<IdNumber> r = ParseIdNumber("52270119900101123X", kToday);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message_zh().find("应为 8"), std::string::npos) << r.status().message_zh();
}

TEST(ParseIdNumber, UnknownProvince) {
  // Body 99010519491231002 would have check (167 + 8·7 + 8·9 = 295) mod 11 = 9 → '3',
  // so only the province can be wrong here.
  EXPECT_TRUE(Contains(ErrorOf("990105194912310023"), "\"99\" are not a province code"));
  EXPECT_TRUE(Contains(ErrorOf("000000194912310020"), "\"00\" are not a province code"));
}

TEST(ParseIdNumber, ImpossibleBirthDates) {
  EXPECT_TRUE(Contains(ErrorOf("110105194913310020"), "19491331") &&
              Contains(ErrorOf("110105194913310020"), "not a real calendar date"));
  EXPECT_TRUE(Contains(ErrorOf("110105199002300020"), "not a real calendar date"));  // 30 February
  EXPECT_TRUE(Contains(ErrorOf("110105190002290020"), "not a real calendar date"));  // 1900 not leap
  EXPECT_TRUE(Contains(ErrorOf("110105189912310020"), "before 1900-01-01"));
  EXPECT_TRUE(Contains(ErrorOf("110105202406020020"), "after today (2024-06-01)"));
  EXPECT_TRUE(Contains(ErrorOf("110105490230002"), "not a real calendar date"));     // 15-digit, 1949-02-30
}

TEST(ParseIdNumber, BornTodayIsAccepted) {
  // Body 11010520240601002: digits 1 1 0 1 0 5 2 0 2 4 0 6 0 1 0 0 2
  //   7+9+0+5+0+20+4+0+12+12+0+54+0+5+0+0+4 = 132; 132 mod 11 = 0 → '1'.
  EXPECT_EQ(Parsed("110105202406010021").birth_date(), "2024-06-01");
  EXPECT_TRUE(Contains(ErrorOf("110105202406010021", "2024-05-31"), "after today"));
}

TEST(ParseIdNumber, TodayMustBeIso) {
  const Result<IdNumber> r = ParseIdNumber("11010519491231002X", "2024/06/01");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kInternal);
}

TEST(ParseIdNumber, DefaultTodayComesFromTheClock) {
  const Result<IdNumber> r = ParseIdNumber("11010519491231002X");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // Body 11010520991231002 has check 190 mod 11 = 3 → '9': only the 2099 birth date is wrong.
  EXPECT_FALSE(ParseIdNumber("110105209912310029").ok());
}

// Region code, birth date and the visible tail of the old mask ("5227**********123X") gave
// back the whole number; only the province is left now.
TEST(MaskIdNumber, KeepsOnlyTheProvince) {
  EXPECT_EQ(MaskIdNumber("52270119900101123X"), "52****************");
  EXPECT_EQ(MaskIdNumber("11010519491231002X"), "11****************");
  EXPECT_EQ(MaskIdNumber("12345678"), "********");
  EXPECT_EQ(MaskIdNumber("110105491231002"), "***************");
}

}  // namespace
}  // namespace shanhai

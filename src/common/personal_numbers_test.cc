#include "common/personal_numbers.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

TEST(MaskPersonalNumbers, MasksIdNumbersWhereverTheyAre) {
  EXPECT_EQ(MaskPersonalNumbers("q=522728199001011238&page=1"), "q=52****************&page=1");
  EXPECT_EQ(MaskPersonalNumbers("/api/v1/people/people/52272819900101123X/history"),
            "/api/v1/people/people/52****************/history");
  EXPECT_EQ(MaskPersonalNumbers("52272819900101123x"), "52****************");
  EXPECT_EQ(MaskPersonalNumbers("old 110105491231002 number"), "old *************** number");
  // Full-width digits and X, as pasted from a Chinese form.
  EXPECT_EQ(MaskPersonalNumbers("号码５２２７２８１９９００１０１１２３Ｘ。"), "号码52****************。");
  // Written in groups, as people type them into a search box.
  EXPECT_EQ(MaskPersonalNumbers("q=522727-19870214-7321"), "q=52****************");
  EXPECT_EQ(MaskPersonalNumbers("q=522727 198702147321&page=1"), "q=52****************&page=1");
}

TEST(MaskPersonalNumbers, MasksMobilesInEveryCommonSpelling) {
  EXPECT_EQ(MaskPersonalNumbers("q=13800138000"), "q=138****8000");
  EXPECT_EQ(MaskPersonalNumbers("tel:8613800138000"), "tel:86138****8000");
  EXPECT_EQ(MaskPersonalNumbers("+86 138 0013 8000"), "+86138****8000");
  EXPECT_EQ(MaskPersonalNumbers("q=0013912345678"), "q=00139****5678");
  EXPECT_EQ(MaskPersonalNumbers("q=139.1234.5678&x=1"), "q=139****5678&x=1");
  EXPECT_EQ(MaskPersonalNumbers("138-0013-8000."), "138****8000.");
  EXPECT_EQ(MaskPersonalNumbers("１３８００１３８０００"), "138****8000");
}

TEST(MaskPersonalNumbers, MasksGroupsBetweenAnySeparatorThatIsNoLetterNorDigit) {
  // The ideographic space, full-width hyphen, comma, colon and tilde (the attacker's spellings).
  EXPECT_EQ(MaskPersonalNumbers("q=522727\u300019870214\u30007321"), "q=52****************");
  EXPECT_EQ(MaskPersonalNumbers("522727\uFF0D19870214\uFF0D7321"), "52****************");
  EXPECT_EQ(MaskPersonalNumbers("q=138,1234,5678&x=1"), "q=138****5678&x=1");
  EXPECT_EQ(MaskPersonalNumbers("138:1234:5678"), "138****5678");
  EXPECT_EQ(MaskPersonalNumbers("138~1234~5678"), "138****5678");
  EXPECT_EQ(MaskPersonalNumbers("138\uFF5E1234\uFF5E5678"), "138****5678");
  EXPECT_EQ(MaskPersonalNumbers("138\u30011234\u30015678"), "138****5678");
  // A letter or a CJK character between groups is no separator; nor are two separators.
  EXPECT_EQ(MaskPersonalNumbers("138a1234a5678"), "138a1234a5678");
  EXPECT_EQ(MaskPersonalNumbers("138\u53f71234\u53f75678"), "138\u53f71234\u53f75678");
  EXPECT_EQ(MaskPersonalNumbers("138, 1234, 5678"), "138, 1234, 5678");
}

TEST(MaskPersonalNumbers, KeepsWhatIsNoPersonalNumber) {
  for (const char* text : {"/api/v1/people/people/1037", "page=2&page_size=20", "2020-06-09", "12800138000",
                           "amount 99999999999999", "138 0013 800", "", "no digits at all"})
    EXPECT_EQ(MaskPersonalNumbers(text), text);
}

TEST(MaskPersonalNumbers, MasksLongRunsAndEveryNumberOfAText) {
  EXPECT_EQ(MaskPersonalNumbers("6222021234567890123"), std::string(19, '*'));
  EXPECT_EQ(MaskPersonalNumbers("522728199001011238 13800138000 522728199001011238"),
            "52**************** 138****8000 52****************");
}

TEST(MayHoldPersonalNumber, IsFalseOnlyWhereMaskingChangesNothing) {
  for (const char* text : {"/api/v1/people/people/1037", "page=2&page_size=20", "2020-06-09", ""})
    EXPECT_FALSE(MayHoldPersonalNumber(text)) << text;
  for (const char* text : {"13800138000", "138-0013-8000", "１３８", "522728199001011238"})
    EXPECT_TRUE(MayHoldPersonalNumber(text)) << text;
}

}  // namespace
}  // namespace shanhai

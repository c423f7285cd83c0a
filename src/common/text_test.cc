#include "common/text.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

std::string Normalized(std::string_view text) {
  Result<std::string> r = NormalizeInput(text);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : "<error>";
}

TEST(NormalizeInput, FullWidthBecomesAscii) {
  EXPECT_EQ(Normalized("１２３"), "123");
  EXPECT_EQ(Normalized("ＡＢＣａｂｃ"), "ABCabc");
  EXPECT_EQ(Normalized("（备注）"), "(备注)");
  EXPECT_EQ(Normalized("１，０３３．９８"), "1,033.98");
  EXPECT_EQ(Normalized("－５"), "-5");
}

TEST(NormalizeInput, ChineseTextIsKept) {
  EXPECT_EQ(Normalized("山海协作、东西部"), "山海协作、东西部");
}

TEST(NormalizeInput, TrimsAsciiAndUnicodeWhiteSpace) {
  EXPECT_EQ(Normalized("  \t abc \r\n"), "abc");
  EXPECT_EQ(Normalized("\u3000\u3000贵州\u3000"), "贵州");    // ideographic space
  EXPECT_EQ(Normalized("\u00a0123\u00a0"), "123");            // NBSP
  EXPECT_EQ(Normalized("\u2003x\u2029"), "x");                // em space, paragraph separator
  EXPECT_EQ(Normalized("\ufeff\u200b42\u200b"), "42");        // BOM and zero-width space
  EXPECT_EQ(Normalized(" \u3000 "), "");
  EXPECT_EQ(Normalized(""), "");
}

TEST(NormalizeInput, InteriorSpacesAreKeptButNormalised) {
  EXPECT_EQ(Normalized("a b"), "a b");
  EXPECT_EQ(Normalized("张\u3000三"), "张 三");  // NFKC maps U+3000 to U+0020
}

TEST(NormalizeInput, RejectsInvalidUtf8WithOffset) {
  const Result<std::string> r = NormalizeInput("ab\xff");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_NE(r.status().message_en().find("UTF-8"), std::string::npos);
  EXPECT_NE(r.status().message_en().find("offset 2"), std::string::npos) << r.status().message_en();
  EXPECT_NE(r.status().message_zh().find("UTF-8"), std::string::npos);
  EXPECT_NE(r.status().message_zh().find("第 3 个字节"), std::string::npos) << r.status().message_zh();
}

TEST(IsValidUtf8, AcceptsWellFormed) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("山海"));
  EXPECT_TRUE(IsValidUtf8("\xf0\x9f\x98\x80"));  // U+1F600, four bytes
  EXPECT_TRUE(IsValidUtf8("\xf4\x8f\xbf\xbf"));  // U+10FFFF, the last code point
}

TEST(IsValidUtf8, RejectsEveryKindOfIllFormedSequence) {
  EXPECT_FALSE(IsValidUtf8("\xff"));              // never valid
  EXPECT_FALSE(IsValidUtf8("\x80"));              // lone continuation byte
  EXPECT_FALSE(IsValidUtf8("\xe5\xb1"));          // truncated 山
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xe0\x80\xaf"));      // overlong, three bytes
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // surrogate U+D800
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // U+110000, beyond Unicode
  EXPECT_FALSE(IsValidUtf8("ok\xe5\xb1x"));       // truncated in the middle
}

TEST(NormalizeInputLossy, ReplacesBadBytes) {
  EXPECT_EQ(NormalizeInputLossy(" a\xff" "b "), "a\ufffd" "b");
  EXPECT_EQ(NormalizeInputLossy("\u3000１２\u3000"), "12");
}

TEST(IsAsciiDigits, RequiresNonEmptyDigits) {
  EXPECT_TRUE(IsAsciiDigits("0123456789"));
  EXPECT_FALSE(IsAsciiDigits(""));
  EXPECT_FALSE(IsAsciiDigits("12a"));
  EXPECT_FALSE(IsAsciiDigits("１２"));  // full-width is not ASCII
}

TEST(CharacterPosition, CountsCodePoints) {
  EXPECT_EQ(CharacterPosition("abc", 0), 1u);
  EXPECT_EQ(CharacterPosition("abc", 2), 3u);
  EXPECT_EQ(CharacterPosition("山海x", 6), 3u);  // 山 and 海 are 3 bytes each
  EXPECT_EQ(CharacterPosition("山海x", 4), 2u);  // inside 海
}

TEST(MaskMiddle, KeepsHeadAndTailCodePoints) {
  EXPECT_EQ(MaskMiddle("13812345678", 3, 4), "138****5678");
  EXPECT_EQ(MaskMiddle("张三丰", 1, 1), "张*丰");
  EXPECT_EQ(MaskMiddle("欧阳娜娜", 1, 0), "欧***");
  // Longer than the offsets kept on the stack: the same rule.
  const std::string long_text = "abc" + std::string(30, 'x') + "张三丰李四王五赵六" + std::string(30, 'y') + "wxyz";
  EXPECT_EQ(MaskMiddle(long_text, 3, 4), "abc" + std::string(30 + 9 + 30, '*') + "wxyz");
}

TEST(MaskMiddle, ShortValuesAreFullyMasked) {
  EXPECT_EQ(MaskMiddle("1234567", 3, 4), "*******");
  EXPECT_EQ(MaskMiddle("张三", 1, 1), "**");
  EXPECT_EQ(MaskMiddle("", 3, 4), "");
}

}  // namespace
}  // namespace shanhai

namespace shanhai {
namespace {

TEST(Excerpt, CutsLongValuesAtACodePointAndMarksTheCut) {
  EXPECT_EQ(Excerpt("甲坝村"), "甲坝村");
  EXPECT_EQ(Excerpt(std::string(40, 'a')), std::string(40, 'a'));
  EXPECT_EQ(Excerpt(std::string(41, 'a')), std::string(40, 'a') + "…");
  EXPECT_EQ(Excerpt("平塘县卡蒲毛南族乡", 3), "平塘县…");
  EXPECT_EQ(Excerpt(std::string(1 << 20, 'A')).size(), 40u + std::string("…").size());
}

TEST(TrimInputTest, KeepsFullWidthPunctuationButTrims) {
  Result<std::string> r = TrimInput("\u3000平塘县委书记；县委副书记（县长） ");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "平塘县委书记；县委副书记（县长）");
  Result<std::string> n = NormalizeInput("平塘；（县长）");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, "平塘;(县长)");  // NFKC maps them, which is why free text is only trimmed
}

TEST(TrimInputTest, RejectsInvalidUtf8) {
  EXPECT_FALSE(TrimInput(std::string("abc\xff\xfe", 5)).ok());
  EXPECT_FALSE(TrimInput(std::string("平塘\xe5", 7)).ok());
}

TEST(MaskPersonNameTest, KeepsTheFirstAndLastOfThreeOrMoreAndTheFirstOfTwo) {
  EXPECT_EQ(MaskPersonName("张小明"), "张*明");
  EXPECT_EQ(MaskPersonName("欧阳娜娜"), "欧**娜");
  EXPECT_EQ(MaskPersonName("王芳"), "王*");
  EXPECT_EQ(MaskPersonName(" 张小明 "), "张*明");
}

TEST(MaskPersonNameTest, NeverShowsAOneCharacterNameWhole) {
  EXPECT_EQ(MaskPersonName("芳"), "*");
  EXPECT_EQ(MaskPersonName(""), "");
}

}  // namespace
}  // namespace shanhai

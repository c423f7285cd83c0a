#include "domain/accounts/display_name.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

// The field error of a refused name, or "" if it was accepted.
std::string RefusalOf(std::string_view raw) {
  Result<std::string> parsed = ParseDisplayName(raw);
  if (parsed.ok()) return "";
  EXPECT_EQ(parsed.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(parsed.status().details().size(), 1u);
  if (parsed.status().details().empty()) return "?";
  const FieldError& e = parsed.status().details()[0];
  EXPECT_EQ(e.field, "display_name");
  EXPECT_NE(e.message_zh.find("姓名"), std::string::npos) << e.message_zh;
  EXPECT_NE(e.message_en.find("display name"), std::string::npos) << e.message_en;
  return e.message_en;
}

TEST(DisplayNameTest, TrimmedAndOptional) {
  EXPECT_EQ(ParseDisplayName("  王芳\u3000").value(), "王芳");
  EXPECT_EQ(ParseDisplayName("").value(), "");
  EXPECT_EQ(ParseDisplayName(" \t ").value(), "");
  EXPECT_EQ(ParseDisplayName("欧阳 娜娜").value(), "欧阳 娜娜");  // interior space kept
}

TEST(DisplayNameTest, AtMostThirtyTwoCharacters) {
  std::string longest;
  for (int i = 0; i < 32; ++i) longest += "芳";
  EXPECT_EQ(ParseDisplayName(longest).value(), longest);
  EXPECT_NE(RefusalOf(longest + "芳").find("at most 32 characters (it has 33)"), std::string::npos);
}

TEST(DisplayNameTest, RefusesControlAndInvisibleCharacters) {
  EXPECT_NE(RefusalOf("王\n芳").find("position 2"), std::string::npos);
  EXPECT_NE(RefusalOf("王\x01" "芳").find("control"), std::string::npos);
  EXPECT_NE(RefusalOf("王\u202e芳").find("position 2"), std::string::npos);  // right-to-left override
  EXPECT_NE(RefusalOf("王\u200d芳").find("position 2"), std::string::npos);  // zero-width joiner
  EXPECT_NE(RefusalOf("\xff\xfe").find("UTF-8"), std::string::npos);
}

TEST(DisplayNameTest, MaskKeepsTheFirstCharacterOnly) {
  EXPECT_EQ(MaskDisplayName("王芳"), "王*");
  EXPECT_EQ(MaskDisplayName("欧阳娜娜"), "欧***");
  EXPECT_EQ(MaskDisplayName("Li Wei"), "L*****");
  EXPECT_EQ(MaskDisplayName("王"), "*");  // a name of one character is never shown whole
}

TEST(DisplayNameTest, AnActorIsShownByTheMaskedNameOrElseTheLogin) {
  EXPECT_EQ(ShownActorName("王芳", "clerk"), "王*");
  EXPECT_EQ(ShownActorName("", "clerk"), "clerk");
  EXPECT_EQ(ShownActorName("", "system"), "system");
}

}  // namespace
}  // namespace shanhai

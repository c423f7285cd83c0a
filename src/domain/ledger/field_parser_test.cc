#include "domain/ledger/field_parser.h"

#include <gtest/gtest.h>

#include "domain/ledger/field_builders.h"

namespace shanhai {
namespace {

std::string Repeat(std::string_view piece, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += piece;
  return out;
}

TEST(FieldMaxLength, FreeTextDefaultsTo2000Characters) {
  const FieldDef note = fields::Text("note", "备注", "Note");
  EXPECT_EQ(note.MaxChars(), kMaxFreeTextChars);
  // Characters, not bytes: 2,000 Chinese characters (6,000 bytes) are fine.
  EXPECT_TRUE(ParseFieldValue(note, Repeat("山", 2000), InputSource::kApi).ok());
  Result<Value> too_long = ParseFieldValue(note, Repeat("山", 2001), InputSource::kApi);
  ASSERT_FALSE(too_long.ok());
  ASSERT_EQ(too_long.status().details().size(), 1u);
  EXPECT_EQ(too_long.status().details()[0].field, "note");
  EXPECT_NE(too_long.status().details()[0].message_zh.find("2000"), std::string::npos);
  EXPECT_NE(too_long.status().details()[0].message_en.find("at most 2000 characters"), std::string::npos);
}

TEST(FieldMaxLength, DeclaredLimitAndOtherTypes) {
  const FieldDef name = fields::Text("name", "姓名", "Name").MaxChars(kMaxNameChars);
  EXPECT_TRUE(ParseFieldValue(name, Repeat("a", 200), InputSource::kApi).ok());
  EXPECT_FALSE(ParseFieldValue(name, Repeat("a", 201), InputSource::kApi).ok());
  // A huge value of a coded type is refused for its length, and the message does not echo it.
  const FieldDef count = fields::Integer("person_times", "人次", "Person-times");
  Result<Value> huge = ParseFieldValue(count, Repeat("9", 1 << 20), InputSource::kApi);
  ASSERT_FALSE(huge.ok());
  EXPECT_LT(huge.status().details()[0].message_en.size(), 200u);
  EXPECT_EQ(huge.status().details()[0].field, "person_times");
}

TEST(FieldMaxLength, SurroundingBlanksDoNotCount) {
  const FieldDef name = fields::Text("name", "姓名", "Name").MaxChars(3);
  Result<Value> v = ParseFieldValue(name, "  张三丰  ", InputSource::kApi);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(AsText(*v), "张三丰");
}

}  // namespace
}  // namespace shanhai

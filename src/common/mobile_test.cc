#include "common/mobile.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

std::string ErrorOf(const Result<std::string>& r) {
  EXPECT_FALSE(r.ok()) << "unexpectedly parsed as " << (r.ok() ? *r : "");
  if (r.ok()) return "";
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_FALSE(r.status().message_zh().empty());
  return r.status().message_en();
}

bool Contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(ParseMobile, AcceptsPrefixesAndSeparators) {
  for (std::string_view text : {"13812345678", "+8613812345678", "+86 138 1234 5678", "86-138-1234-5678",
                                "008613812345678", "0086 138-1234-5678", " １３８１２３４５６７８ ", "138 1234 5678"}) {
    const Result<std::string> r = ParseMobile(text);
    ASSERT_TRUE(r.ok()) << text << ": " << r.status().ToString();
    EXPECT_EQ(*r, "13812345678") << text;
  }
  EXPECT_EQ(*ParseMobile("19912345678"), "19912345678");
}

TEST(ParseMobile, NamesEachError) {
  EXPECT_TRUE(Contains(ErrorOf(ParseMobile("")), "empty"));
  EXPECT_TRUE(Contains(ErrorOf(ParseMobile("138.1234.5678")), "characters other than digits"));
  EXPECT_TRUE(Contains(ErrorOf(ParseMobile("1381234567a")), "characters other than digits"));
  EXPECT_TRUE(Contains(ErrorOf(ParseMobile("+85291234567")), "another country code"));
  EXPECT_TRUE(Contains(ErrorOf(ParseMobile("1381234567")), "has 10"));
  EXPECT_TRUE(Contains(ErrorOf(ParseMobile("138123456789")), "has 12"));
  EXPECT_TRUE(Contains(ErrorOf(ParseMobile("+86138123456789")), "has 12"));
  EXPECT_TRUE(Contains(ErrorOf(ParseMobile("12812345678")), "must begin 13–19"));
  EXPECT_TRUE(Contains(ErrorOf(ParseMobile("23812345678")), "must begin 13–19"));
  EXPECT_TRUE(Contains(ErrorOf(ParseMobile("01087654321")), "must begin 13–19"));  // a landline
}

TEST(MaskMobile, HidesTheMiddleFour) {
  EXPECT_EQ(MaskMobile("13812345678"), "138****5678");
  EXPECT_EQ(MaskMobile("1381234"), "*******");  // too short to show any of it
}

}  // namespace
}  // namespace shanhai

#include "security/sodium_util.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

TEST(Encoding, HexRoundTripAndRejects) {
  EXPECT_EQ(ToHex(std::string("\x00\xff\x10", 3)), "00ff10");
  EXPECT_EQ(FromHex("00FF10"), std::string("\x00\xff\x10", 3));
  EXPECT_FALSE(FromHex("0").has_value());
  EXPECT_FALSE(FromHex("0g").has_value());
  EXPECT_EQ(FromHex(""), std::string());
}

TEST(Encoding, Base64BothVariants) {
  // RFC 4648 test vectors.
  EXPECT_EQ(ToBase64("foob", false), "Zm9vYg==");
  EXPECT_EQ(ToBase64("foob", true), "Zm9vYg");
  EXPECT_EQ(ToBase64(std::string("\xfb\xff", 2), true), "-_8");
  EXPECT_EQ(ToBase64(std::string("\xfb\xff", 2), false), "+/8=");
  EXPECT_EQ(FromBase64("Zm9vYg==", false), "foob");
  EXPECT_EQ(FromBase64("Zm9vYg", true), "foob");
  EXPECT_FALSE(FromBase64("Zm9vYg", false).has_value());   // padding required
  EXPECT_FALSE(FromBase64("+/8=", true).has_value());      // wrong alphabet
  EXPECT_FALSE(FromBase64("Zm9v Yg==", false).has_value());
}

}  // namespace
}  // namespace shanhai

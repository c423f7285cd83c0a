#include "security/tokens.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <set>

namespace shanhai {
namespace {

TEST(Tokens, AreUrlSafeAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string t = NewToken();
    EXPECT_EQ(t.size(), 43u);
    EXPECT_EQ(t.find_first_not_of(
                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos)
        << t;
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 200u);
}

TEST(Tokens, DecodeTo32Bytes) {
  const std::string t = NewToken();
  unsigned char bytes[64];
  size_t length = 0;
  ASSERT_EQ(sodium_base642bin(bytes, sizeof bytes, t.data(), t.size(), nullptr, &length, nullptr,
                              sodium_base64_VARIANT_URLSAFE_NO_PADDING),
            0);
  EXPECT_EQ(length, 32u);
}

TEST(TokenHash, IsBlake2b256Hex) {
  // Reference value computed independently with Python:
  // hashlib.blake2b(b'abc', digest_size=32).hexdigest()
  EXPECT_EQ(TokenHash("abc"), "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
  const std::string t = NewToken();
  EXPECT_EQ(TokenHash(t), TokenHash(t));
  EXPECT_NE(TokenHash(t), TokenHash(NewToken()));
  EXPECT_EQ(TokenHash(t).size(), 64u);
}

TEST(ConstantTimeEquals, ComparesContentAndLength) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
  EXPECT_FALSE(ConstantTimeEquals("", "a"));
  EXPECT_TRUE(ConstantTimeEquals(std::string("a\0b", 3), std::string("a\0b", 3)));
  EXPECT_FALSE(ConstantTimeEquals(std::string("a\0b", 3), std::string("a\0c", 3)));
}

}  // namespace
}  // namespace shanhai

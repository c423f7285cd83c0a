#include "security/password.h"

#include <gtest/gtest.h>
#include <sodium.h>

namespace shanhai {
namespace {

TEST(Password, HashVerifiesOnlyTheRightPassword) {
  Result<std::string> hash = HashPassword("correct horse 9");
  ASSERT_TRUE(hash.ok()) << hash.status().ToString();
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse 9"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse 8"));
  EXPECT_FALSE(VerifyPassword(*hash, ""));
  EXPECT_FALSE(PasswordNeedsRehash(*hash));
}

TEST(Password, SaltMakesHashesDiffer) {
  Result<std::string> a = HashPassword("same password 1");
  Result<std::string> b = HashPassword("same password 1");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(VerifyPassword(*b, "same password 1"));
}

TEST(Password, MalformedHashNeverVerifiesAndNeedsRehash) {
  EXPECT_FALSE(VerifyPassword("", "x"));
  EXPECT_FALSE(VerifyPassword("$argon2id$garbage", "x"));
  EXPECT_FALSE(VerifyPassword(std::string("$argon2id\0$", 11), "x"));
  EXPECT_TRUE(PasswordNeedsRehash("$argon2id$garbage"));
}

TEST(Password, WeakerParametersNeedRehash) {
  // A hash made with other (cheaper) limits than HashPassword's.
  char weak[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str(weak, "pw123456", 8, crypto_pwhash_OPSLIMIT_MIN, 8192), 0);
  EXPECT_TRUE(PasswordNeedsRehash(weak));
  EXPECT_TRUE(VerifyPassword(weak, "pw123456"));  // still valid until re-hashed
}

TEST(PasswordPolicy, AcceptsMixedPasswords) {
  for (const char* ok : {"abcdefg1", "12345678!", "abcd efgh", "山海协作2024", "Pass-word"}) {
    EXPECT_TRUE(CheckPasswordPolicy(ok).ok()) << ok << ": " << CheckPasswordPolicy(ok).ToString();
  }
}

TEST(PasswordPolicy, RejectsShortAndSingleKind) {
  const Status short_one = CheckPasswordPolicy("ab12!");
  EXPECT_EQ(short_one.code(), Code::kInvalidArgument);
  EXPECT_NE(short_one.message_zh().find("至少需要 8 个字符"), std::string::npos);
  EXPECT_NE(short_one.message_en().find("at least 8"), std::string::npos);
  // Seven Chinese characters and a digit are 8 characters though 22 bytes.
  EXPECT_TRUE(CheckPasswordPolicy("山海东西部协作1").ok());
  EXPECT_FALSE(CheckPasswordPolicy("山海协作1").ok());

  for (const char* weak : {"abcdefgh", "12345678", "!@#$%^&*", "山海东西部协作帮扶"}) {
    const Status s = CheckPasswordPolicy(weak);
    EXPECT_EQ(s.code(), Code::kInvalidArgument) << weak;
    EXPECT_NE(s.message_en().find("at least two"), std::string::npos) << weak;
  }
  EXPECT_FALSE(CheckPasswordPolicy(std::string(129, 'a') + "1").ok());
  EXPECT_TRUE(CheckPasswordPolicy(std::string(127, 'a') + "1").ok());
}

}  // namespace
}  // namespace shanhai

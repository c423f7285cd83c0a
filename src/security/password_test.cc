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

TEST(PasswordPolicy, AcceptsTenCharactersOfThreeClasses) {
  for (const char* ok : {"abcdefgh1!", "ABCDEFGH1!", "abcd EFGHi", "山海协作Abcd2024", "Pass-word-9"}) {
    EXPECT_TRUE(CheckPasswordPolicy(ok).ok()) << ok << ": " << CheckPasswordPolicy(ok).ToString();
  }
}

TEST(PasswordPolicy, RejectsShortPasswordsNamingTheRuleInBothLanguages) {
  const Status s = CheckPasswordPolicy("Ab12!xyz9");  // 9 characters
  EXPECT_EQ(s.code(), Code::kInvalidArgument);
  EXPECT_NE(s.message_zh().find("至少需要 10 个字符"), std::string::npos) << s.message_zh();
  EXPECT_NE(s.message_en().find("at least 10"), std::string::npos) << s.message_en();
  ASSERT_EQ(s.details().size(), 1u);
  EXPECT_EQ(s.details()[0].field, "password");
  // Characters, not bytes: six Chinese characters and four ASCII ones are ten.
  EXPECT_TRUE(CheckPasswordPolicy("山海东西协作Ab1!").ok());
  EXPECT_FALSE(CheckPasswordPolicy("山海协作Ab1!").ok());
  EXPECT_FALSE(CheckPasswordPolicy(std::string(129, 'a') + "B1").ok());
  EXPECT_TRUE(CheckPasswordPolicy(std::string(125, 'a') + "B1").ok());
}

TEST(PasswordPolicy, NeedsThreeOfLowerUpperDigitSymbol) {
  // Each of these has only two classes (the eight-character ones of the old policy passed).
  for (const char* weak : {"abcdefgh12", "ABCDEFGHIJ", "abcdefghij!", "12345678!!", "山海东西部协作帮扶1"}) {
    const Status s = CheckPasswordPolicy(weak);
    EXPECT_EQ(s.code(), Code::kInvalidArgument) << weak;
    EXPECT_NE(s.message_en().find("at least three"), std::string::npos) << weak << ": " << s.message_en();
    EXPECT_NE(s.message_zh().find("三类"), std::string::npos) << weak;
  }
}

TEST(PasswordPolicy, RefusesAPasswordContainingTheUserNameInAnyCase) {
  const Status s = CheckPasswordPolicy("Tianhe-pass-2021", "tianhe");
  EXPECT_EQ(s.code(), Code::kInvalidArgument);
  EXPECT_NE(s.message_en().find("user name"), std::string::npos) << s.message_en();
  EXPECT_NE(s.message_zh().find("用户名"), std::string::npos);
  EXPECT_FALSE(CheckPasswordPolicy("my-ADMIN-pass-1", "admin").ok());
  EXPECT_TRUE(CheckPasswordPolicy("Pingtang-pass-2021", "pingtang1").ok());
  // Two-letter names would forbid too much; they are not checked.
  EXPECT_TRUE(CheckPasswordPolicy("Climbing-2021", "li").ok());
}

}  // namespace
}  // namespace shanhai

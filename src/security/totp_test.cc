#include "security/totp.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

// RFC 6238 Appendix B: the SHA-1 rows (secret "12345678901234567890", 8 digits).
TEST(Totp, MatchesTheRfc6238AppendixBSha1Vectors) {
  const std::string secret = "12345678901234567890";
  const struct {
    int64_t time;
    const char* code;
  } vectors[] = {{59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
                 {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"}};
  for (const auto& v : vectors) EXPECT_EQ(TotpCode(secret, TotpStep(v.time), 8), v.code) << v.time;
}

// RFC 4226 Appendix D: HOTP values for counters 0..2, six digits.
TEST(Totp, SixDigitCodesAreTheHotpTruncation) {
  const std::string secret = "12345678901234567890";
  EXPECT_EQ(TotpCode(secret, 0), "755224");
  EXPECT_EQ(TotpCode(secret, 1), "287082");
  EXPECT_EQ(TotpCode(secret, 2), "359152");
}

TEST(Totp, AcceptsOneStepOfDriftEachWayAndNeverTheSameStepTwice) {
  const std::string secret = "12345678901234567890";
  const int64_t now = 1111111111;
  const int64_t step = TotpStep(now);
  EXPECT_EQ(MatchTotp(secret, TotpCode(secret, step), now, 0), step);
  EXPECT_EQ(MatchTotp(secret, TotpCode(secret, step - 1), now, 0), step - 1);
  EXPECT_EQ(MatchTotp(secret, TotpCode(secret, step + 1), now, 0), step + 1);
  EXPECT_EQ(MatchTotp(secret, TotpCode(secret, step - 2), now, 0), std::nullopt);
  EXPECT_EQ(MatchTotp(secret, TotpCode(secret, step + 2), now, 0), std::nullopt);
  // Once a step was used, neither it nor an earlier one is accepted again.
  EXPECT_EQ(MatchTotp(secret, TotpCode(secret, step), now, step), std::nullopt);
  EXPECT_EQ(MatchTotp(secret, TotpCode(secret, step - 1), now, step), std::nullopt);
  EXPECT_EQ(MatchTotp(secret, TotpCode(secret, step + 1), now, step), step + 1);
  EXPECT_EQ(MatchTotp(secret, "12345", now, 0), std::nullopt);
  EXPECT_EQ(MatchTotp(secret, "12a456", now, 0), std::nullopt);
  EXPECT_EQ(MatchTotp("another secret 12345", TotpCode(secret, step), now, 0), std::nullopt);
}

TEST(Totp, Base32RoundTripsAndFollowsRfc4648) {
  // RFC 4648 §10 test vectors, without padding.
  EXPECT_EQ(Base32Encode("foobar"), "MZXW6YTBOI");
  EXPECT_EQ(Base32Encode("f"), "MY");
  EXPECT_EQ(*Base32Decode("mzxw6ytboi"), "foobar");
  EXPECT_EQ(*Base32Decode("MZXW6YQ="), "foob");
  EXPECT_FALSE(Base32Decode("MZXW1").ok());
  const std::string secret = NewTotpSecret();
  EXPECT_EQ(secret.size(), kTotpSecretBytes);
  EXPECT_NE(secret, NewTotpSecret());
  EXPECT_EQ(*Base32Decode(Base32Encode(secret)), secret);
}

TEST(Totp, UriCarriesTheSecretAndParameters) {
  const std::string uri = TotpUri("山海 Shanhai", "admin", "foobar");
  EXPECT_EQ(uri.rfind("otpauth://totp/%E5%B1%B1%E6%B5%B7%20Shanhai:admin?secret=MZXW6YTBOI&issuer=", 0), 0u) << uri;
  EXPECT_NE(uri.find("&algorithm=SHA1&digits=6&period=30"), std::string::npos) << uri;
}

}  // namespace
}  // namespace shanhai

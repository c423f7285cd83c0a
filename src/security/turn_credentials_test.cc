#include "security/turn_credentials.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

// Expected credentials computed with Python's hmac module (an independent HMAC-SHA1 + base64):
//   base64.b64encode(hmac.new(b'north-wind', username.encode(), hashlib.sha1).digest())
TEST(TurnCredentials, MatchTheRestApiSchemeCoturnVerifies) {
  TurnCredentials c = MakeTurnCredentials("north-wind", "interview-12-seeker", 1767225600);
  EXPECT_EQ(c.username, "1767225600:interview-12-seeker");
  EXPECT_EQ(c.credential, "uHuu7HV6Nl6gYVJuNAauEXQNR4I=");
}

TEST(TurnCredentials, AColonInTheUserCannotMoveTheExpiry) {
  TurnCredentials c = MakeTurnCredentials("north-wind", "a:b", 1767225600);
  EXPECT_EQ(c.username, "1767225600:a_b");
  EXPECT_EQ(c.credential, "yyTMM30w8WvEUwMJ1KWKRqaCxBs=");
}

TEST(TurnCredentials, DifferentSecretsGiveDifferentCredentials) {
  EXPECT_NE(MakeTurnCredentials("one", "u", 1).credential, MakeTurnCredentials("two", "u", 1).credential);
}

}  // namespace
}  // namespace shanhai

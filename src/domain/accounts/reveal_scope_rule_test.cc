#include "domain/accounts/reveal_scope_rule.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

const std::vector<std::string> kStaff = {"*:*:list", "*:*:read", "*:*:create", "*:*:update", "*:*:delete"};

std::vector<std::string> With(std::vector<std::string> grants, const std::string& more) {
  grants.push_back(more);
  return grants;
}

TEST(RevealScopeRuleTest, RevealNeedsARegionOrAnOrganisation) {
  const Status refused = CheckRevealScoped(With(kStaff, "*:*:reveal"), true);
  EXPECT_EQ(refused.code(), Code::kPermissionDenied);
  EXPECT_NE(refused.message_zh().find("限定了管辖区域或所属单位"), std::string::npos) << refused.message_zh();
  EXPECT_NE(refused.message_en().find("limited to a region or an organisation"), std::string::npos)
      << refused.message_en();
  EXPECT_TRUE(CheckRevealScoped(With(kStaff, "*:*:reveal"), false).ok());
}

TEST(RevealScopeRuleTest, OneLedgersRevealCountsToo) {
  const Status refused = CheckRevealScoped(With(kStaff, "people:people:reveal"), true);
  EXPECT_EQ(refused.code(), Code::kPermissionDenied);
  EXPECT_NE(refused.message_zh().find("people:people:reveal"), std::string::npos) << refused.message_zh();
  EXPECT_NE(refused.message_en().find("(such as people:people:reveal)"), std::string::npos) << refused.message_en();
}

TEST(RevealScopeRuleTest, WithoutRevealAnyScopeWill) {
  EXPECT_TRUE(CheckRevealScoped(kStaff, true).ok());
  EXPECT_TRUE(CheckRevealScoped({"admin:users:admin", "admin:roles:admin"}, true).ok());
}

TEST(RevealScopeRuleTest, OnlyTheSuperAdministratorRevealsEverywhere) {
  EXPECT_TRUE(CheckRevealScoped({"*"}, true).ok());
  // Every duty but one is not the super administrator.
  const std::vector<std::string> almost = {"*:*:reveal", "admin:users:admin", "admin:roles:admin",
                                           "admin:dictionaries:admin", "admin:system:admin"};
  EXPECT_EQ(CheckRevealScoped(almost, true).code(), Code::kPermissionDenied);
  EXPECT_TRUE(CheckRevealScoped(With(almost, "admin:audit:admin"), true).ok());
}

// A county, a city or a province reveals only with a second administrator; a town, a village or
// an organisation, and an account that does not reveal, need none.
TEST(RevealScopeRuleTest, RevealAcrossACountyOrWiderNeedsASecondApproval) {
  const std::vector<std::string> revealer = With(kStaff, "*:*:reveal");
  for (const char* wide : {"520000", "522700", "522727"}) EXPECT_TRUE(RevealNeedsSecondApproval(revealer, wide, "")) << wide;
  EXPECT_TRUE(RevealNeedsSecondApproval({"*"}, "522727", ""));
  EXPECT_TRUE(RevealNeedsSecondApproval(With(kStaff, "people:people:reveal"), "522727", ""));
  for (const char* narrow : {"522727200", "522727200201"})
    EXPECT_FALSE(RevealNeedsSecondApproval(revealer, narrow, "")) << narrow;
  EXPECT_FALSE(RevealNeedsSecondApproval(revealer, "522727", "units"));
  EXPECT_FALSE(RevealNeedsSecondApproval(kStaff, "522727", ""));
  EXPECT_FALSE(RevealNeedsSecondApproval(revealer, "", ""));  // CheckRevealScoped's case
}

}  // namespace
}  // namespace shanhai

#include "security/permissions.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

TEST(Permission, ThreeLowerCaseParts) {
  EXPECT_TRUE(IsPermission("labor:workers:reveal"));
  // A workflow step is an action like any other: no closed list of actions.
  EXPECT_TRUE(IsPermission("labor:jobs:approve"));
  for (const char* bad : {"", "labor", "labor:workers", "labor:workers:read:x", "labor::read", ":workers:read",
                          "Labor:workers:read", "labor:work ers:read", "labor:workers:", "labor:workers:*", "*"})
    EXPECT_FALSE(IsPermission(bad)) << bad;
}

TEST(Grant, ExactGrantCoversOnlyItself) {
  EXPECT_TRUE(GrantCovers("labor:workers:read", "labor:workers:read"));
  EXPECT_FALSE(GrantCovers("labor:workers:read", "labor:workers:list"));
  EXPECT_FALSE(GrantCovers("labor:workers:read", "labor:jobs:read"));
  EXPECT_FALSE(GrantCovers("labor:workers:read", "people:workers:read"));
}

TEST(Grant, PatternsCoverTheirParts) {
  EXPECT_TRUE(GrantCovers("*:*:list", "labor:workers:list"));
  EXPECT_TRUE(GrantCovers("*:*:list", "people:people:list"));
  EXPECT_FALSE(GrantCovers("*:*:list", "people:people:reveal"));
  EXPECT_TRUE(GrantCovers("people:people:*", "people:people:reveal"));
  EXPECT_FALSE(GrantCovers("people:people:*", "people:families:reveal"));
  EXPECT_TRUE(GrantCovers("labor:*:update", "labor:jobs:update"));
  EXPECT_TRUE(GrantCovers("*", "admin:audit:admin"));
  EXPECT_TRUE(GrantCovers("*", "labor:jobs:approve"));
}

TEST(Grant, ModuleWildcardNeverCoversAdministratorDuties) {
  for (const char* grant : {"*:*:admin", "*:users:admin", "*:*:read", "*:audit:*"}) {
    EXPECT_FALSE(GrantCovers(grant, "admin:users:admin")) << grant;
    EXPECT_FALSE(GrantCovers(grant, "admin:audit:admin")) << grant;
  }
  EXPECT_TRUE(GrantCovers("admin:*:admin", "admin:audit:admin"));
  EXPECT_TRUE(GrantCovers("admin:audit:admin", "admin:audit:admin"));
}

TEST(Grant, MalformedFailsClosed) {
  for (const char* permission : {"labor:workers", "", "labor:workers:*", "*", "labor:Workers:read"})
    EXPECT_FALSE(GrantCovers("*", permission)) << permission;
  for (const char* grant : {"", "labor:workers", "labor:*:*:*", "Labor:*:*", "**"})
    EXPECT_FALSE(GrantCovers(grant, "labor:workers:read")) << grant;
  EXPECT_TRUE(CheckGrant("*").ok());
  EXPECT_TRUE(CheckGrant("*:*:list").ok());
  EXPECT_EQ(CheckGrant("a:b").code(), Code::kInvalidArgument);
  EXPECT_NE(CheckGrant("a:b:C").message_zh().find("无效"), std::string::npos);
}

TEST(Grant, SeveralGrantsAddUp) {
  const std::vector<std::string> grants = {"exchange:visits:list", "exchange:visits:read"};
  EXPECT_TRUE(GrantsAllow(grants, "exchange:visits:list"));
  EXPECT_TRUE(GrantsAllow(grants, "exchange:visits:read"));
  EXPECT_FALSE(GrantsAllow(grants, "exchange:visits:create"));
  EXPECT_FALSE(GrantsAllow({}, "exchange:visits:list"));
}

TEST(LedgerActions, EveryLedgerDeclaresRevealSeparately) {
  const std::vector<std::string>& actions = StandardLedgerActions();
  EXPECT_EQ(actions, (std::vector<std::string>{"list", "read", "create", "update", "delete", "import", "export",
                                               "reveal"}));
}

}  // namespace
}  // namespace shanhai

#include "security/permissions.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

const std::vector<std::string> kAllLedgers;  // empty list = every ledger

TEST(Role, ParseAndFormatRoundTrip) {
  for (Role r : {Role::kAdmin, Role::kStaff, Role::kViewer}) {
    Result<Role> back = ParseRole(RoleName(r));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, r);
  }
  EXPECT_STREQ(RoleName(Role::kViewer), "viewer");
  Result<Role> bad = ParseRole("Admin");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Code::kInvalidArgument);
  EXPECT_NE(bad.status().message_zh().find("未知角色"), std::string::npos);
  EXPECT_FALSE(ParseRole("").ok());
}

TEST(Permission, ParseAndFormat) {
  Result<Permission> p = ParsePermission("labor:workers:reveal");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->module, "labor");
  EXPECT_EQ(p->entity, "workers");
  EXPECT_EQ(p->action, Action::kReveal);
  EXPECT_EQ(FormatPermission(*p), "labor:workers:reveal");
  for (const char* bad : {"", "labor", "labor:workers", "labor:workers:read:x", "labor::read",
                          ":workers:read", "Labor:workers:read", "labor:workers:fly",
                          "labor:work ers:read", "labor:workers:"}) {
    Result<Permission> r = ParsePermission(bad);
    EXPECT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument) << bad;
  }
}

struct Row {
  const char* action;
  bool admin, staff, viewer;
};

// The matrix from the design: admin all; staff all but admin; viewer list/read/export.
constexpr Row kMatrix[] = {
    {"list", true, true, true},      {"read", true, true, true},
    {"export", true, true, true},    {"create", true, true, false},
    {"update", true, true, false},   {"delete", true, true, false},
    {"import", true, true, false},   {"reveal", true, true, false},
    {"admin", true, false, false},
};

TEST(RoleAllows, MatrixOnAnOrdinaryLedger) {
  for (const Row& row : kMatrix) {
    const std::string perm = std::string("labor:workers:") + row.action;
    EXPECT_EQ(RoleAllows(Role::kAdmin, perm, kAllLedgers), row.admin) << perm;
    EXPECT_EQ(RoleAllows(Role::kStaff, perm, kAllLedgers), row.staff) << perm;
    EXPECT_EQ(RoleAllows(Role::kViewer, perm, kAllLedgers), row.viewer) << perm;
  }
}

TEST(RoleAllows, AdminModuleIsAdminsOnly) {
  for (const Row& row : kMatrix) {
    const std::string perm = std::string("admin:users:") + row.action;
    EXPECT_TRUE(RoleAllows(Role::kAdmin, perm, kAllLedgers)) << perm;
    EXPECT_FALSE(RoleAllows(Role::kStaff, perm, kAllLedgers)) << perm;
    EXPECT_FALSE(RoleAllows(Role::kViewer, perm, kAllLedgers)) << perm;
  }
}

TEST(RoleAllows, StaffLimitedToItsLedgers) {
  const std::vector<std::string> ledgers = {"labor:workers", "funds:*"};
  EXPECT_TRUE(RoleAllows(Role::kStaff, "labor:workers:update", ledgers));
  EXPECT_TRUE(RoleAllows(Role::kStaff, "labor:workers:read", ledgers));
  EXPECT_TRUE(RoleAllows(Role::kStaff, "funds:transfers:create", ledgers));
  EXPECT_TRUE(RoleAllows(Role::kStaff, "funds:plans:reveal", ledgers));
  EXPECT_FALSE(RoleAllows(Role::kStaff, "labor:jobs:read", ledgers));
  EXPECT_FALSE(RoleAllows(Role::kStaff, "people:persons:list", ledgers));
  EXPECT_FALSE(RoleAllows(Role::kStaff, "funds:plans:admin", ledgers));
  // Ledger lists do not restrict other roles.
  EXPECT_TRUE(RoleAllows(Role::kViewer, "people:persons:list", ledgers));
  EXPECT_TRUE(RoleAllows(Role::kAdmin, "people:persons:delete", ledgers));
}

TEST(RoleAllows, MalformedPermissionFailsClosedForEveryone) {
  for (Role r : {Role::kAdmin, Role::kStaff, Role::kViewer}) {
    EXPECT_FALSE(RoleAllows(r, "labor:workers", kAllLedgers));
    EXPECT_FALSE(RoleAllows(r, "labor:workers:destroy", kAllLedgers));
    EXPECT_FALSE(RoleAllows(r, "", kAllLedgers));
  }
}

}  // namespace
}  // namespace shanhai

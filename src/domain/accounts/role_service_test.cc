// Roles as data on both backends: what each seeded role grants (loaded through a real login),
// custom roles grant exactly their permissions, several roles never widen the data scope, role
// changes are validated and audited, and migration 0006 keeps what existing accounts could do.
#include "domain/accounts/role_service.h"

#include <gtest/gtest.h>

#include <set>

#include "domain/accounts/account_service.h"
#include "domain/accounts/permission_catalog.h"
#include "domain/ledger/ledger_test_util.h"
#include "security/permissions.h"

namespace shanhai {
namespace {

using domain_test::AuditRows;
using domain_test::IsOk;

constexpr const char* kPassword = "Pingtang2020!";

class RoleServiceTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    accounts_ = std::make_unique<AccountService>(context());
  }

  // Logs in a new user holding roles and returns its actor as Authenticate builds it.
  Actor ActorWith(const std::string& name, const std::vector<std::string>& roles, const DataScope& scope = {}) {
    auto added = accounts_->AddUser(Actor::System(), {name, kPassword, roles, scope});
    EXPECT_TRUE(added.ok()) << added.status().ToString();
    auto session = accounts_->Login(name, kPassword, "127.0.0.1");
    EXPECT_TRUE(session.ok()) << session.status().ToString();
    if (!session.ok()) return {};
    auto actor = accounts_->Authenticate(session->token, nullptr);
    EXPECT_TRUE(actor.ok()) << actor.status().ToString();
    return actor.ok() ? *actor : Actor{};
  }

  // The declared permissions actor is allowed.
  static std::set<std::string> Allowed(const Actor& actor) {
    std::set<std::string> out;
    for (const PermissionInfo& p : PermissionCatalog())
      if (Authorize(actor, p.name).ok()) out.insert(p.name);
    return out;
  }

  RoleService& roles() { return accounts_->roles(); }
  std::unique_ptr<AccountService> accounts_;
};

bool IsLedgerAction(const std::string& permission, const std::string& action) {
  return !permission.starts_with("admin:") && !permission.starts_with("indicators:") &&
         permission.ends_with(":" + action);
}

TEST(PermissionCatalog, EveryLedgerDeclaresItsActionsOnceEach) {
  std::set<std::string> names;
  for (const PermissionInfo& p : PermissionCatalog()) {
    EXPECT_TRUE(IsPermission(p.name)) << p.name;
    EXPECT_TRUE(names.insert(p.name).second) << "declared twice: " << p.name;
    EXPECT_FALSE(p.label_zh.empty() || p.group_zh.empty()) << p.name;
  }
  for (const LedgerDef* def : AllLedgers())
    for (const std::string& action : StandardLedgerActions())
      EXPECT_TRUE(names.count(def->module + ":" + def->name + ":" + action)) << def->name << " " << action;
  for (const char* duty : {"admin:users:admin", "admin:roles:admin", "admin:audit:admin", "admin:dictionaries:admin",
                           "admin:system:admin", "indicators:report:read"})
    EXPECT_TRUE(names.count(duty)) << duty;
}

TEST_P(RoleServiceTest, SeededRolesGrantTheirDutiesOnly) {
  const std::set<std::string> staff = Allowed(ActorWith("s1", {"staff"}));
  const std::set<std::string> viewer = Allowed(ActorWith("v1", {"viewer"}));
  // Reveal goes only to an account limited to a region (CheckRevealScoped).
  // A town: reveal across a county would wait for a second administrator (reveal_grants.h).
  const std::set<std::string> revealer = Allowed(ActorWith("r1", {"revealer"}, {"522727200"}));
  const std::set<std::string> sysadmin = Allowed(ActorWith("sys1", {"sysadmin"}));
  const std::set<std::string> secadmin = Allowed(ActorWith("sec1", {"secadmin"}));
  const std::set<std::string> auditadmin = Allowed(ActorWith("aud1", {"auditadmin"}));
  const std::set<std::string> admin = Allowed(ActorWith("adm1", {"admin"}));
  for (const PermissionInfo& p : PermissionCatalog()) {
    const std::string& n = p.name;
    const bool ledger = !n.starts_with("admin:") && !n.starts_with("indicators:");
    EXPECT_TRUE(admin.count(n)) << n;
    // The answer to an interview time is the job seeker's own (migration 0025): no staff role's.
    const bool seekers_own = n == "labor:applications:answer_time";
    EXPECT_EQ(staff.count(n) == 1,
              n == "indicators:report:read" || (ledger && !IsLedgerAction(n, "reveal") && !seekers_own))
        << n;
    EXPECT_EQ(viewer.count(n) == 1, n == "indicators:report:read" || IsLedgerAction(n, "list") ||
                                        IsLedgerAction(n, "read") || IsLedgerAction(n, "export"))
        << n;
    EXPECT_EQ(revealer.count(n) == 1, IsLedgerAction(n, "reveal")) << n;
    EXPECT_EQ(sysadmin.count(n) == 1, n == "admin:dictionaries:admin" || n == "admin:system:admin") << n;
    EXPECT_EQ(secadmin.count(n) == 1, n == "admin:users:admin" || n == "admin:roles:admin") << n;
    EXPECT_EQ(auditadmin.count(n) == 1, n == "admin:audit:admin") << n;
  }
  EXPECT_TRUE(staff.count("people:people:update"));
  EXPECT_FALSE(staff.count("people:people:reveal"));  // reading a sensitive field whole is granted apart
  // The single admin of a small office holds all three administrator duties.
  for (const char* duty : {"admin:users:admin", "admin:roles:admin", "admin:audit:admin", "admin:system:admin"})
    EXPECT_TRUE(admin.count(duty)) << duty;
}

TEST_P(RoleServiceTest, ACustomRoleGrantsExactlyItsPermissions) {
  const std::vector<std::string> granted = {"exchange:visits:list", "exchange:visits:read", "people:people:reveal"};
  auto role = roles().Create(Actor::System(), {"visits_clerk", "互访登记员", granted});
  ASSERT_TRUE(role.ok()) << role.status().ToString();
  EXPECT_FALSE(role->builtin);
  EXPECT_EQ(role->permissions, (std::vector<std::string>{"exchange:visits:list", "exchange:visits:read",
                                                         "people:people:reveal"}));
  const std::set<std::string> allowed = Allowed(ActorWith("clerk", {"visits_clerk"}, {"522727200"}));  // a town: no approval
  EXPECT_EQ(allowed, std::set<std::string>(granted.begin(), granted.end()));
  EXPECT_EQ(AuditRows(db(), "role_add"), 1);
}

TEST_P(RoleServiceTest, SeveralRolesAddPermissionsButNeverRecords) {
  AddPair("440111", "522727");
  const int64_t unit = Add("units", domain_test::kCountyPair, {{"name", "某企业"}, {"side", "helper"}, {"kind", "enterprise"}});
  const Actor one = ActorWith("one", {"viewer"}, {"522727", "units", unit});
  const Actor many = ActorWith("many", {"viewer", "staff", "admin"}, {"522727", "units", unit});
  EXPECT_FALSE(Authorize(one, "exchange:visits:create").ok());
  EXPECT_TRUE(Authorize(many, "exchange:visits:create").ok());
  EXPECT_EQ(many.region, "522727");
  EXPECT_EQ(many.owner_ledger, "units");
  EXPECT_EQ(many.owner_id, unit);
  const Scope a = ScopeOf(one), b = ScopeOf(many);
  EXPECT_EQ(a.visible_prefix, b.visible_prefix);
  EXPECT_EQ(a.owner_id, b.owner_id);
  EXPECT_EQ(b.owner_ledger, "units");
}

TEST_P(RoleServiceTest, RoleChangesAreCheckedAndAudited) {
  struct Bad {
    const char* what;
    RoleDraft draft;
    const char* field;
  };
  const std::vector<Bad> bad = {{"name", {"a", "甲", {}}, "name"},
                                {"name with a space", {"a b", "甲", {}}, "name"},
                                {"no label", {"clerk", "", {}}, "label_zh"},
                                {"undeclared permission", {"clerk", "甲", {"exchange:visits:fly"}}, "permissions"},
                                {"a pattern", {"clerk", "甲", {"*:*:list"}}, "permissions"}};
  for (const Bad& b : bad) {
    auto r = roles().Create(Actor::System(), b.draft);
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument) << b.what;
    EXPECT_TRUE(domain_test::HasFieldError(r.status(), b.field)) << b.what << ": " << r.status().ToString();
  }
  EXPECT_EQ(roles().Create(Actor::System(), {"staff", "重名", {}}).status().code(), Code::kConflict);
  EXPECT_EQ(roles().Create(domain_test::StaffIn(""), {"clerk", "甲", {}}).status().code(), Code::kPermissionDenied);

  auto all = roles().List(Actor::System());
  ASSERT_TRUE(all.ok());
  for (const RoleInfo& seeded : *all) {
    EXPECT_TRUE(seeded.builtin) << seeded.name;
    EXPECT_EQ(roles().Update(Actor::System(), seeded.id, {"", "改", {}}).status().code(), Code::kPermissionDenied);
    EXPECT_EQ(roles().Delete(Actor::System(), seeded.id).code(), Code::kPermissionDenied);
  }
  auto clerk = roles().Create(Actor::System(), {"clerk", "登记员", {"exchange:visits:list"}});
  ASSERT_TRUE(clerk.ok());
  auto changed = roles().Update(Actor::System(), clerk->id, {"", "登记员（改）", {"exchange:visits:read"}});
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_EQ(changed->permissions, std::vector<std::string>{"exchange:visits:read"});
  ActorWith("holder", {"clerk"});
  EXPECT_EQ(roles().Delete(Actor::System(), clerk->id).code(), Code::kConflict);  // still held
  auto holder = accounts_->ListUsers(Actor::System());
  ASSERT_TRUE(holder.ok());
  ASSERT_TRUE(accounts_->UpdateUser(Actor::System(), holder->back().id, {{"viewer"}, {}, false}).ok());
  ASSERT_TRUE(IsOk(roles().Delete(Actor::System(), clerk->id)));
  EXPECT_EQ(roles().Delete(Actor::System(), clerk->id).code(), Code::kNotFound);
  EXPECT_EQ(AuditRows(db(), "role_add"), 1);
  EXPECT_EQ(AuditRows(db(), "role_update"), 1);
  EXPECT_EQ(AuditRows(db(), "role_delete"), 1);
  auto row = db().Query("SELECT before_json, after_json FROM audit_log WHERE action = 'user_update'");
  ASSERT_TRUE(row.ok());
  ASSERT_EQ(row->rows.size(), 1u);
  EXPECT_NE(AsText(row->rows[0][0]).find("\"clerk\""), std::string::npos);
  EXPECT_NE(AsText(row->rows[0][1]).find("\"viewer\""), std::string::npos);
}

TEST_P(RoleServiceTest, NoOneChangesTheirOwnRolesOrScope) {
  const Actor sec = ActorWith("sec", {"secadmin"});
  auto users = accounts_->ListUsers(sec);
  ASSERT_TRUE(users.ok());
  auto self = accounts_->UpdateUser(sec, users->back().id, {{"secadmin", "auditadmin"}, {}, false});
  EXPECT_EQ(self.status().code(), Code::kPermissionDenied);
  EXPECT_EQ(AuditRows(db(), "user_update"), 0);
  ActorWith("other", {"viewer"});
  users = accounts_->ListUsers(sec);
  ASSERT_TRUE(users.ok());
  EXPECT_TRUE(accounts_->UpdateUser(sec, users->back().id, {{"staff"}, {}, false}).ok());
  EXPECT_EQ(AuditRows(db(), "user_update"), 1);
}

TEST_P(RoleServiceTest, ARoleLabelHasAtMostSixtyFourCharacters) {
  const auto repeat = [](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += "角";
    return s;
  };
  EXPECT_TRUE(roles().Create(Actor::System(), {"long_ok", repeat(64), {}}).ok());
  auto r = roles().Create(Actor::System(), {"long_bad", repeat(65), {}});
  EXPECT_TRUE(domain_test::HasFieldError(r.status(), "label_zh")) << r.status().ToString();
}

TEST_P(RoleServiceTest, ListingRolesNeedsAUserOrRoleAdministrator) {
  EXPECT_EQ(roles().List(domain_test::StaffIn("")).status().code(), Code::kPermissionDenied);
  EXPECT_TRUE(roles().List(ActorWith("sec", {"secadmin"})).ok());
  EXPECT_EQ(roles().List(ActorWith("aud", {"auditadmin"})).status().code(), Code::kPermissionDenied);
}

INSTANTIATE_TEST_SUITE_P(Backends, RoleServiceTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

// Migration 0006 on a database that has users of the old model.
class RolesMigrationTest : public BackendTest {};

TEST_P(RolesMigrationTest, ExistingAccountsKeepWhatTheyCouldDo) {
  auto all = EmbeddedMigrations();
  ASSERT_TRUE(all.ok());
  std::vector<Migration> before, after;
  for (const Migration& m : *all) (m.version < 6 ? before : after).push_back(m);
  ASSERT_TRUE(IsOk(Migrate(db(), before)));
  const char* insert =
      "INSERT INTO users (name, password_hash, role, region, ledgers, disabled, created_at, updated_at) "
      "VALUES (?, 'x', ?, ?, ?, 0, '2020-01-01', '2020-01-01')";
  for (const auto& [name, role, region, ledgers] :
       std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
           {"boss", "admin", "", ""},
           {"look", "viewer", "522727", ""},
           {"clerk", "staff", "440111", ""},
           {"narrow", "staff", "", "exchange:visits,talent:trainings"}})
    ASSERT_TRUE(IsOk(db().Execute(insert, {name, role, region, ledgers}).status()));
  ASSERT_TRUE(IsOk(Migrate(db())));

  ServiceContext context(db(), nullptr, Clock::Fixed(1595404800));
  AccountService accounts(context);
  auto users = accounts.ListUsers(Actor::System());
  ASSERT_TRUE(users.ok()) << users.status().ToString();
  ASSERT_EQ(users->size(), 4u);
  EXPECT_EQ((*users)[0].roles, std::vector<std::string>{"admin"});
  EXPECT_EQ((*users)[1].roles, std::vector<std::string>{"viewer"});
  EXPECT_EQ((*users)[1].scope.region, "522727");
  EXPECT_EQ((*users)[2].roles, (std::vector<std::string>{"revealer", "staff"}));
  EXPECT_EQ((*users)[3].roles, std::vector<std::string>{"staff.narrow"});

  auto grants = accounts.roles().GrantsOf((*users)[3].id);
  ASSERT_TRUE(grants.ok());
  Actor narrow{"narrow", grants->roles, grants->grants, "", "", 0, ""};
  std::set<std::string> allowed;
  for (const PermissionInfo& p : PermissionCatalog())
    if (Authorize(narrow, p.name).ok()) allowed.insert(p.name);
  std::set<std::string> expected;
  for (const std::string& action : StandardLedgerActions()) {
    expected.insert("exchange:visits:" + action);
    expected.insert("talent:trainings:" + action);
  }
  EXPECT_EQ(allowed, expected);

  auto clerk = accounts.roles().GrantsOf((*users)[2].id);
  ASSERT_TRUE(clerk.ok());
  EXPECT_TRUE(GrantsAllow(clerk->grants, "people:people:reveal"));  // as before: staff could reveal
  EXPECT_FALSE(GrantsAllow(clerk->grants, "admin:users:admin"));
}

INSTANTIATE_TEST_SUITE_P(Backends, RolesMigrationTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

// Accounts on both backends: user validation, login (one message for every failure), idle
// timeout with an injected clock, logout, disabled users, password change, audit rows;
// login throttling and lockout, field caps, password rules and history, forced and expired
// passwords, session ends and purges, TOTP at login.
#include "domain/accounts/account_service.h"

#include <gtest/gtest.h>

#include "domain/ledger/ledger_test_util.h"
#include "security/totp.h"

namespace shanhai {
namespace {

using domain_test::AuditRows;
using domain_test::IsOk;

constexpr const char* kPassword = "Pingtang2020!";
constexpr int64_t kMinute = 60;

class AccountServiceTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    UsePolicy(IdentityPolicy{});
  }

  void UsePolicy(const IdentityPolicy& policy) {
    accounts_ = std::make_unique<AccountService>(MakeContext(db(), nullptr, Clock([this] { return now_; })), policy);
  }

  NewUser User(const std::string& name, const std::string& role = "staff") {
    return NewUser{name, kPassword, {role}, {"522727"}};
  }
  UserInfo MustAdd(const NewUser& user) {
    auto added = accounts_->AddUser(Actor::System(), user);
    EXPECT_TRUE(added.ok()) << added.status().ToString();
    return added.ok() ? *added : UserInfo{};
  }
  Session MustLogin(const std::string& name, const std::string& password = kPassword) {
    auto session = accounts_->Login(name, password, "127.0.0.1");
    EXPECT_TRUE(session.ok()) << session.status().ToString();
    return session.ok() ? *session : Session{};
  }
  Code AuthCode(const std::string& token) { return accounts_->Authenticate(token, nullptr).status().code(); }
  SessionFlags FlagsOf(const std::string& token) {
    SessionFlags flags;
    EXPECT_TRUE(accounts_->Authenticate(token, nullptr, &flags).ok());
    return flags;
  }
  int64_t Count(const std::string& sql) {
    auto rows = db().Query(sql);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? AsInt(rows->rows.at(0).at(0)) : -1;
  }

  int64_t now_ = 1595404800;  // 2020-07-22T08:00:00Z
  std::unique_ptr<AccountService> accounts_;
};

TEST_P(AccountServiceTest, AddUserValidatesEveryInput) {
  struct Bad {
    const char* what;
    NewUser user;
  };
  const std::vector<Bad> bad = {
      {"name too short", {"a", kPassword, {"staff"}, {}}},
      {"name with a space", {"wang li", kPassword, {"staff"}, {}}},
      {"name in Chinese", {"王丽", kPassword, {"staff"}, {}}},
      {"weak password: short", {"wangli", "ab1", {"staff"}, {}}},
      {"weak password: letters only", {"wangli", "abcdefghijkl", {"staff"}, {}}},
      {"unknown role", {"wangli", kPassword, {"superuser"}, {}}},
      {"no role", {"wangli", kPassword, {}, {}}},
      {"unknown region", {"wangli", kPassword, {"staff"}, {"999999"}}},
      {"owner ledger that is no organisation", {"wangli", kPassword, {"staff"}, {"", "visits", 1}}},
      {"owner record that does not exist", {"wangli", kPassword, {"staff"}, {"", "units", 999}}},
      {"owner id without a ledger", {"wangli", kPassword, {"staff"}, {"", "", 3}}},
      {"display name with a line break", {"wangli", kPassword, {"staff"}, {}, true, "王\n芳"}},
      {"display name of 33 characters", {"wangli", kPassword, {"staff"}, {}, true, std::string(33, 'x')}},
  };
  for (const Bad& b : bad) {
    auto added = accounts_->AddUser(Actor::System(), b.user);
    EXPECT_EQ(added.status().code(), Code::kInvalidArgument) << b.what;
    EXPECT_FALSE(added.status().message_zh().empty()) << b.what;
    EXPECT_FALSE(added.status().message_en().empty()) << b.what;
  }
  auto count = accounts_->CountUsers();
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 0);

  const UserInfo ok = MustAdd({"wang.li-2", kPassword, {"viewer", "staff"}, {"522727"}});
  EXPECT_EQ(ok.roles, (std::vector<std::string>{"staff", "viewer"}));
  EXPECT_EQ(ok.scope.region, "522727");
  EXPECT_EQ(accounts_->AddUser(Actor::System(), User("wang.li-2")).status().code(), Code::kConflict);
  EXPECT_EQ(accounts_->AddUser(domain_test::StaffIn("522727"), User("other")).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(AuditRows(db(), "user_add"), 1);
}

TEST_P(AccountServiceTest, DisplayNamesAreStoredTrimmedAndChangedOnlyWhenGiven) {
  NewUser user = User("wangfang");
  user.display_name = " 王芳 ";
  const UserInfo added = MustAdd(user);
  EXPECT_EQ(added.display_name, "王芳");
  const UserChange keep{{"staff"}, {"522727"}, false, std::nullopt};
  auto kept = accounts_->UpdateUser(Actor::System(), added.id, keep);
  ASSERT_TRUE(kept.ok()) << kept.status().ToString();
  EXPECT_EQ(kept->display_name, "王芳");
  auto refused = accounts_->UpdateUser(Actor::System(), added.id, {{"staff"}, {"522727"}, false, "王\u200b芳"});
  EXPECT_TRUE(domain_test::HasFieldError(refused.status(), "display_name")) << refused.status().ToString();
  auto renamed = accounts_->UpdateUser(Actor::System(), added.id, {{"staff"}, {"522727"}, false, "王芳芳"});
  ASSERT_TRUE(renamed.ok()) << renamed.status().ToString();
  auto listed = accounts_->ListUsers(Actor::System());
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->at(0).display_name, "王芳芳");
  auto cleared = accounts_->UpdateUser(Actor::System(), added.id, {{"staff"}, {"522727"}, false, ""});
  ASSERT_TRUE(cleared.ok());
  EXPECT_EQ(cleared->display_name, "");
  EXPECT_EQ(AuditRows(db(), "user_update"), 3);  // the refused change wrote nothing
}

// The hash-chained audit rows of user changes keep the masked display name only; the whole one
// stays in users, where the next change may replace it.
TEST_P(AccountServiceTest, UserAuditRowsKeepOnlyTheMaskedDisplayName) {
  NewUser user = User("wangfang");
  user.display_name = "王芳";
  const UserInfo added = MustAdd(user);
  ASSERT_TRUE(accounts_->UpdateUser(Actor::System(), added.id, {{"staff"}, {"522727"}, false, "欧阳娜娜"}).ok());
  ASSERT_TRUE(accounts_->SetDisplayName(Actor::System(), added.id, "李四").ok());
  auto rows = db().Query("SELECT action, before_json, after_json, detail FROM audit_log WHERE ledger = 'users' ORDER BY seq");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->rows.size(), 3u);
  std::string logged;
  for (const auto& r : rows->rows)
    for (size_t i = 1; i < r.size(); ++i) logged += AsText(r[i]) + "\n";
  for (const char* whole : {"王芳", "欧阳", "李四"}) EXPECT_EQ(logged.find(whole), std::string::npos) << logged;
  EXPECT_NE(AsText(rows->rows[0][2]).find("\"display_name\":\"王*\""), std::string::npos) << logged;  // user_add
  EXPECT_NE(AsText(rows->rows[1][1]).find("\"display_name\":\"王*\""), std::string::npos) << logged;
  EXPECT_NE(AsText(rows->rows[1][2]).find("\"display_name\":\"欧***\""), std::string::npos) << logged;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE display_name = '李四'"), 1);
}

// SetDisplayName changes the name alone: roles and scope are neither re-sent nor re-checked (a
// stored scope whose organisation is gone still lets the name change), and the audit row holds
// the login and the masked name only.
TEST_P(AccountServiceTest, SetDisplayNameChangesTheNameAlone) {
  NewUser user = User("wangfang");
  user.display_name = "王芳";
  const UserInfo added = MustAdd(user);
  // As if its organisation had been deleted after the account was made.
  ASSERT_TRUE(db().Execute("UPDATE users SET owner_ledger = 'units', owner_id = 999 WHERE id = ?", {added.id}).ok());
  const UserChange resend{{"staff"}, {"522727", "units", 999}, false, "李四"};
  EXPECT_TRUE(domain_test::HasFieldError(accounts_->UpdateUser(Actor::System(), added.id, resend).status(), "owner_id"));

  auto renamed = accounts_->SetDisplayName(Actor::System(), added.id, " 李四 ");
  ASSERT_TRUE(renamed.ok()) << renamed.status().ToString();
  EXPECT_EQ(renamed->display_name, "李四");
  EXPECT_EQ(renamed->roles, std::vector<std::string>{"staff"});
  EXPECT_EQ(renamed->scope.owner_id, 999);
  auto audited = db().Query("SELECT before_json, after_json FROM audit_log WHERE action = 'user_update'");
  ASSERT_TRUE(audited.ok());
  ASSERT_EQ(audited->rows.size(), 1u);
  EXPECT_EQ(AsText(audited->rows[0][0]), R"({"name":"wangfang","display_name":"王*"})");
  EXPECT_EQ(AsText(audited->rows[0][1]), R"({"name":"wangfang","display_name":"李*"})");

  auto cleared = accounts_->SetDisplayName(Actor::System(), added.id, "");
  ASSERT_TRUE(cleared.ok()) << cleared.status().ToString();
  EXPECT_EQ(cleared->display_name, "");
  const int64_t audit_rows = AuditRows(db());
  EXPECT_TRUE(domain_test::HasFieldError(accounts_->SetDisplayName(Actor::System(), added.id, "王\n芳").status(),
                                         "display_name"));
  EXPECT_EQ(accounts_->SetDisplayName(domain_test::StaffIn("522727"), added.id, "王芳").status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(accounts_->SetDisplayName(Actor::System(), added.id + 100, "王芳").status().code(), Code::kNotFound);
  EXPECT_EQ(AuditRows(db()), audit_rows);  // refusals write nothing
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE display_name = ''"), 1);
}

// An administrator cannot change their own account through the administrator calls; the refusal
// names what is refused, the display name among it, and where one's secrets are changed instead.
TEST_P(AccountServiceTest, OwnAccountRefusalsNameWhatIsRefused) {
  const UserInfo boss = MustAdd(User("boss", "admin"));
  const Actor self{"boss", {"admin"}, {"*"}, "", "", 0, ""};
  const int64_t audit_rows = AuditRows(db());
  for (const Status& refused : {accounts_->UpdateUser(self, boss.id, {{"admin"}, {}, false, "王芳"}).status(),
                                accounts_->SetDisplayName(self, boss.id, "王芳").status()}) {
    EXPECT_EQ(refused.code(), Code::kPermissionDenied);
    EXPECT_NE(refused.message_zh().find("自己账号的角色、数据范围、状态或姓名"), std::string::npos) << refused.message_zh();
    EXPECT_NE(refused.message_en().find("roles, scope, status or display name"), std::string::npos)
        << refused.message_en();
  }
  const Status reset = accounts_->ResetPassword(self, boss.id, "Another-pass-2026");
  EXPECT_EQ(reset.code(), Code::kPermissionDenied);
  EXPECT_NE(reset.message_en().find("use your own settings"), std::string::npos) << reset.message_en();
  EXPECT_EQ(AuditRows(db()), audit_rows);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE display_name <> ''"), 0);
}

TEST_P(AccountServiceTest, LoginFailuresLookTheSameAndAreAudited) {
  MustAdd(User("wangli"));
  const Session session = MustLogin("wangli");
  EXPECT_FALSE(session.token.empty());
  EXPECT_FALSE(session.csrf_token.empty());
  EXPECT_EQ(session.actor.name, "wangli");
  EXPECT_EQ(session.actor.region, "522727");
  std::string csrf;
  auto actor = accounts_->Authenticate(session.token, &csrf);
  ASSERT_TRUE(actor.ok()) << actor.status().ToString();
  EXPECT_EQ(actor->name, "wangli");
  EXPECT_EQ(actor->roles, std::vector<std::string>{"staff"});
  EXPECT_EQ(actor->grants, session.actor.grants);
  EXPECT_TRUE(Authorize(*actor, "exchange:visits:update").ok());
  EXPECT_EQ(csrf, session.csrf_token);

  auto unknown = accounts_->Login("nobody", kPassword, "127.0.0.1");
  auto wrong = accounts_->Login("wangli", "Wrong-password-1", "127.0.0.1");
  EXPECT_EQ(unknown.status().code(), Code::kUnauthenticated);
  EXPECT_EQ(wrong.status().code(), Code::kUnauthenticated);
  EXPECT_EQ(unknown.status().message_zh(), wrong.status().message_zh());
  EXPECT_EQ(unknown.status().message_en(), wrong.status().message_en());
  EXPECT_FALSE(wrong.status().message_zh().empty());

  EXPECT_EQ(AuditRows(db(), "login"), 1);
  EXPECT_EQ(AuditRows(db(), "login_failed"), 2);
  auto failed = db().Query("SELECT actor, remote FROM audit_log WHERE action = 'login_failed' ORDER BY id");
  ASSERT_TRUE(failed.ok());
  ASSERT_EQ(failed->rows.size(), 2u);
  EXPECT_EQ(AsText(failed->rows[0][0]), "nobody");
  EXPECT_EQ(AsText(failed->rows[1][0]), "wangli");
  EXPECT_EQ(AsText(failed->rows[1][1]), "127.0.0.1");
  // The token itself is never stored.
  auto sessions = db().Query("SELECT token_hash FROM sessions");
  ASSERT_TRUE(sessions.ok());
  ASSERT_EQ(sessions->rows.size(), 1u);
  EXPECT_EQ(AsText(sessions->rows[0][0]).find(session.token), std::string::npos);
}

TEST_P(AccountServiceTest, SessionsTimeOutAfterThirtyIdleMinutesAndEndAtLogout) {
  MustAdd(User("wangli"));
  const int64_t t0 = now_;
  const Session idle = MustLogin("wangli");
  const Session active = MustLogin("wangli");

  now_ = t0 + 29 * kMinute;
  EXPECT_EQ(AuthCode(active.token), Code::kOk);  // also refreshes its idle timer
  now_ = t0 + 31 * kMinute;
  EXPECT_EQ(AuthCode(idle.token), Code::kUnauthenticated);
  EXPECT_EQ(AuthCode(active.token), Code::kOk);  // 2 idle minutes since the refresh
  // An expired session is gone for good, even if the clock goes back.
  now_ = t0;
  EXPECT_EQ(AuthCode(idle.token), Code::kUnauthenticated);
  EXPECT_EQ(AuthCode(""), Code::kUnauthenticated);
  EXPECT_EQ(AuthCode("not-a-token"), Code::kUnauthenticated);

  // Logout ends that session only.
  now_ = t0 + 32 * kMinute;
  const Session third = MustLogin("wangli");
  ASSERT_TRUE(IsOk(accounts_->Logout(active.token)));
  EXPECT_EQ(AuthCode(active.token), Code::kUnauthenticated);
  EXPECT_EQ(AuthCode(third.token), Code::kOk);
  now_ = t0 + 32 * kMinute + 31 * kMinute;
  EXPECT_EQ(AuthCode(third.token), Code::kUnauthenticated);
}

TEST_P(AccountServiceTest, SessionsEndAfterTwelveHoursEvenWhenActive) {
  MustAdd(User("wangli"));
  const int64_t t0 = now_;
  const Session session = MustLogin("wangli");
  for (int64_t t = t0 + 20 * kMinute; t < t0 + 12 * 60 * kMinute; t += 20 * kMinute) {
    now_ = t;
    ASSERT_EQ(AuthCode(session.token), Code::kOk) << (t - t0) / kMinute << " minutes";
  }
  now_ = t0 + 12 * 60 * kMinute + kMinute;
  EXPECT_EQ(AuthCode(session.token), Code::kUnauthenticated);
}

TEST_P(AccountServiceTest, ADisabledUserCannotLogInAndLosesItsSessions) {
  const UserInfo user = MustAdd(User("wangli"));
  const Session session = MustLogin("wangli");
  auto disabled = accounts_->UpdateUser(Actor::System(), user.id, {{"staff"}, {"522727"}, true});
  ASSERT_TRUE(disabled.ok()) << disabled.status().ToString();
  EXPECT_TRUE(disabled->disabled);
  EXPECT_EQ(AuthCode(session.token), Code::kUnauthenticated);
  // The right password learns that the account is disabled (audited); a wrong one learns
  // nothing more than for a name that does not exist.
  LoginRefusal why;
  auto login = accounts_->Login("wangli", kPassword, "127.0.0.1", "", &why);
  EXPECT_EQ(login.status().code(), Code::kPermissionDenied);
  EXPECT_TRUE(why.disabled);
  EXPECT_NE(login.status().message_zh().find("已停用"), std::string::npos) << login.status().message_zh();
  EXPECT_NE(login.status().message_en().find("disabled"), std::string::npos) << login.status().message_en();
  EXPECT_EQ(AuditRows(db(), "login_disabled"), 1);
  LoginRefusal wrong_why;
  auto wrong = accounts_->Login("wangli", "Wrong-password-1", "127.0.0.1", "", &wrong_why);
  EXPECT_EQ(wrong.status().code(), Code::kUnauthenticated);
  EXPECT_FALSE(wrong_why.disabled);
  auto unknown = accounts_->Login("nobody", "Wrong-password-1", "127.0.0.1");
  EXPECT_EQ(wrong.status().message_en(), unknown.status().message_en());
  EXPECT_EQ(wrong.status().message_zh(), unknown.status().message_zh());
  EXPECT_EQ(AuditRows(db(), "login_disabled"), 1);
  ASSERT_TRUE(accounts_->UpdateUser(Actor::System(), user.id, {{"staff"}, {"522727"}, false}).ok());
  MustLogin("wangli");
}

TEST_P(AccountServiceTest, ChangingThePasswordNeedsTheOldOne) {
  MustAdd(User("wangli"));
  const Actor actor = MustLogin("wangli").actor;
  EXPECT_EQ(accounts_->ChangePassword(actor, "Not-the-old-1", "Baiyun-2021!").code(), Code::kInvalidArgument);
  EXPECT_EQ(accounts_->ChangePassword(actor, kPassword, "short").code(), Code::kInvalidArgument);
  ASSERT_TRUE(IsOk(accounts_->ChangePassword(actor, kPassword, "Baiyun-2021!")));
  EXPECT_EQ(accounts_->Login("wangli", kPassword, "").status().code(), Code::kUnauthenticated);
  MustLogin("wangli", "Baiyun-2021!");
  EXPECT_EQ(AuditRows(db(), "password_change"), 1);
}

TEST_P(AccountServiceTest, FailuresGrowADelayThenLockTheNameUntilAnAdminUnlocksIt) {
  const UserInfo user = MustAdd(User("wangli"));
  LoginRefusal why;
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(accounts_->Login("wangli", "Wrong-password-1", "10.0.0.1", "", &why).status().code(), Code::kUnauthenticated);
  EXPECT_EQ(why.retry_after_seconds, 0);
  // After the third failure even the right password must wait a second, from any address.
  auto waiting = accounts_->Login("wangli", kPassword, "10.0.0.2", "", &why);
  EXPECT_EQ(waiting.status().code(), Code::kPermissionDenied);
  EXPECT_EQ(why.retry_after_seconds, 1);
  EXPECT_NE(waiting.status().message_zh().find("1 秒后再试"), std::string::npos) << waiting.status().message_zh();
  EXPECT_NE(waiting.status().message_en().find("retry in 1 s"), std::string::npos);
  now_ += 1;
  EXPECT_EQ(accounts_->Login("wangli", "Wrong-password-1", "10.0.0.1").status().code(), Code::kUnauthenticated);
  why = {};
  accounts_->Login("wangli", kPassword, "10.0.0.1", "", &why);
  EXPECT_EQ(why.retry_after_seconds, 2);
  now_ += 2;
  EXPECT_EQ(AuditRows(db(), "lockout"), 0);
  EXPECT_EQ(accounts_->Login("wangli", "Wrong-password-1", "10.0.0.1").status().code(), Code::kUnauthenticated);
  EXPECT_EQ(AuditRows(db(), "lockout"), 1);
  EXPECT_EQ(AuditRows(db(), "login_failed"), 5);

  // Locked: the right password is not even checked, for 15 minutes.
  why = {};
  auto locked = accounts_->Login("wangli", kPassword, "10.0.0.3", "", &why);
  EXPECT_EQ(locked.status().code(), Code::kPermissionDenied);
  EXPECT_EQ(why.retry_after_seconds, 15 * kMinute);
  EXPECT_NE(locked.status().message_en().find("locked; retry in 15 min"), std::string::npos)
      << locked.status().message_en();
  EXPECT_NE(locked.status().message_zh().find("请 15 分钟后再试"), std::string::npos);
  EXPECT_EQ(AuditRows(db(), "login_failed"), 5);

  EXPECT_EQ(accounts_->Unlock(domain_test::StaffIn("522727"), user.id).code(), Code::kPermissionDenied);
  EXPECT_EQ(accounts_->Unlock(Actor::System(), 9999).code(), Code::kNotFound);
  ASSERT_TRUE(IsOk(accounts_->Unlock(Actor::System(), user.id)));
  EXPECT_EQ(AuditRows(db(), "unlock"), 1);
  MustLogin("wangli");

  // A lockout also ends by itself.
  for (int i = 0; i < 5; ++i, now_ += 60) accounts_->Login("wangli", "Wrong-password-1", "10.0.0.1");
  EXPECT_EQ(accounts_->Login("wangli", kPassword, "10.0.0.1").status().code(), Code::kPermissionDenied);
  now_ += 15 * kMinute;
  MustLogin("wangli");
}

TEST_P(AccountServiceTest, TheLimitsComeFromThePolicy) {
  UsePolicy(IdentityPolicy{.max_failures = 2, .lockout_minutes = 1});
  MustAdd(User("wangli"));
  accounts_->Login("wangli", "Wrong-password-1", "10.0.0.1");
  accounts_->Login("wangli", "Wrong-password-1", "10.0.0.1");
  LoginRefusal why;
  EXPECT_EQ(accounts_->Login("wangli", kPassword, "10.0.0.1", "", &why).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(why.retry_after_seconds, 60);
  now_ += 61;
  MustLogin("wangli");
}

TEST_P(AccountServiceTest, AnAddressIsSlowedDownButNeverLocksAnAccount) {
  MustAdd(User("wangli"));
  // Password spraying: one guess per name, all from one address.
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(accounts_->Login("name" + std::to_string(i), kPassword, "10.6.6.6").status().code(), Code::kUnauthenticated);
  LoginRefusal why;
  EXPECT_EQ(accounts_->Login("wangli", kPassword, "10.6.6.6", "", &why).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(why.retry_after_seconds, 1);
  // The real user elsewhere is not affected at all.
  MustLogin("wangli");
  EXPECT_EQ(AuditRows(db(), "lockout"), 0);
}

TEST_P(AccountServiceTest, OversizeLoginFieldsAreRefusedBeforeAnythingIsStored) {
  MustAdd(User("wangli"));
  const struct {
    std::string name, password, totp, field;
  } cases[] = {{std::string(65, 'n'), kPassword, "", "name"},
               {"wangli", std::string(1025, 'p'), "", "password"},
               {"wangli", kPassword, std::string(17, '1'), "totp"}};
  for (const auto& c : cases) {
    auto r = accounts_->Login(c.name, c.password, "10.0.0.1", c.totp);
    EXPECT_EQ(r.status().code(), Code::kInvalidArgument) << c.field;
    ASSERT_EQ(r.status().details().size(), 1u) << c.field;
    EXPECT_EQ(r.status().details()[0].field, c.field);
    EXPECT_NE(r.status().message_en().find(c.field), std::string::npos) << r.status().message_en();
  }
  EXPECT_EQ(AuditRows(db(), "login_failed"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM login_failures"), 0);
  auto control = accounts_->Login(std::string("wang\0li", 7), kPassword, "10.0.0.1");
  EXPECT_EQ(control.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(control.status().details().at(0).field, "name");
  // 64 bytes is still a (wrong) login, audited with the name as sent.
  EXPECT_EQ(accounts_->Login(std::string(64, 'n'), kPassword, "10.0.0.1").status().code(), Code::kUnauthenticated);
  EXPECT_EQ(AuditRows(db(), "login_failed"), 1);
}

TEST_P(AccountServiceTest, FailureRecordsOfGuessedNamesDoNotPileUp) {
  MustAdd(User("wangli"));
  for (int i = 0; i < 5; ++i) accounts_->Login("guess" + std::to_string(i), kPassword, "10.0.0." + std::to_string(i));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM login_failures"), 10);
  now_ += 16 * kMinute;
  MustLogin("wangli");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM login_failures"), 0);
}

TEST_P(AccountServiceTest, NewPasswordsFollowTheRulesAndAreNotRecentOnes) {
  MustAdd(User("wangli"));
  const Actor actor = MustLogin("wangli").actor;
  Status s = accounts_->ChangePassword(actor, kPassword, "Wangli-2021-pass");
  EXPECT_EQ(s.code(), Code::kInvalidArgument);
  EXPECT_NE(s.message_en().find("user name"), std::string::npos);
  ASSERT_EQ(s.details().size(), 1u);
  EXPECT_EQ(s.details()[0].field, "new_password");
  EXPECT_EQ(accounts_->ChangePassword(actor, kPassword, "abcdefgh12").code(), Code::kInvalidArgument);
  s = accounts_->ChangePassword(actor, kPassword, kPassword);
  EXPECT_EQ(s.code(), Code::kInvalidArgument);
  EXPECT_NE(s.message_en().find("last 5"), std::string::npos) << s.message_en();
  EXPECT_NE(s.message_zh().find("最近 5 次"), std::string::npos);

  // The depth is the policy's: with 2, the third password back may come again.
  UsePolicy(IdentityPolicy{.password_history = 2});
  ASSERT_TRUE(IsOk(accounts_->ChangePassword(actor, kPassword, "Baiyun-2021!")));
  ASSERT_TRUE(IsOk(accounts_->ChangePassword(actor, "Baiyun-2021!", "Baiyun-2022!")));
  EXPECT_EQ(accounts_->ChangePassword(actor, "Baiyun-2022!", "Baiyun-2021!").code(), Code::kInvalidArgument);
  EXPECT_TRUE(IsOk(accounts_->ChangePassword(actor, "Baiyun-2022!", kPassword)));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM password_history"), 2);
}

TEST_P(AccountServiceTest, APasswordSetBySomeoneElseMustBeChangedFirst) {
  const UserInfo user = MustAdd(User("wangli"));
  Session session = MustLogin("wangli");
  EXPECT_TRUE(session.flags.must_change_password);
  EXPECT_EQ(session.flags.password_change_reason, "initial");
  EXPECT_TRUE(FlagsOf(session.token).must_change_password);
  ASSERT_TRUE(IsOk(accounts_->ChangePassword(session.actor, kPassword, "Baiyun-2021!", session.token)));
  EXPECT_FALSE(FlagsOf(session.token).must_change_password);
  EXPECT_FALSE(MustLogin("wangli", "Baiyun-2021!").flags.must_change_password);

  // An administrator's reset: every session ends, and the new password must be changed again.
  EXPECT_EQ(accounts_->ResetPassword(domain_test::StaffIn("522727"), user.id, "Reset-pass-2022").code(),
            Code::kPermissionDenied);
  EXPECT_EQ(accounts_->ResetPassword(Actor::System(), user.id, "short").code(), Code::kInvalidArgument);
  ASSERT_TRUE(IsOk(accounts_->ResetPassword(Actor::System(), user.id, "Reset-pass-2022")));
  EXPECT_EQ(AuthCode(session.token), Code::kUnauthenticated);
  session = MustLogin("wangli", "Reset-pass-2022");
  EXPECT_TRUE(session.flags.must_change_password);
  EXPECT_EQ(AuditRows(db(), "password_reset"), 1);

  NewUser chosen = User("zhaomin");
  chosen.must_change_password = false;
  MustAdd(chosen);
  EXPECT_FALSE(MustLogin("zhaomin").flags.must_change_password);
}

TEST_P(AccountServiceTest, PasswordsExpireAfterThePolicysDays) {
  UsePolicy(IdentityPolicy{.password_max_age_days = 90});
  NewUser u = User("wangli");
  u.must_change_password = false;
  MustAdd(u);
  now_ += 89 * 24 * 60 * kMinute;
  EXPECT_FALSE(MustLogin("wangli").flags.must_change_password);
  now_ += 2 * 24 * 60 * kMinute;
  const Session session = MustLogin("wangli");
  EXPECT_TRUE(session.flags.must_change_password);
  EXPECT_EQ(session.flags.password_change_reason, "expired");
  ASSERT_TRUE(IsOk(accounts_->ChangePassword(session.actor, kPassword, "Baiyun-2021!", session.token)));
  EXPECT_FALSE(FlagsOf(session.token).must_change_password);
}

TEST_P(AccountServiceTest, GuessingTheCurrentPasswordThroughASessionIsThrottledToo) {
  MustAdd(User("wangli"));
  const Session here = MustLogin("wangli");
  for (int i = 0; i < 2; ++i)
    EXPECT_EQ(accounts_->ChangePassword(here.actor, "Wrong-guess-" + std::to_string(i), "Baiyun-2021!").code(),
              Code::kInvalidArgument);
  // The third wrong guess in a row must wait, and then even the right password does.
  EXPECT_EQ(accounts_->ChangePassword(here.actor, "Wrong-guess-2", "Baiyun-2021!").code(), Code::kInvalidArgument);
  EXPECT_EQ(accounts_->ChangePassword(here.actor, kPassword, "Baiyun-2021!").code(), Code::kPermissionDenied);
  EXPECT_EQ(AuditRows(db(), "login_failed"), 3);
}

TEST_P(AccountServiceTest, AChangedPasswordEndsTheOtherSessionsAndOldOnesArePurged) {
  MustAdd(User("wangli"));
  const Session stale = MustLogin("wangli");
  now_ += 31 * kMinute;
  const Session here = MustLogin("wangli");  // purges the idle one
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sessions"), 1);
  const Session elsewhere = MustLogin("wangli");
  ASSERT_TRUE(IsOk(accounts_->ChangePassword(here.actor, kPassword, "Baiyun-2021!", here.token)));
  EXPECT_EQ(AuthCode(here.token), Code::kOk);
  EXPECT_EQ(AuthCode(elsewhere.token), Code::kUnauthenticated);
  EXPECT_EQ(AuthCode(stale.token), Code::kUnauthenticated);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sessions"), 1);
}

TEST_P(AccountServiceTest, LogoutIsAudited) {
  MustAdd(User("wangli"));
  ASSERT_TRUE(IsOk(accounts_->Logout(MustLogin("wangli").token, "10.0.0.9")));
  EXPECT_EQ(AuditRows(db(), "logout"), 1);
  ASSERT_TRUE(IsOk(accounts_->Logout("no-such-token")));
  EXPECT_EQ(AuditRows(db(), "logout"), 1);
}

TEST_P(AccountServiceTest, AnEnrolledAccountNeedsAFreshTotpCode) {
  const UserInfo boss = MustAdd(User("boss", "admin"));
  auto shown = accounts_->totp().EnrolNow(Actor::System(), "boss");
  ASSERT_TRUE(shown.ok()) << shown.status().ToString();
  // Stored encrypted: neither the Base32 text nor nothing.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE totp_secret LIKE '%" + shown->secret_base32 + "%'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users WHERE totp_secret <> ''"), 1);
  const std::string secret = *Base32Decode(shown->secret_base32);

  LoginRefusal why;
  auto missing = accounts_->Login("boss", kPassword, "10.0.0.1", "", &why);
  EXPECT_EQ(missing.status().code(), Code::kUnauthenticated);
  EXPECT_TRUE(why.totp_required);
  why = {};
  auto wrong = accounts_->Login("boss", kPassword, "10.0.0.1", "000000", &why);
  EXPECT_EQ(wrong.status().code(), Code::kUnauthenticated);
  EXPECT_FALSE(why.totp_required);
  const std::string code = TotpCode(secret, TotpStep(now_));
  auto ok = accounts_->Login("boss", kPassword, "10.0.0.1", code);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_TRUE(ok->flags.totp_enrolled);
  // The same code is never accepted twice.
  EXPECT_EQ(accounts_->Login("boss", kPassword, "10.0.0.1", code).status().code(), Code::kUnauthenticated);
  now_ += 30;
  ASSERT_TRUE(accounts_->Login("boss", kPassword, "10.0.0.1", TotpCode(secret, TotpStep(now_))).ok());

  EXPECT_EQ(accounts_->totp().Reset(domain_test::StaffIn("522727"), boss.id).code(), Code::kPermissionDenied);
  ASSERT_TRUE(IsOk(accounts_->totp().Reset(Actor::System(), boss.id)));
  MustLogin("boss");
  EXPECT_EQ(AuditRows(db(), "totp_enrol"), 1);
  EXPECT_EQ(AuditRows(db(), "totp_reset"), 1);
}

// A disabled account with a second factor says so only after both factors: the password alone
// gets the answer an enabled account gets (the code is asked for), a wrong code the wrong-code
// answer, each failure audited once.
TEST_P(AccountServiceTest, ADisabledAccountIsToldOnlyAfterBothFactors) {
  const UserInfo boss = MustAdd(User("boss", "admin"));
  auto shown = accounts_->totp().EnrolNow(Actor::System(), "boss");
  ASSERT_TRUE(shown.ok()) << shown.status().ToString();
  const std::string secret = *Base32Decode(shown->secret_base32);
  ASSERT_TRUE(accounts_->UpdateUser(Actor::System(), boss.id, {{"admin"}, {"522727"}, true}).ok());

  LoginRefusal why;
  auto missing = accounts_->Login("boss", kPassword, "10.0.0.1", "", &why);
  EXPECT_EQ(missing.status().code(), Code::kUnauthenticated);
  EXPECT_TRUE(why.totp_required);
  EXPECT_FALSE(why.disabled);
  why = {};
  auto wrong = accounts_->Login("boss", kPassword, "10.0.0.1", "000000", &why);
  EXPECT_EQ(wrong.status().code(), Code::kUnauthenticated);
  EXPECT_FALSE(why.disabled);
  EXPECT_EQ(AuditRows(db(), "login_failed"), 1);
  EXPECT_EQ(AuditRows(db(), "login_disabled"), 0);
  why = {};
  auto both = accounts_->Login("boss", kPassword, "10.0.0.1", TotpCode(secret, TotpStep(now_)), &why);
  EXPECT_EQ(both.status().code(), Code::kPermissionDenied);
  EXPECT_TRUE(why.disabled);
  EXPECT_EQ(AuditRows(db(), "login_disabled"), 1);
  EXPECT_EQ(AuditRows(db(), "login_failed"), 1);
}

TEST_P(AccountServiceTest, TotpIsSwitchedOnOnlyByAConfirmingCode) {
  MustAdd(User("boss", "admin"));
  const Actor boss = MustLogin("boss").actor;
  auto shown = accounts_->totp().Begin(boss);
  ASSERT_TRUE(shown.ok()) << shown.status().ToString();
  EXPECT_EQ(shown->uri.rfind("otpauth://totp/Shanhai:boss?secret=" + shown->secret_base32, 0), 0u) << shown->uri;
  MustLogin("boss");  // still off
  const std::string secret = *Base32Decode(shown->secret_base32);
  Status wrong = accounts_->totp().Confirm(boss, "123456");
  EXPECT_EQ(wrong.code(), Code::kInvalidArgument);
  ASSERT_EQ(wrong.details().size(), 1u);
  EXPECT_EQ(wrong.details()[0].field, "code");
  ASSERT_TRUE(IsOk(accounts_->totp().Confirm(boss, TotpCode(secret, TotpStep(now_)))));
  LoginRefusal why;
  accounts_->Login("boss", kPassword, "10.0.0.1", "", &why);
  EXPECT_TRUE(why.totp_required);
  // The confirming code's step is used up.
  EXPECT_FALSE(accounts_->Login("boss", kPassword, "10.0.0.1", TotpCode(secret, TotpStep(now_))).ok());
}

TEST_P(AccountServiceTest, ThePolicyCanRequireAdministratorsToEnrol) {
  UsePolicy(IdentityPolicy{.require_admin_totp = true});
  MustAdd(User("boss", "admin"));
  MustAdd(User("clerk", "staff"));
  EXPECT_TRUE(MustLogin("boss").flags.must_enrol_totp);
  EXPECT_FALSE(MustLogin("clerk").flags.must_enrol_totp);
  ASSERT_TRUE(accounts_->totp().EnrolNow(Actor::System(), "boss").ok());
  EXPECT_TRUE(IsAdministrator(Actor{"boss", {"secadmin"}, {"admin:users:admin"}, "", "", 0, ""}));
  EXPECT_FALSE(IsAdministrator(Actor{"clerk", {"staff"}, {"*:*:list", "*:*:update"}, "", "", 0, ""}));
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountServiceTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

// Accounts on both backends: user validation, login (one message for every failure), idle
// timeout with an injected clock, logout, disabled users, password change, audit rows.
#include "domain/accounts/account_service.h"

#include <gtest/gtest.h>

#include "domain/ledger/ledger_test_util.h"

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
    accounts_ = std::make_unique<AccountService>(db(), [this] { return now_; });
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
  auto login = accounts_->Login("wangli", kPassword, "127.0.0.1");
  EXPECT_EQ(login.status().code(), Code::kUnauthenticated);
  auto unknown = accounts_->Login("nobody", kPassword, "127.0.0.1");
  EXPECT_EQ(login.status().message_en(), unknown.status().message_en());
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

INSTANTIATE_TEST_SUITE_P(Backends, AccountServiceTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

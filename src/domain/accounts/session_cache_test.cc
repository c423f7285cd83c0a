// The session cache behind AccountService::Authenticate, on both backends: a session served
// from memory is refused on the very next request after a logout, a password change, a role
// or grant change, or disabling its user — even when the change went through another
// AccountService (another server thread); a change the process did not make (another
// process) is seen within SessionCache::kTtlSeconds; the timeouts stay exact.
#include "domain/accounts/session_cache.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/accounts/account_service.h"
#include "domain/ledger/ledger_test_util.h"

namespace shanhai {
namespace {

using domain_test::IsOk;

constexpr const char* kPassword = "Pingtang2020!";

bool Holds(const Actor& actor, const std::string& role) {
  return std::find(actor.roles.begin(), actor.roles.end(), role) != actor.roles.end();
}

class SessionCacheTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    // Two services on one database: what two server threads, each with its connection, are.
    const Clock clock([this] { return now_; });
    admin_thread_ = std::make_unique<AccountService>(MakeContext(db(), nullptr, clock));
    serving_thread_ = std::make_unique<AccountService>(MakeContext(db(), nullptr, clock));
    auto added = admin_thread_->AddUser(Actor::System(), {"wangli", kPassword, {"staff"}, {"522727"}, false});
    ASSERT_TRUE(added.ok()) << added.status().ToString();
    user_id_ = added->id;
    auto session = admin_thread_->Login("wangli", kPassword, "127.0.0.1");
    ASSERT_TRUE(session.ok()) << session.status().ToString();
    session_ = *session;
    ASSERT_TRUE(Serve().ok());  // now in the serving thread's cache
  }

  Result<Actor> Serve(const std::string& token = "") {
    return serving_thread_->Authenticate(token.empty() ? session_.token : token, nullptr);
  }

  int64_t now_ = 1595404800;
  std::unique_ptr<AccountService> admin_thread_, serving_thread_;
  int64_t user_id_ = 0;
  Session session_;
};

TEST_P(SessionCacheTest, ARepeatedRequestIsAnsweredFromMemoryForAtMostTheTtl) {
  // The row is gone (as if another process had ended the session): memory still answers
  // within the bound, and not a second longer.
  ASSERT_TRUE(db().Execute("DELETE FROM sessions").ok());
  EXPECT_TRUE(Serve().ok());
  now_ += SessionCache::kTtlSeconds;
  EXPECT_EQ(Serve().status().code(), Code::kUnauthenticated);
}

TEST_P(SessionCacheTest, LogoutInAnotherThreadRefusesTheNextRequest) {
  ASSERT_TRUE(IsOk(admin_thread_->Logout(session_.token)));
  EXPECT_EQ(Serve().status().code(), Code::kUnauthenticated);
}

TEST_P(SessionCacheTest, APasswordChangeRefusesTheOtherSessionsAtOnce) {
  auto second = admin_thread_->Login("wangli", kPassword, "127.0.0.1");
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  ASSERT_TRUE(Serve(second->token).ok());
  auto actor = admin_thread_->Authenticate(session_.token, nullptr);
  ASSERT_TRUE(actor.ok());
  ASSERT_TRUE(IsOk(admin_thread_->ChangePassword(*actor, kPassword, "Pingtang2021!x", session_.token)));
  EXPECT_EQ(Serve(second->token).status().code(), Code::kUnauthenticated);
  EXPECT_TRUE(Serve().ok());  // the session that changed it stays
}

TEST_P(SessionCacheTest, AResetPasswordRefusesTheUsersSessionsAtOnce) {
  ASSERT_TRUE(IsOk(admin_thread_->ResetPassword(Actor::System(), user_id_, "Pingtang2022!y")));
  EXPECT_EQ(Serve().status().code(), Code::kUnauthenticated);
}

TEST_P(SessionCacheTest, ARoleChangeReachesTheNextRequest) {
  ASSERT_TRUE(Holds(*Serve(), "staff"));
  ASSERT_TRUE(admin_thread_->UpdateUser(Actor::System(), user_id_, {{"viewer"}, {"522727"}, false}).ok());
  auto actor = Serve();
  ASSERT_TRUE(actor.ok()) << actor.status().ToString();
  EXPECT_FALSE(Holds(*actor, "staff"));
  EXPECT_TRUE(Holds(*actor, "viewer"));
  EXPECT_FALSE(Authorize(*actor, "exchange:visits:create").ok());
}

TEST_P(SessionCacheTest, AGrantTakenFromTheRoleReachesTheNextRequest) {
  auto role = admin_thread_->roles().Create(Actor::System(), {"visits_clerk", "互访登记员",
                                                              {"exchange:visits:list", "exchange:visits:create"}});
  ASSERT_TRUE(role.ok()) << role.status().ToString();
  ASSERT_TRUE(admin_thread_->UpdateUser(Actor::System(), user_id_, {{"visits_clerk"}, {"522727"}, false}).ok());
  ASSERT_TRUE(Authorize(*Serve(), "exchange:visits:create").ok());
  ASSERT_TRUE(admin_thread_->roles().Update(Actor::System(), role->id, {"", "互访登记员", {"exchange:visits:list"}}).ok());
  auto actor = Serve();
  ASSERT_TRUE(actor.ok());
  EXPECT_FALSE(Authorize(*actor, "exchange:visits:create").ok());
  EXPECT_TRUE(Authorize(*actor, "exchange:visits:list").ok());
}

TEST_P(SessionCacheTest, DisablingTheUserRefusesTheNextRequest) {
  ASSERT_TRUE(admin_thread_->UpdateUser(Actor::System(), user_id_, {{"staff"}, {"522727"}, true}).ok());
  EXPECT_EQ(Serve().status().code(), Code::kUnauthenticated);
}

TEST_P(SessionCacheTest, TheLifetimeEndsASessionServedFromMemoryOnTime) {
  const int64_t created = now_;
  for (; now_ < created + AccountService::kLifetimeSeconds; now_ += 20 * 60) ASSERT_TRUE(Serve().ok());  // active
  now_ = created + AccountService::kLifetimeSeconds;
  ASSERT_TRUE(Serve().ok());  // its last second, read into memory
  now_ += 1;
  EXPECT_EQ(Serve().status().code(), Code::kUnauthenticated);
}

TEST_P(SessionCacheTest, AnIdleSessionTimesOutAsWithoutTheCache) {
  now_ += AccountService::kIdleTimeoutSeconds + 1;
  EXPECT_EQ(Serve().status().code(), Code::kUnauthenticated);
}

INSTANTIATE_TEST_SUITE_P(Backends, SessionCacheTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

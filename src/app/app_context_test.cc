// The application wiring, on both backends: a connection opened with migrate=false refuses an
// uninitialised or older database; with migrate=true it upgrades (chaining old audit rows), its
// services work, and the ledger service carries the indicator catalogue's check on targets.
#include "app/app_context.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "domain/ledger/ledger_test_util.h"
#include "security/data_key.h"
#include "storage/backend_fixture.h"
#include "storage/migrations.h"

namespace shanhai {
namespace {

using domain_test::HasFieldError;
using domain_test::IsOk;

class AppContextTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    auto env = AppEnv::Open(test_db().url(), test_db().TempPath("data.key"), true);
    ASSERT_TRUE(env.ok()) << env.status().ToString();
    env_ = std::move(env).value();
  }
  std::unique_ptr<AppEnv> env_;
};

TEST_P(AppContextTest, AnUninitialisedDatabaseIsRefusedWithAHint) {
  EXPECT_EQ(env_->key_created(), std::getenv(kDataKeyEnv) == nullptr);  // the variable wins over a key file
  auto conn = AppConn::Open(*env_, false);
  ASSERT_EQ(conn.status().code(), Code::kUnavailable);
  EXPECT_NE(conn.status().message_en().find("shanhai init"), std::string::npos) << conn.status().ToString();
}

TEST_P(AppContextTest, AnOlderSchemaIsRefusedWithTheUpgradeHintThenInitChainsItsAuditRows) {
  // The schema of the release before the audit chain, with an audit row it wrote.
  auto migrations = EmbeddedMigrations();
  ASSERT_TRUE(migrations.ok());
  std::vector<Migration> older;
  for (const Migration& m : *migrations)
    if (m.version < 5) older.push_back(m);
  ASSERT_TRUE(IsOk(Migrate(db(), older)));
  ASSERT_TRUE(db().Execute("INSERT INTO audit_log (at, actor, action) VALUES ('2020-01-01T00:00:00Z', 'system', 'login')").ok());
  auto refused = AppConn::Open(*env_, false);
  ASSERT_EQ(refused.status().code(), Code::kUnavailable);
  EXPECT_NE(refused.status().message_en().find("older than this binary"), std::string::npos) << refused.status().ToString();
  // What init does: migrate, then chain the old row.
  auto upgraded = AppConn::Open(*env_, true);
  ASSERT_TRUE(upgraded.ok()) << upgraded.status().ToString();
  auto v = (*upgraded)->ledgers().audit().Verify(Actor::System());
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_TRUE(v->ok) << v->reason_en;
  EXPECT_EQ(v->verified, 1);
}

TEST_P(AppContextTest, MigratedConnectionWiresTheServices) {
  auto conn = AppConn::Open(*env_, true);
  ASSERT_TRUE(conn.ok()) << conn.status().ToString();
  LedgerService& ledgers = (*conn)->ledgers();
  auto pair = ledgers.Create(Actor::System(), *FindLedger("pairs"),
                             RawRecord{"", {{"helper_region", "440111"}, {"helped_region", "522727"}}}, InputSource::kApi);
  ASSERT_TRUE(pair.ok()) << pair.status().ToString();
  auto bad_target = ledgers.Create(Actor::System(), *FindLedger("targets"),
                                   RawRecord{"440111-522727",
                                             {{"year", "2020"}, {"indicator_key", "no.such.indicator"}, {"target_value", "1"}}},
                                   InputSource::kApi);
  EXPECT_TRUE(HasFieldError(bad_target.status(), "indicator_key")) << bad_target.status().ToString();
  auto good_target = ledgers.Create(Actor::System(), *FindLedger("targets"),
                                    RawRecord{"440111-522727",
                                              {{"year", "2020"}, {"indicator_key", "leadership.visit_batches"},
                                               {"target_value", "4"}}},
                                    InputSource::kApi);
  EXPECT_TRUE(good_target.ok()) << good_target.status().ToString();
  // The clock is real UTC time in ISO-8601.
  const std::string created_at = AsText(*good_target->Get("created_at"));
  EXPECT_EQ(created_at.size(), 20u) << created_at;
  EXPECT_EQ(created_at.back(), 'Z');
  auto users = (*conn)->accounts().CountUsers();
  ASSERT_TRUE(users.ok());
  EXPECT_EQ(*users, 0);
  // A second connection over the same environment reads the same data (and the same key).
  auto second = AppConn::Open(*env_, false);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  auto page = (*second)->ledgers().List(Actor::System(), *FindLedger("targets"), ListRequest{});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, AppContextTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

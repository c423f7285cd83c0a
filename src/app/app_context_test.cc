// The application wiring, on both backends: a connection opened with migrate=false refuses an
// uninitialised or older database; with migrate=true it upgrades (chaining old audit rows, padding
// values sealed before schema 17 and keying the row fingerprints), its
// services work, and the ledger service carries the indicator catalogue's check on targets.
#include "app/app_context.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "domain/ledger/import_fingerprints.h"
#include "domain/ledger/ledger_test_util.h"
#include "security/data_key.h"
#include "security/pii_vault_test_util.h"
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

TEST_P(AppContextTest, InitPadsValuesSealedBeforeSchema17AndKeysTheFingerprints) {
  // A database as schema 16 left it: a person whose poverty status has an equality tag and
  // whose values are unpadded tokens, a visit with an unkeyed fingerprint.
  auto migrations = EmbeddedMigrations();
  ASSERT_TRUE(migrations.ok());
  std::vector<Migration> older;
  for (const Migration& m : *migrations)
    if (m.version < 17) older.push_back(m);
  ASSERT_TRUE(IsOk(Migrate(db(), older)));
  Result<DataKey> key = LoadDataKey(test_db().TempPath("data.key"));
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  const std::string at = "2020-01-01T00:00:00Z", id = "522727199001011231";
  ASSERT_TRUE(db().Execute("INSERT INTO pairs (code, helper_region, helped_region, level, created_at, updated_at) "
                           "VALUES ('440111-522727', '440111', '522727', 'county', ?, ?)",
                           {at, at}).ok());
  const auto sealed = [&](std::string_view plain, std::string_view field) {
    return vault_test::UnpaddedToken(*key, plain, "people." + std::string(field));
  };
  ASSERT_TRUE(db().Execute("INSERT INTO people (pair_id, helped_region, name, id_number_enc, id_number_hash, mobile_enc, "
                           "mobile_hash, poverty_status_enc, poverty_status_hash, sex, birth_date, created_at, updated_at) "
                           "VALUES (1, '522727', '升级甲', ?, ?, ?, ?, ?, 'tag-of-lifted', 'male', '1990-01-01', ?, ?)",
                           {sealed(id, "id_number"), env_->vault().LookupHash(id, "people.id_number"),
                            sealed("13800138000", "mobile"), env_->vault().LookupHash("13800138000", "people.mobile"),
                            sealed("lifted", "poverty_status"), at, at}).ok());
  ASSERT_TRUE(db().Execute("INSERT INTO visits (pair_id, helped_region, title, direction, person_times, start_date, "
                           "created_at, updated_at) VALUES (1, '522727', '升级前的互访', 'to_helped', 3, '2020-05-01', ?, ?)",
                           {at, at}).ok());
  ASSERT_TRUE(db().Execute("INSERT INTO import_fingerprints (helped_region, ledger, fingerprint, record_id) "
                           "VALUES ('522727', 'visits', 12345, 1)").ok());

  auto upgraded = AppConn::Open(*env_, true);
  ASSERT_TRUE(upgraded.ok()) << upgraded.status().ToString();
  LedgerService& ledgers = (*upgraded)->ledgers();
  // Every value padded, still the same values; the tag is gone.
  auto tokens = db().Query("SELECT id_number_enc, mobile_enc, poverty_status_enc FROM people");
  ASSERT_TRUE(tokens.ok());
  ASSERT_EQ(tokens->rows.size(), 1u);
  for (const Value& token : tokens->rows[0]) {
    EXPECT_TRUE(PiiVault::IsCurrentToken(AsText(token))) << AsText(token);
    EXPECT_EQ(AsText(token).size(), AsText(tokens->rows[0][0]).size());
  }
  EXPECT_FALSE(db().Query("SELECT poverty_status_hash FROM people").ok());
  auto person = ledgers.Reveal(Actor::System(), *FindLedger("people"), 1, "id_number");
  ASSERT_TRUE(person.ok()) << person.status().ToString();
  EXPECT_EQ(*person, id);
  EXPECT_EQ(*ledgers.Reveal(Actor::System(), *FindLedger("people"), 1, "poverty_status"), "lifted");
  // The ID number is still found by its look-up hash (the natural key of an import).
  ListRequest by_id;
  by_id.equals = {{"id_number", id}, {"poverty_status", "lifted"}};
  auto found = ledgers.List(Actor::System(), *FindLedger("people"), by_id);
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->total, 1);
  // The visit's fingerprint is now the keyed one a write of the same record notes, and only it.
  auto visit = ledgers.Get(Actor::System(), *FindLedger("visits"), 1);
  ASSERT_TRUE(visit.ok()) << visit.status().ToString();
  const Value expected =
      RowFingerprint(ledgers.StoredRowForInsert(Actor::System(), *FindLedger("visits"), *visit, ""), env_->vault());
  auto prints = db().Query("SELECT fingerprint, record_id, helped_region FROM import_fingerprints");
  ASSERT_TRUE(prints.ok());
  ASSERT_EQ(prints->rows.size(), 1u);
  EXPECT_EQ(AsInt(prints->rows[0][0]), AsInt(expected));
  EXPECT_EQ(AsInt(prints->rows[0][1]), 1);
  EXPECT_EQ(AsText(prints->rows[0][2]), "522727");
  // Done once: the pending step is gone, and a second init changes nothing.
  auto pending = db().Query("SELECT COUNT(*) FROM pending_upgrades");
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(AsInt(pending->rows[0][0]), 0);
  const std::string before = AsText(tokens->rows[0][2]);
  ASSERT_TRUE(AppConn::Open(*env_, true).ok());
  auto again = db().Query("SELECT poverty_status_enc FROM people");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(AsText(again->rows[0][0]), before);
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

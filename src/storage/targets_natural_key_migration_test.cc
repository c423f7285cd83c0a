// Migration 0015 on every backend: targets stored in the old shape (unique by pair, year and
// indicator key) survive with their natural key year_indicator filled in, which is then unique
// per pair; their ids stay and a deleted target's id is still never handed out again; the
// fingerprints of imported targets go, those of other ledgers stay.
#include <gtest/gtest.h>

#include "storage/backend_fixture.h"
#include "storage/migrations.h"

namespace shanhai {
namespace {

constexpr int64_t kVersion = 15;
constexpr const char* kNow = "2025-01-01T00:00:00Z";

class TargetsNaturalKeyMigrationTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    auto all = EmbeddedMigrations();
    ASSERT_TRUE(all.ok());
    // Up to 0017, which deletes every (then unkeyed) fingerprint for the program to key again
    // (domain/ledger/at_rest_upgrade.h): what 0015 keeps of them is checked before that.
    constexpr int64_t kFingerprintsKeyed = 17;
    for (const Migration& m : *all)
      if (m.version < kFingerprintsKeyed) (m.version < kVersion ? before_ : rest_).push_back(m);
    ASSERT_FALSE(rest_.empty());
    ASSERT_EQ(rest_.front().version, kVersion);
    ASSERT_EQ(rest_.front().name, "targets_natural_key");
    ASSERT_TRUE(Migrate(db(), before_).ok());
  }

  int64_t AddPair(const std::string& helper, const std::string& helped) {
    auto r = db().Execute(
        "INSERT INTO pairs (code, helper_region, helped_region, level, created_at, updated_at) VALUES (?, ?, ?, 'county', ?, ?)",
        {helper + "-" + helped, helper, helped, kNow, kNow});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    auto id = db().Query("SELECT id FROM pairs WHERE code = ?", {helper + "-" + helped});
    return AsInt(id->rows.at(0).at(0));
  }

  // A target in the shape of the version before 0015 (no year_indicator).
  Status AddOldTarget(int64_t pair, int64_t year, const std::string& key, int64_t value) {
    return db()
        .Execute("INSERT INTO targets (pair_id, helped_region, year, indicator_key, target_value, note, created_at, "
                 "updated_at, version) VALUES (?, '522727', ?, ?, ?, '旧', ?, ?, 3)",
                 {pair, year, key, value, kNow, kNow})
        .status();
  }

  Status AddTarget(int64_t pair, int64_t year, const std::string& key) {
    return db()
        .Execute("INSERT INTO targets (pair_id, helped_region, year, indicator_key, target_value, created_at, updated_at, "
                 "year_indicator) VALUES (?, '522727', ?, ?, 1, ?, ?, ?)",
                 {pair, year, key, kNow, kNow, std::to_string(year) + ":" + key})
        .status();
  }

  std::vector<Migration> before_, rest_;
};

TEST_P(TargetsNaturalKeyMigrationTest, OldTargetsSurviveWithTheirNaturalKey) {
  const int64_t pair = AddPair("440111", "522727"), other = AddPair("440103", "522728");
  ASSERT_TRUE(AddOldTarget(pair, 2020, "leadership.visit_batches", 4).ok());
  ASSERT_TRUE(AddOldTarget(pair, 2021, "leadership.visit_batches", 5).ok());
  ASSERT_TRUE(AddOldTarget(other, 2020, "pairing.aid_fen", 100000000).ok());
  ASSERT_TRUE(AddOldTarget(pair, 2022, "leadership.joint_meetings", 1).ok());
  auto last = db().Query("SELECT MAX(id) FROM targets");
  const int64_t deleted_id = AsInt(last->rows.at(0).at(0));
  ASSERT_TRUE(db().Execute("DELETE FROM targets WHERE id = ?", {deleted_id}).ok());
  for (const char* ledger : {"targets", "visits"})
    ASSERT_TRUE(db().Execute("INSERT INTO import_fingerprints (helped_region, ledger, fingerprint, record_id) "
                             "VALUES ('522727', ?, 42, 1)",
                             {std::string(ledger)})
                    .ok());

  Status s = Migrate(db(), rest_);
  ASSERT_TRUE(s.ok()) << s.ToString();

  auto rows = db().Query(
      "SELECT pair_id, year, indicator_key, target_value, note, version, year_indicator FROM targets ORDER BY id");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  std::vector<std::string> got;
  for (const auto& r : rows->rows)
    got.push_back(std::to_string(AsInt(r[0]) == pair) + " " + std::to_string(AsInt(r[1])) + " " + AsText(r[2]) + " " +
                  std::to_string(AsInt(r[3])) + " " + AsText(r[4]) + " v" + std::to_string(AsInt(r[5])) + " " +
                  AsText(r[6]));
  EXPECT_EQ(got, (std::vector<std::string>{"1 2020 leadership.visit_batches 4 旧 v3 2020:leadership.visit_batches",
                                           "1 2021 leadership.visit_batches 5 旧 v3 2021:leadership.visit_batches",
                                           "0 2020 pairing.aid_fen 100000000 旧 v3 2020:pairing.aid_fen"}));

  // One target per pair, year and indicator: the same key again is refused in its pair only.
  EXPECT_EQ(AddTarget(pair, 2020, "leadership.visit_batches").code(), Code::kConflict);
  EXPECT_TRUE(AddTarget(other, 2020, "leadership.visit_batches").ok());
  EXPECT_TRUE(AddTarget(pair, 2023, "leadership.visit_batches").ok());
  // The key is required.
  EXPECT_FALSE(db()
                   .Execute("INSERT INTO targets (pair_id, helped_region, year, indicator_key, target_value, "
                            "created_at, updated_at) VALUES (?, '522727', 2024, 'x', 1, ?, ?)",
                            {pair, kNow, kNow})
                   .ok());

  // Ids handed out after the migration follow the deleted one's.
  auto newest = db().Query("SELECT MIN(id) FROM targets WHERE year_indicator = '2023:leadership.visit_batches'");
  EXPECT_GT(AsInt(newest->rows.at(0).at(0)), deleted_id);

  auto fingerprints = db().Query("SELECT ledger FROM import_fingerprints ORDER BY ledger");
  ASSERT_TRUE(fingerprints.ok());
  ASSERT_EQ(fingerprints->rows.size(), 1u);
  EXPECT_EQ(AsText(fingerprints->rows[0][0]), "visits");
}

// The pair must still exist and a target's agreement too: the rebuilt table keeps its foreign keys.
TEST_P(TargetsNaturalKeyMigrationTest, KeepsTheForeignKeys) {
  ASSERT_TRUE(Migrate(db(), rest_).ok());
  EXPECT_FALSE(AddTarget(999, 2020, "leadership.visit_batches").ok());
  const int64_t pair = AddPair("440111", "522727");
  EXPECT_TRUE(AddTarget(pair, 2020, "leadership.visit_batches").ok());
  EXPECT_FALSE(db().Execute("UPDATE targets SET agreement_id = 12345").ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, TargetsNaturalKeyMigrationTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

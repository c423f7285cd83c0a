// The audit log's hash chain on both backends: entries verify; an edited, deleted, inserted
// or unchained row is named by VerifyAuditChain; a rolled-back entry leaves no gap; concurrent
// writers on separate connections never fork the chain; fields are capped.
#include "domain/audit/audit_log.h"

#include <gtest/gtest.h>

#include <thread>

#include "domain/ledger/ledger_test_util.h"

namespace shanhai {
namespace {

using domain_test::IsOk;

class AuditLogTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    log_ = std::make_unique<AuditLog>(db(), Clock::Fixed(domain_test::kFixedNowSeconds));
  }

  void WriteEntries(int n, const std::string& action = "create") {
    for (int i = 0; i < n; ++i)
      ASSERT_TRUE(IsOk(log_->Write(Actor::System(), action, "visits", i + 1, "522727", "", "{\"n\":1}",
                                   "entry " + std::to_string(i + 1))));
  }

  ChainVerification Verify() {
    auto v = VerifyAuditChain(db(), *InstalledAuditKey());
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? *v : ChainVerification{};
  }

  int64_t IdOfSeq(int64_t seq) {
    auto rows = db().Query("SELECT id FROM audit_log WHERE seq = ?", {seq});
    EXPECT_TRUE(rows.ok() && !rows->rows.empty());
    return rows.ok() && !rows->rows.empty() ? AsInt(rows->rows[0][0]) : 0;
  }

  std::unique_ptr<AuditLog> log_;
};

TEST_P(AuditLogTest, EntriesAreChainedInOrderAndVerify) {
  WriteEntries(5);
  auto rows = db().Query("SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->rows.size(), 5u);
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    EXPECT_EQ(AsInt(rows->rows[i][0]), static_cast<int64_t>(i + 1));
    EXPECT_EQ(AsText(rows->rows[i][2]).size(), 64u);
    EXPECT_EQ(AsText(rows->rows[i][1]), i == 0 ? "" : AsText(rows->rows[i - 1][2]));
  }
  const ChainVerification v = Verify();
  EXPECT_TRUE(v.ok) << v.reason_en;
  EXPECT_EQ(v.verified, 5);
}

TEST_P(AuditLogTest, AnEditedEntryIsNamedWithAHashMismatch) {
  WriteEntries(4);
  const int64_t id = IdOfSeq(3);
  ASSERT_TRUE(db().Execute("UPDATE audit_log SET detail = 'nothing happened' WHERE id = ?", {id}).ok());
  const ChainVerification v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.verified, 2);
  EXPECT_EQ(v.broken_seq, 3);
  EXPECT_EQ(v.broken_id, id);
  EXPECT_EQ(v.broken_at, domain_test::kFixedNow);
  EXPECT_NE(v.reason_en.find("hash mismatch"), std::string::npos) << v.reason_en;
}

TEST_P(AuditLogTest, EditingANullColumnShowsAndPuttingItBackVerifies) {
  WriteEntries(3);
  ASSERT_TRUE(db().Execute("UPDATE audit_log SET before_json = '' WHERE seq = 2").ok());
  EXPECT_EQ(Verify().broken_seq, 2);
  ASSERT_TRUE(db().Execute("UPDATE audit_log SET before_json = NULL WHERE seq = 2").ok());
  EXPECT_TRUE(Verify().ok);
  ASSERT_TRUE(db().Execute("UPDATE audit_log SET actor = 'someone_else' WHERE seq = 1").ok());
  EXPECT_EQ(Verify().broken_seq, 1);
}

TEST_P(AuditLogTest, ADeletedEntryIsNamedAsAGap) {
  WriteEntries(4);
  ASSERT_TRUE(db().Execute("DELETE FROM audit_log WHERE seq = 2").ok());
  const ChainVerification v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.verified, 1);
  EXPECT_EQ(v.broken_seq, 2);
  EXPECT_NE(v.reason_en.find("gap"), std::string::npos) << v.reason_en;
}

TEST_P(AuditLogTest, CuttingOffTheNewestEntriesShowsThroughTheHead) {
  WriteEntries(4);
  ASSERT_TRUE(db().Execute("DELETE FROM audit_log WHERE seq >= 3").ok());
  ChainVerification v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.verified, 2);
  EXPECT_EQ(v.broken_seq, 3);
  // Re-pointing the head at the new last entry needs the key: its tag no longer verifies.
  auto last = db().Query("SELECT hash FROM audit_log WHERE seq = 2");
  ASSERT_TRUE(last.ok());
  ASSERT_TRUE(db().Execute("UPDATE audit_chain_head SET seq = 2, hash = ?", {last->rows[0][0]}).ok());
  v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.reason_en.find("head"), std::string::npos) << v.reason_en;
}

TEST_P(AuditLogTest, ARowInsertedBesideTheChainIsNamed) {
  WriteEntries(2);
  ASSERT_TRUE(db().Execute("INSERT INTO audit_log (at, actor, action) VALUES ('2020-01-01T00:00:00Z', 'x', 'login')").ok());
  const ChainVerification v = Verify();
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.verified, 2);
  EXPECT_NE(v.broken_id, 0);
  EXPECT_NE(v.reason_en.find("not chained"), std::string::npos) << v.reason_en;
}

TEST_P(AuditLogTest, AnotherKeyDoesNotVerify) {
  WriteEntries(2);
  AuditMac::Key other{};
  other.fill(0x42);
  auto v = VerifyAuditChain(db(), AuditMac(other));
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->ok);
  EXPECT_EQ(v->broken_seq, 1);
}

TEST_P(AuditLogTest, ARolledBackEntryLeavesNoGap) {
  WriteEntries(2);
  {
    Transaction tx(db());
    ASSERT_TRUE(tx.begin_status().ok());
    ASSERT_TRUE(IsOk(log_->Write(Actor::System(), "create", "visits", 9, "", "", "", "rolled back")));
  }  // rolled back
  WriteEntries(1);
  const ChainVerification v = Verify();
  EXPECT_TRUE(v.ok) << v.reason_en;
  EXPECT_EQ(v.verified, 3);
  EXPECT_EQ(Count("audit_log"), 3);
}

TEST_P(AuditLogTest, AppendChainsABatchInOneGo) {
  WriteEntries(1);
  std::vector<AuditEntry> batch(250);
  for (size_t i = 0; i < batch.size(); ++i) {
    batch[i].action = "import";
    batch[i].ledger = "visits";
    batch[i].record_id = static_cast<int64_t>(i + 1);
    batch[i].after_json = "{\"id\":" + std::to_string(i + 1) + "}";
    // Bytes a bulk load must carry exactly (PostgreSQL's COPY escapes them), or the tag breaks.
    batch[i].detail = i % 2 ? "tab\there\nnew line \\N back\\slash \"quoted\", 审计" : "";
  }
  ASSERT_TRUE(IsOk(log_->Append(Actor::System(), batch)));
  WriteEntries(1);
  const ChainVerification v = Verify();
  EXPECT_TRUE(v.ok) << v.reason_en;
  EXPECT_EQ(v.verified, 252);
}

TEST_P(AuditLogTest, ConcurrentWritersOnTheirOwnConnectionsNeverFork) {
  constexpr int kThreads = 4, kPerThread = 25;
  std::vector<std::thread> threads;
  std::vector<Status> failures(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto conn = Database::Open(test_db().url());
      if (!conn.ok()) {
        failures[t] = conn.status();
        return;
      }
      AuditLog log(**conn, Clock::Fixed(domain_test::kFixedNowSeconds));
      for (int i = 0; i < kPerThread; ++i) {
        // Each inside its own transaction with other work around it, as the services write.
        Status s = InTransaction(**conn, [&] {
          return log.Write(Actor::System(), "create", "visits", t * 1000 + i, "", "", "", "thread " + std::to_string(t));
        });
        if (!s.ok()) {
          failures[t] = s;
          return;
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const Status& s : failures) EXPECT_TRUE(IsOk(s));
  const ChainVerification v = Verify();
  EXPECT_TRUE(v.ok) << v.reason_en;
  EXPECT_EQ(v.verified, kThreads * kPerThread);
}

TEST_P(AuditLogTest, RowsFromBeforeTheChainAreChainedAfterIt) {
  WriteEntries(1);
  // As an older binary wrote them: no seq, no hash.
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(db().Execute("INSERT INTO audit_log (at, actor, action, detail) VALUES ('2019-01-01T00:00:00Z', "
                             "'system', 'import', ?)",
                             {"old " + std::to_string(i)})
                    .ok());
  EXPECT_FALSE(Verify().ok);
  auto chained = ChainUnchainedAuditEntries(db(), *InstalledAuditKey());
  ASSERT_TRUE(chained.ok()) << chained.status().ToString();
  EXPECT_EQ(*chained, 3);
  WriteEntries(1);
  const ChainVerification v = Verify();
  EXPECT_TRUE(v.ok) << v.reason_en;
  EXPECT_EQ(v.verified, 5);
  auto again = ChainUnchainedAuditEntries(db(), *InstalledAuditKey());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
}

TEST_P(AuditLogTest, AnUnauthenticatedActorStoresAtMostAFewHundredBytesPerField) {
  const std::string huge(100000, 'a');
  const Actor stranger{huge, {}, {}, "", "", 0, "203.0.113.9"};
  ASSERT_TRUE(IsOk(log_->Write(stranger, "login_failed", "users", 0, "", "", "", "名" + huge)));
  auto rows = db().Query("SELECT actor, detail FROM audit_log");
  ASSERT_TRUE(rows.ok());
  for (const Value& v : rows->rows.at(0)) {
    const std::string text = AsText(v);
    EXPECT_LE(text.size(), kUnauthenticatedFieldBytes);
    EXPECT_NE(text.find(kTruncatedMark), std::string::npos);
    EXPECT_NE(text.find("100"), std::string::npos);  // the original size is recorded
  }
  EXPECT_TRUE(Verify().ok);
}

TEST_P(AuditLogTest, EveryEntryIsCappedAndTruncationKeepsUtf8Whole) {
  std::string chinese;
  while (chinese.size() < kMaxFieldBytes * 2) chinese += "审计";
  ASSERT_TRUE(IsOk(log_->Write(Actor::System(), "update", "visits", 1, "", chinese, "", "")));
  auto rows = db().Query("SELECT before_json FROM audit_log");
  ASSERT_TRUE(rows.ok());
  const std::string stored = AsText(rows->rows.at(0).at(0));
  EXPECT_LE(stored.size(), kMaxFieldBytes);
  EXPECT_GT(stored.size(), kMaxFieldBytes - 100);
  const std::string kept = stored.substr(0, stored.find(kTruncatedMark));
  EXPECT_EQ(kept.size() % 3, 0u);  // whole three-byte characters only
  EXPECT_TRUE(chinese.starts_with(kept));
}

TEST_P(AuditLogTest, VerifyingNeedsTheAuditPermission) {
  WriteEntries(1);
  EXPECT_EQ(log_->Verify(domain_test::Viewer()).status().code(), Code::kPermissionDenied);
  auto v = log_->Verify(Actor::System());
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok);
}

TEST_P(AuditLogTest, ExportWritesTheFilteredEntriesAndIsAuditedItself) {
  WriteEntries(3, "create");
  WriteEntries(2, "delete");
  EXPECT_EQ(log_->Export(domain_test::Viewer(), {}, test_db().TempPath("a.csv")).status().code(),
            Code::kPermissionDenied);
  AuditFilter filter;
  filter.action = "delete";
  auto n = log_->Export(Actor::System(), filter, test_db().TempPath("a.csv"));
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 2);
  EXPECT_EQ(domain_test::AuditRows(db(), "audit_export"), 1);
  EXPECT_TRUE(Verify().ok);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditLogTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

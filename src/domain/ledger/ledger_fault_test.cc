// Fault injection: a statement or commit failing anywhere inside an import, a create, an update
// or a delete leaves the database exactly as before (records and audit rows alike), and the
// audit log's hash chain verifying with no gap: a failed write takes its entries' seq with it.
#include <gtest/gtest.h>

#include <fstream>

#include "domain/ledger/ledger_io.h"
#include "domain/ledger/ledger_test_util.h"
#include "storage/faulty_database.h"

namespace shanhai {
namespace {

using domain_test::AuditRows;
using domain_test::IsOk;
using domain_test::kCountyPair;

constexpr int kImportRows = 50;

class LedgerFaultTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    AddPair("440111", "522727");
    faulty_ = std::make_unique<FaultyDatabase>(db());
    faulty_service_ = MakeService(*faulty_);
  }

  // What must not change: per-table row counts, audit rows, and every visit's version.
  struct Snapshot {
    int64_t visits, units, audit;
    std::vector<std::vector<Value>> visit_rows;
    bool operator==(const Snapshot&) const = default;
  };
  Snapshot Take() {
    auto rows = db().Query("SELECT id, version, person_times, title FROM visits ORDER BY id");
    EXPECT_TRUE(rows.ok());
    return {Count("visits"), Count("units"), AuditRows(db()), rows.ok() ? rows->rows : std::vector<std::vector<Value>>{}};
  }

  // The whole chain verifies and holds exactly `entries` entries (every audit row is in it).
  void ExpectChainIntact(int64_t entries) {
    auto v = VerifyAuditChain(db(), *InstalledAuditKey());
    ASSERT_TRUE(v.ok()) << v.status().ToString();
    EXPECT_TRUE(v->ok) << "broken at seq " << v->broken_seq << ": " << v->reason_en;
    EXPECT_EQ(v->verified, entries);
  }

  std::string WriteImportFile() {
    const std::string path = test_db().TempPath("visits50.csv");
    std::ofstream out(path, std::ios::binary);
    out << "*帮扶关系,*互访事由,*方向,*人次,*开始日期\n";
    for (int i = 0; i < kImportRows; ++i)
      out << kCountyPair << ",第" << i + 1 << "批考察," << (i % 2 ? "to_helper" : "to_helped") << "," << 3 + i % 7
          << ",2019-0" << 1 + i % 9 << "-1" << i % 10 << "\n";
    return path;
  }

  Result<ImportReport> ImportThroughFaults(const std::string& path, bool dry_run = false) {
    ImportOptions options;
    options.dry_run = dry_run;
    return ImportLedger(*faulty_service_, Actor::System(), *FindLedger("visits"), path, options);
  }

  Result<Record> CreateThroughFaults(const std::string& title) {
    return faulty_service_->Create(Actor::System(), *FindLedger("visits"),
                                   RawRecord{kCountyPair,
                                             {{"title", title}, {"direction", "to_helped"}, {"person_times", "7"},
                                              {"start_date", "2020-05-20"}}},
                                   InputSource::kApi);
  }

  std::unique_ptr<FaultyDatabase> faulty_;
  std::unique_ptr<LedgerService> faulty_service_;
};

TEST_P(LedgerFaultTest, AFailedStatementAnywhereInAnImportChangesNothing) {
  const std::string path = WriteImportFile();
  // A dry run issues the same statements as a real import (it rolls back instead of committing).
  // The first one also fills the service's pair cache, so measure the second.
  ASSERT_TRUE(ImportThroughFaults(path, true).ok());
  const int64_t calls_before = faulty_->statement_calls();
  auto dry = ImportThroughFaults(path, true);
  ASSERT_TRUE(dry.ok()) << dry.status().ToString();
  ASSERT_EQ(dry->valid, kImportRows);
  // A dry run then audits itself in a transaction of its own (ImportLedger): those statements
  // are not the import's, so leave them out of the sweep.
  const int64_t audit_before = faulty_->statement_calls();
  ASSERT_TRUE(InTransaction(*faulty_, [&] {
    return faulty_service_->audit().Write(Actor::System(), "import_dry_run", "visits", 0, "", "", "", "probe");
  }).ok());
  const int64_t audit_calls = faulty_->statement_calls() - audit_before;
  const int64_t calls = faulty_->statement_calls() - calls_before - 2 * audit_calls;
  // Rows go in batches (one bulk insert of records, one of their audit rows, and the look-ups
  // around them): the sweep below fails each of those statements in turn.
  ASSERT_GE(calls, 4);

  const Snapshot before = Take();
  for (int64_t n = 1; n <= calls; ++n) {
    SCOPED_TRACE("statement " + std::to_string(n) + " of " + std::to_string(calls));
    faulty_->FailNthStatement(n);
    auto result = ImportThroughFaults(path);
    faulty_->FailNthStatement(0);
    EXPECT_TRUE(!result.ok() || result->stored == 0) << "an import hit by a fault must not report stored rows";
    EXPECT_TRUE(Take() == before);
    ExpectChainIntact(before.audit);
  }

  // Then each commit in turn (nested ones count too) until the fault lands past the import's
  // last commit and the file goes in whole: that run also shows the sweeps exercised a full import.
  bool stored = false;
  for (int64_t n = 1; n <= kImportRows + 5 && !stored; ++n) {
    SCOPED_TRACE("commit " + std::to_string(n));
    faulty_->FailNthCommit(n);
    auto result = ImportThroughFaults(path);
    faulty_->FailNthCommit(0);
    stored = result.ok() && result->stored > 0;
    if (stored) {
      EXPECT_EQ(result->stored, kImportRows);
    } else {
      EXPECT_TRUE(Take() == before);
      ExpectChainIntact(before.audit);
    }
  }
  ASSERT_TRUE(stored);
  EXPECT_EQ(Count("visits"), kImportRows);
  // Each record its own entry, plus the file's.
  EXPECT_EQ(AuditRows(db(), "import"), kImportRows + 1);
  ExpectChainIntact(before.audit + kImportRows + 1);
}

TEST_P(LedgerFaultTest, AFailedStatementOrCommitInCreateUpdateOrDeleteChangesNothing) {
  // Count the statements of one create (the pair is already cached by the service after it).
  ASSERT_TRUE(CreateThroughFaults("预热").ok());
  const int64_t start = faulty_->statement_calls();
  auto measured = CreateThroughFaults("计数");
  ASSERT_TRUE(measured.ok()) << measured.status().ToString();
  const int64_t create_calls = faulty_->statement_calls() - start;
  ASSERT_GE(create_calls, 2);

  const Snapshot before = Take();
  for (int64_t n = 1; n <= create_calls; ++n) {
    SCOPED_TRACE("create, statement " + std::to_string(n));
    faulty_->FailNthStatement(n);
    EXPECT_FALSE(CreateThroughFaults("故障").ok());
    faulty_->FailNthStatement(0);
    EXPECT_TRUE(Take() == before);
    ExpectChainIntact(before.audit);
  }
  faulty_->FailNthCommit(1);
  EXPECT_FALSE(CreateThroughFaults("故障").ok());
  EXPECT_TRUE(Take() == before);

  const LedgerDef& visits = *FindLedger("visits");
  const int64_t id = measured->id;
  auto update = [&] {
    return faulty_service_->Update(Actor::System(), visits, id, RawRecord{"", {{"person_times", "99"}}},
                                   InputSource::kApi, 1);
  };
  // Fail statement 1, 2, ... until the fault lands past the operation's last statement and the
  // operation succeeds; every failed attempt must leave no trace.
  bool updated = false;
  for (int64_t n = 1; n <= 20 && !updated; ++n) {
    SCOPED_TRACE("update, statement " + std::to_string(n));
    faulty_->FailNthStatement(n);
    updated = update().ok();
    faulty_->FailNthStatement(0);
    if (!updated) {
      EXPECT_TRUE(Take() == before);
      ExpectChainIntact(before.audit);
    }
  }
  ASSERT_TRUE(updated);
  const Snapshot after_update = Take();
  EXPECT_EQ(after_update.audit, before.audit + 1);
  ExpectChainIntact(after_update.audit);

  bool deleted = false;
  for (int64_t n = 1; n <= 20 && !deleted; ++n) {
    SCOPED_TRACE("delete, statement " + std::to_string(n));
    faulty_->FailNthStatement(n);
    deleted = faulty_service_->Delete(Actor::System(), visits, id).ok();
    faulty_->FailNthStatement(0);
    if (!deleted) {
      EXPECT_TRUE(Take() == after_update);
      ExpectChainIntact(after_update.audit);
    }
  }
  ASSERT_TRUE(deleted);
  EXPECT_EQ(Count("visits"), before.visits - 1);
  ExpectChainIntact(after_update.audit + 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, LedgerFaultTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

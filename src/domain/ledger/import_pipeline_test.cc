// The import pipeline's pieces on both backends: the bounded queue between the threads, the
// sheet reader, and whole imports spanning several batches — a bad row in the middle of a
// batch prepared on the reader thread, file order kept in ids and the audit chain,
// skip_invalid, keys repeated in the file and against stored records, rows imported before
// (fingerprints, updates), and the secondary indexes dropped for a bulk load and rebuilt as
// they were.
#include "domain/ledger/import_pipeline.h"

#include <gtest/gtest.h>

#include <fstream>
#include <thread>

#include "domain/ledger/import_fingerprints.h"
#include "domain/ledger/import_prepare.h"
#include "domain/ledger/import_queue.h"
#include "domain/ledger/import_sheet.h"
#include "domain/ledger/ledger_test_util.h"

namespace shanhai {
namespace {

using domain_test::IsOk;
using domain_test::kCountyPair;

const LedgerDef& People() { return *FindLedger("people"); }

// A valid ID number for person i (i < 28,000), all distinct.
std::string PersonId(int i) {
  char body[24];
  std::snprintf(body, sizeof body, "52272719850%d%02d%03d", 1 + i / 28000 % 9, 1 + i / 1000 % 28, i % 1000);
  return domain_test::Id18(body);
}

TEST(BoundedQueueTest, KeepsOrderBlocksWhenFullAndStopsBothWays) {
  BoundedQueue<int> queue(2);
  std::thread producer([&] {
    for (int i = 0; i < 100; ++i) ASSERT_TRUE(queue.Push(i));
    queue.Close(Status::InvalidArgument("读完", "done reading"));
  });
  for (int i = 0; i < 100; ++i) {
    std::optional<int> got = queue.Pop();
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(*got, i);
  }
  EXPECT_FALSE(queue.Pop().has_value());
  producer.join();
  EXPECT_EQ(queue.status().code(), Code::kInvalidArgument);

  BoundedQueue<int> cancelled(1);
  ASSERT_TRUE(cancelled.Push(1));
  std::thread blocked([&] { EXPECT_FALSE(cancelled.Push(2)); });  // waits for room until cancelled
  cancelled.Cancel();
  blocked.join();
}

TEST(ImportSheetTest, MapsHeadersAndRefusesUnknownColumns) {
  ImportSheet sheet(People(), /*from_csv=*/true, "440111-522727");
  ASSERT_TRUE(IsOk(sheet.ReadHeader(1, {"*姓名", "Resident ID number", "mobile", "编号"})));
  RawRecord raw = sheet.RecordOf({"韦明", "522727198503121234", "'=1+1"});
  EXPECT_EQ(raw.pair, "440111-522727");  // no pair column: the default
  ASSERT_EQ(raw.fields.size(), 3u);
  EXPECT_EQ(raw.fields[0], (std::pair<std::string, std::string>{"name", "韦明"}));
  EXPECT_EQ(raw.fields[1].first, "id_number");
  EXPECT_EQ(raw.fields[2].second, "=1+1");  // an export's defusing undone
  EXPECT_TRUE(ImportSheet::IsInstructions({"填写说明（导入时跳过本行）：必填"}));

  ImportSheet bad(People(), false, "");
  Status s = bad.ReadHeader(1, {"*姓名", "年龄"});
  EXPECT_EQ(s.code(), Code::kInvalidArgument);
  EXPECT_NE(s.message_zh().find("年龄"), std::string::npos);
  EXPECT_NE(s.message_en().find("unknown columns"), std::string::npos);
  EXPECT_FALSE(bad.has_header());
}

class ImportPipelineTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    AddPair("440111", "522727");
  }

  // A people CSV of n rows (names 人员0…), rows listed in bad replaced by an invalid ID number.
  std::string PeopleCsv(const std::string& name, int n, const std::vector<int>& bad = {}, int first = 0) {
    const std::string path = test_db().TempPath(name);
    std::ofstream out(path, std::ios::binary);
    out << "*帮扶关系,*姓名,*身份证号,手机号,*帮扶对象类别\n";
    for (int i = first; i < first + n; ++i) {
      const bool is_bad = std::find(bad.begin(), bad.end(), i) != bad.end();
      std::string id = PersonId(i);
      if (is_bad) id.back() = id.back() == '0' ? '1' : '0';  // a wrong check character
      out << kCountyPair << ",人员" << i << "," << id << ",139"
          << 10000000 + i << "," << (i % 3 ? "脱贫户" : "一般农户") << "\n";
    }
    return path;
  }

  ImportReport Import(const std::string& path, ImportOptions options = {}) {
    auto report = ImportLedger(service(), Actor::System(), People(), path, options);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : ImportReport{.rows = -1};
  }

  int64_t Count(const std::string& sql) {
    auto rows = db().Query(sql);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? AsInt(rows->rows[0][0]) : -1;
  }

  // A visits CSV (a ledger without a natural key) of n rows, all different.
  std::string VisitsCsv(const std::string& name, int n) {
    const std::string path = test_db().TempPath(name);
    std::ofstream out(path, std::ios::binary);
    out << "*帮扶关系,*互访事由,*方向,*人次,*开始日期\n";
    for (int i = 0; i < n; ++i) out << kCountyPair << ",考察" << i << ",to_helped," << 1 + i % 9 << ",2020-05-01\n";
    return path;
  }

  ImportReport ImportVisits(const std::string& path, ImportOptions options = {}) {
    auto report = ImportLedger(service(), Actor::System(), *FindLedger("visits"), path, options);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : ImportReport{.rows = -1};
  }

  std::vector<TableIndex> Indexes() {
    LedgerRepository repo(db(), People());
    auto indexes = repo.SecondaryIndexes();
    EXPECT_TRUE(indexes.ok()) << indexes.status().ToString();
    return indexes.ok() ? *indexes : std::vector<TableIndex>{};
  }
};

// Row 3,500 (of 5,000: the second batch, prepared on the reader thread) has a bad check digit.
TEST_P(ImportPipelineTest, ABadRowInTheMiddleOfABatchIsNamedAndRefusesTheFile) {
  const std::string path = PeopleCsv("bad.csv", 5000, {3498});
  ImportReport report = Import(path);
  EXPECT_EQ(report.rows, 5000);
  EXPECT_EQ(report.invalid, 1);
  EXPECT_EQ(report.stored, 0);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0].row, 3500);  // spreadsheet numbering: the header is row 1
  EXPECT_EQ(report.errors[0].field, "身份证号");
  EXPECT_FALSE(report.errors[0].message_zh.empty());
  EXPECT_FALSE(report.errors[0].message_en.empty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people"), 0);
}

TEST_P(ImportPipelineTest, SkipInvalidStoresTheRestInFileOrderWithAChainedAuditEntryEach) {
  const std::string path = PeopleCsv("skip.csv", 4500, {10, 2500, 4499});
  ImportReport report = Import(path, {.skip_invalid = true});
  EXPECT_EQ(report.stored, 4497);
  ASSERT_EQ(report.errors.size(), 3u);
  EXPECT_EQ(report.errors[0].row, 12);
  EXPECT_EQ(report.errors[1].row, 2502);
  EXPECT_EQ(report.errors[2].row, 4501);
  // Ids follow the file: the n-th stored row has the n-th smallest id.
  auto rows = db().Query("SELECT id, name FROM people ORDER BY id");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->rows.size(), 4497u);
  int expected = 0;
  for (const auto& r : rows->rows) {
    while (expected == 10 || expected == 2500) ++expected;
    ASSERT_EQ(AsText(r[1]), "人员" + std::to_string(expected)) << "id " << AsInt(r[0]);
    ++expected;
  }
  // One audit entry per record, chained in the same order, and the chain checks out.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log a JOIN people p ON p.id = a.record_id "
                  "WHERE a.action = 'import' AND a.ledger = 'people'"),
            4497);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log a JOIN audit_log b ON b.seq = a.seq + 1 "
                  "WHERE a.action = 'import' AND b.action = 'import' AND b.record_id < a.record_id"),
            0);
  auto verified = service().audit().Verify(Actor::System());
  ASSERT_TRUE(verified.ok()) << verified.status().ToString();
  EXPECT_TRUE(verified->ok);
}

TEST_P(ImportPipelineTest, KeysRepeatedInTheFileOrAlreadyStoredAreNamedInEveryBatch) {
  ASSERT_EQ(Import(PeopleCsv("first.csv", 3000)).stored, 3000);
  // Rows 0–2,999 are stored; this file repeats person 2,500 (stored) and its own first row.
  const std::string path = test_db().TempPath("again.csv");
  {
    std::ofstream out(path, std::ios::binary);
    out << "*帮扶关系,*姓名,*身份证号,*帮扶对象类别\n";
    for (int i = 3000; i < 5500; ++i) out << kCountyPair << ",人员" << i << "," << PersonId(i) << ",脱贫户\n";
    out << kCountyPair << ",重复甲," << PersonId(2500) << ",脱贫户\n";
    out << kCountyPair << ",重复乙," << PersonId(3000) << ",脱贫户\n";
  }
  ImportReport report = Import(path, {.skip_invalid = true});
  EXPECT_EQ(report.stored, 2500);
  ASSERT_EQ(report.errors.size(), 2u);
  EXPECT_EQ(report.errors[0].row, 2502);
  EXPECT_NE(report.errors[0].message_en.find("already exists"), std::string::npos) << report.errors[0].message_en;
  EXPECT_EQ(report.errors[1].row, 2503);
  EXPECT_NE(report.errors[1].message_en.find("repeats row 2"), std::string::npos) << report.errors[1].message_en;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people"), 5500);
}

TEST_P(ImportPipelineTest, ABulkLoadIntoAnEmptyTableRebuildsTheSameIndexes) {
  const std::vector<TableIndex> before = Indexes();
  ASSERT_GE(before.size(), 2u);  // people_region, people_mobile, people_pair_poverty
  const ImportOptions bulk{.rebuild_indexes_from_bytes = 0};
  // A refused file and a dry run roll the drop back; an import that stores rebuilds.
  ImportOptions dry = bulk;
  dry.dry_run = true;
  EXPECT_EQ(Import(PeopleCsv("refused.csv", 2500, {2400}), bulk).stored, 0);
  EXPECT_EQ(Import(PeopleCsv("dry.csv", 2500), dry).stored, 0);
  ASSERT_EQ(Indexes().size(), before.size());
  ASSERT_EQ(Import(PeopleCsv("bulk.csv", 2500), bulk).stored, 2500);
  const std::vector<TableIndex> after = Indexes();
  ASSERT_EQ(after.size(), before.size());
  for (size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(after[i].name, before[i].name);
    EXPECT_EQ(after[i].sql, before[i].sql);
  }
  // The rebuilt indexes serve look-ups: a repeat of a stored number is still refused (as stored
  // already, not as a bad row).
  const ImportReport repeat = Import(PeopleCsv("repeat.csv", 1, {}, 7));
  EXPECT_EQ(repeat.stored_refused, 1);
  EXPECT_EQ(repeat.invalid, 0);
}

// The import reads pairs from a cache it loads once; the service (kept by serve) must then
// find a pair made after the import again.
TEST_P(ImportPipelineTest, APairMadeAfterAnImportIsFound) {
  ASSERT_EQ(Import(PeopleCsv("one.csv", 1)).stored, 1);
  AddPair("440112", "522728");
  EXPECT_NE(Add("people", "440112-522728", {{"name", "韦新"}, {"id_number", PersonId(9)}, {"poverty_status", "ordinary"}}),
            0);
}

// Visits have no natural key: a row imported before is known by its fingerprint, over several
// batches, and only while its record exists.
TEST_P(ImportPipelineTest, ARowImportedBeforeIsKnownByItsFingerprintWhileItsRecordExists) {
  ASSERT_EQ(ImportVisits(VisitsCsv("first.csv", 3000)).stored, 3000);
  const std::string again = VisitsCsv("again.csv", 3001);  // one row more
  ImportReport dry = ImportVisits(again, {.dry_run = true});
  EXPECT_EQ(dry.already_stored, 3000);
  EXPECT_EQ(dry.stored_refused, 3000);  // refused, but not counted as bad rows
  EXPECT_EQ(dry.invalid, 0);
  EXPECT_EQ(dry.Refused(), 3000);
  EXPECT_NE(dry.errors.back().message_en.find("imported before"), std::string::npos);
  EXPECT_EQ(ImportVisits(again).stored, 0);  // refused
  ASSERT_TRUE(db().Execute("DELETE FROM visits WHERE title = '考察2999'").ok());
  ImportReport skipped = ImportVisits(again, {.stored_rows = StoredRows::kSkip});
  EXPECT_EQ(skipped.already_stored, 2999);
  EXPECT_EQ(skipped.invalid, 0);
  EXPECT_EQ(skipped.stored, 2);  // the deleted row's and the new one
  EXPECT_EQ(Count("SELECT COUNT(*) FROM visits"), 3001);
}

// Identical rows of one file (a ledger without a natural key) are one rule wherever they stand:
// the later is refused as repeating the earlier, next to it or batches away, never taken for a
// record imported before (the earlier row's, stored by this very import).
TEST_P(ImportPipelineTest, IdenticalRowsOfOneFileRepeatTheFirstWhereverTheyStand) {
  const std::string path = test_db().TempPath("repeats.csv");
  {
    std::ofstream out(path, std::ios::binary);
    out << "*帮扶关系,*互访事由,*方向,*人次,*开始日期\n";
    for (int i = 0; i < 4000; ++i) {
      out << kCountyPair << ",考察" << i << ",to_helped,2,2020-05-01\n";
      if (i == 0) out << kCountyPair << ",考察0,to_helped,2,2020-05-01\n";  // row 3 repeats row 2
    }
    out << kCountyPair << ",考察20,to_helped,2,2020-05-01\n";  // row 4,003 repeats row 23
  }
  ImportReport report = ImportVisits(path, {.skip_invalid = true});
  EXPECT_EQ(report.already_stored, 0);
  EXPECT_EQ(report.stored, 4000);
  ASSERT_EQ(report.errors.size(), 2u);
  EXPECT_EQ(report.errors[0].row, 3);
  EXPECT_EQ(report.errors[0].message_zh, "与第2行相同");
  EXPECT_EQ(report.errors[1].row, 4003);
  EXPECT_EQ(report.errors[1].message_en, "repeats row 23");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM visits"), 4000);
}

// import_fingerprints grows with the ledgers: each fingerprint carries its record's helped
// county (the distribution key) and is looked up within it.
TEST_P(ImportPipelineTest, FingerprintsAreNotedAndLookedUpWithinTheHelpedRegion) {
  ASSERT_EQ(ImportVisits(VisitsCsv("two.csv", 2)).stored, 2);
  auto rows = db().Query("SELECT helped_region, fingerprint FROM import_fingerprints ORDER BY record_id");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->rows.size(), 2u);
  EXPECT_EQ(AsText(rows->rows[0][0]), "522727");
  FingerprintRepository fingerprints(db(), *FindLedger("visits"));
  const std::vector<Value> both{rows->rows[0][1], rows->rows[1][1]};
  auto here = fingerprints.FindStored("522727", both);
  ASSERT_TRUE(here.ok()) << here.status().ToString();
  EXPECT_EQ(here->size(), 2u);
  auto elsewhere = fingerprints.FindStored("522728", both);
  ASSERT_TRUE(elsewhere.ok()) << elsewhere.status().ToString();
  EXPECT_TRUE(elsewhere->empty());
}

// An update validates each row on the writer's thread through the same service as the rows'
// preparing: that preparing then runs there too, never beside it (the service's caches, such
// as the validator's region names, serve one thread).
TEST_P(ImportPipelineTest, AnImportThatUpdatesPreparesItsRowsOnTheWritersThread) {
  EXPECT_TRUE(RowPreparer(service(), Actor::System(), People(), "2026-01-01T00:00:00Z").runs_beside_writer());
  EXPECT_FALSE(RowPreparer(service(), Actor::System(), People(), "2026-01-01T00:00:00Z", /*keep_input=*/true)
                   .runs_beside_writer());
}

// Updating stored records needs the ledger's update permission, asked before any row is read:
// even a file of new rows is refused, and nothing is stored.
TEST_P(ImportPipelineTest, AnImportThatUpdatesNeedsTheUpdatePermissionUpFront) {
  const Actor clerk{"clerk", {"clerk"}, {LedgerPermission(People(), "import")}, "", "", 0, "test"};
  auto refused = ImportLedger(service(), clerk, People(), PeopleCsv("new.csv", 3), {.stored_rows = StoredRows::kUpdate});
  EXPECT_EQ(refused.status().code(), Code::kPermissionDenied);
  EXPECT_NE(refused.status().message_en().find("update"), std::string::npos) << refused.status().message_en();
  auto skipped = ImportLedger(service(), clerk, People(), PeopleCsv("new.csv", 3), {.stored_rows = StoredRows::kSkip});
  ASSERT_TRUE(skipped.ok()) << skipped.status().ToString();
  EXPECT_EQ(skipped->stored, 3);
}

TEST_P(ImportPipelineTest, UpdateWritesAReimportedRowOverTheRecordOfItsNaturalKey) {
  ASSERT_EQ(Import(PeopleCsv("first.csv", 10)).stored, 10);
  const std::string path = test_db().TempPath("renamed.csv");
  {
    std::ofstream out(path, std::ios::binary);
    out << "*帮扶关系,*姓名,*身份证号,*帮扶对象类别\n";
    for (int i = 0; i < 10; ++i) out << kCountyPair << ",改名" << i << "," << PersonId(i) << ",脱贫户\n";
  }
  ImportReport dry = Import(path, {.dry_run = true, .stored_rows = StoredRows::kUpdate});
  EXPECT_EQ(dry.updated, 10);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people WHERE name LIKE '改名%'"), 0);  // rolled back
  ImportReport updated = Import(path, {.stored_rows = StoredRows::kUpdate});
  EXPECT_EQ(updated.already_stored, 10);
  EXPECT_EQ(updated.updated, 10);
  EXPECT_EQ(updated.stored, 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people WHERE name LIKE '改名%'"), 10);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people"), 10);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'update' AND ledger = 'people'"), 10);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND detail LIKE '% already_stored=10 updated=10'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportPipelineTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

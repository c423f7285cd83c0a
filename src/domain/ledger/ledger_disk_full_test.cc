// Disk full: SQLite refusing to grow the file (SQLITE_FULL, made real with PRAGMA max_page_count)
// in the middle of an import or a create gives the clear zh/en "disk full" error and leaves the
// database exactly as before (records and audit rows); once there is room again, the same
// import goes in whole. SQLite only: max_page_count is SQLite's own limit.
#include <gtest/gtest.h>

#include <fstream>

#include "domain/ledger/ledger_io.h"
#include "domain/ledger/ledger_test_util.h"

namespace shanhai {
namespace {

using domain_test::AuditRows;
using domain_test::IsOk;
using domain_test::kCountyPair;

constexpr int kImportRows = 3000;  // far more than the free room left in the file's last pages

class LedgerDiskFullTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    AddPair("440111", "522727");
  }

  // Lets the file grow by extra_pages pages from its current size, no more.
  void LimitGrowth(int64_t extra_pages) {
    auto pages = db().Query("PRAGMA page_count");
    ASSERT_TRUE(pages.ok()) << pages.status().ToString();
    const int64_t limit = AsInt(pages->rows.at(0).at(0)) + extra_pages;
    auto set = db().Query("PRAGMA max_page_count = " + std::to_string(limit));
    ASSERT_TRUE(set.ok()) << set.status().ToString();
  }

  std::string WriteImportFile() {
    const std::string path = test_db().TempPath("visits.csv");
    std::ofstream out(path, std::ios::binary);
    out << "*帮扶关系,*互访事由,*方向,*人次,*开始日期\n";
    for (int i = 0; i < kImportRows; ++i)
      out << kCountyPair << ",第" << i + 1 << "批赴对口县考察产业协作与劳务输出情况," << (i % 2 ? "to_helper" : "to_helped")
          << "," << 3 + i % 7 << ",2019-0" << 1 + i % 9 << "-1" << i % 10 << "\n";
    return path;
  }

  Result<ImportReport> Import(const std::string& path) {
    return ImportLedger(service(), Actor::System(), *FindLedger("visits"), path, ImportOptions{});
  }

  static void ExpectDiskFull(const Status& s) {
    EXPECT_EQ(s.code(), Code::kUnavailable) << s.ToString();
    EXPECT_NE(s.message_zh().find("磁盘已满"), std::string::npos) << s.message_zh();
    EXPECT_NE(s.message_en().find("disk full"), std::string::npos) << s.message_en();
  }
};

TEST_P(LedgerDiskFullTest, AnImportIntoAFullDatabaseSaysDiskFullAndStoresNothing) {
  const std::string path = WriteImportFile();
  const int64_t visits = Count("visits"), audit = AuditRows(db());
  LimitGrowth(0);
  auto full = Import(path);
  ASSERT_FALSE(full.ok()) << "stored " << full->stored << " rows into a database that cannot grow";
  ExpectDiskFull(full.status());
  EXPECT_EQ(Count("visits"), visits);
  EXPECT_EQ(AuditRows(db()), audit);

  LimitGrowth(100000);  // room again: the database is intact and takes the whole file
  auto retried = Import(path);
  ASSERT_TRUE(retried.ok()) << retried.status().ToString();
  EXPECT_EQ(retried->stored, kImportRows);
  EXPECT_EQ(Count("visits"), visits + kImportRows);
}

TEST_P(LedgerDiskFullTest, CreatesIntoAFillingDatabaseFailWholeWhenItIsFull) {
  LimitGrowth(8);
  int64_t created = 0;
  Status failure;
  for (int i = 0; i < 100000 && failure.ok(); ++i) {
    const int64_t visits = Count("visits"), audit = AuditRows(db());
    auto r = TryCreate("visits", kCountyPair,
                       {{"title", "第" + std::to_string(i) + "次考察：产业协作、劳务输出与消费帮扶对接"},
                        {"direction", "to_helped"}, {"person_times", "7"}, {"start_date", "2020-05-20"}});
    if (r.ok()) {
      ++created;
      continue;
    }
    failure = r.status();
    EXPECT_EQ(Count("visits"), visits) << "the failed create left its record";
    EXPECT_EQ(AuditRows(db()), audit) << "the failed create left its audit row";
  }
  ASSERT_FALSE(failure.ok()) << "8 pages never filled up";
  ExpectDiskFull(failure);
  EXPECT_GT(created, 0);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, LedgerDiskFullTest, testing::Values(Dialect::kSqlite),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

// The writes that publish changes, on both backends: LedgerService's create, update and delete
// and the import each leave their change_log rows in their own transaction — none when the
// write fails or is rolled back, also by an enclosing transaction — and announce them after
// the commit, never before.
#include <gtest/gtest.h>

#include <fstream>

#include "domain/changes/change_log.h"
#include "domain/ledger/ledger_io.h"
#include "domain/ledger/ledger_test_util.h"

namespace shanhai {
namespace {

using domain_test::IsOk;
using domain_test::kCountyPair;

const LedgerDef& Visits() { return *FindLedger("visits"); }

class ChangeHooksTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    AddPair("440111", "522727");
    head_ = ChangeLog(db()).HeadSeq().value();
    writer_ = MakeService(db(), &feed_);
  }

  Result<Record> CreateVisit(const std::string& persons) {
    return writer_->Create(Actor::System(), Visits(),
                           RawRecord{kCountyPair, {{"title", "变更流"}, {"direction", "to_helped"},
                                                   {"person_times", persons}, {"start_date", "2020-06-09"}}},
                           InputSource::kApi);
  }

  // The change_log rows written since SetUp.
  std::vector<Change> NewRows() { return ChangeLog(db()).ReadAfter(head_, 100000).value(); }

  ChangeFeed feed_;
  std::unique_ptr<LedgerService> writer_;
  int64_t head_ = 0;
};

TEST_P(ChangeHooksTest, CreateUpdateDeleteEachLeaveOneRowWithTheRecordsVersion) {
  Result<Record> created = CreateVisit("3");
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(feed_.last_committed(), head_ + 1);
  RawRecord change{"", {{"person_times", "4"}}};
  ASSERT_TRUE(writer_->Update(Actor::System(), Visits(), created->id, change, InputSource::kApi, 1).ok());
  ASSERT_TRUE(IsOk(writer_->Delete(Actor::System(), Visits(), created->id)));
  std::vector<Change> rows = NewRows();
  ASSERT_EQ(rows.size(), 3u);
  const char* kinds[] = {kChangeCreated, kChangeUpdated, kChangeDeleted};
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].kind, kinds[i]);
    EXPECT_EQ(rows[i].version, static_cast<int64_t>(i + 1));
    EXPECT_EQ(rows[i].ledger, "visits");
    EXPECT_EQ(rows[i].record_id, created->id);
    EXPECT_EQ(rows[i].helped_region, "522727");
    EXPECT_EQ(rows[i].at, domain_test::kFixedNow);
  }
  EXPECT_EQ(feed_.last_committed(), rows.back().seq);  // each announced after its commit
  EXPECT_EQ(feed_.last_published(), 0);                // and delivered by nobody: no follower here
}

TEST_P(ChangeHooksTest, AFailedWriteLeavesNoRowAndAnnouncesNothing) {
  EXPECT_FALSE(CreateVisit("-1").ok());  // invalid
  Result<Record> created = CreateVisit("3");
  ASSERT_TRUE(created.ok());
  const int64_t announced = feed_.last_committed();
  RawRecord change{"", {{"person_times", "5"}}};
  EXPECT_EQ(writer_->Update(Actor::System(), Visits(), created->id, change, InputSource::kApi, 7).status().code(),
            Code::kConflict);  // stale version
  EXPECT_FALSE(writer_->Delete(Actor::System(), Visits(), created->id + 1000).ok());  // no such record
  EXPECT_EQ(NewRows().size(), 1u);  // only the valid create
  EXPECT_EQ(feed_.last_committed(), announced);
}

TEST_P(ChangeHooksTest, AWriteRolledBackByTheTransactionAroundItLeavesNoRow) {
  Status s = InTransaction(db(), [&]() -> Status {
    SH_RETURN_IF_ERROR(CreateVisit("3").status());
    return Status::Conflict("外层失败", "the enclosing write failed");
  });
  EXPECT_EQ(s.code(), Code::kConflict);
  EXPECT_TRUE(NewRows().empty());
  EXPECT_EQ(Count("visits"), 0);
}

TEST_P(ChangeHooksTest, AnImportLeavesOneCreatedRowPerStoredRecordAndARefusedOneNone) {
  auto write = [&](const std::string& name, int rows, bool with_bad_row) {
    const std::string path = test_db().TempPath(name);
    std::ofstream out(path);
    out << "帮扶关系,*互访事由,*方向,*人次,*开始日期\n";
    for (int i = 0; i < rows; ++i) out << kCountyPair << ",导入" << i << ",to_helped," << 1 + i % 5 << ",2021-05-01\n";
    if (with_bad_row) out << kCountyPair << ",坏行,to_helped,-3,2021-05-01\n";
    return path;
  };
  Result<ImportReport> refused = ImportLedger(*writer_, Actor::System(), Visits(), write("bad.csv", 10, true), {});
  ASSERT_TRUE(refused.ok()) << refused.status().ToString();
  EXPECT_EQ(refused->stored, 0);
  EXPECT_TRUE(NewRows().empty());
  // More rows than one audit batch, so the change rows are written in several bulk inserts.
  constexpr int kRows = 1234;
  Result<ImportReport> stored = ImportLedger(*writer_, Actor::System(), Visits(), write("good.csv", kRows, false), {});
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  ASSERT_EQ(stored->stored, kRows);
  std::vector<Change> rows = NewRows();
  ASSERT_EQ(rows.size(), static_cast<size_t>(kRows));
  auto ids = db().Query("SELECT id FROM visits ORDER BY id").value();
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].kind, kChangeCreated);
    EXPECT_EQ(rows[i].version, 1);
    EXPECT_EQ(rows[i].record_id, AsInt(ids.rows.at(i).at(0))) << i;
  }
  EXPECT_EQ(feed_.last_committed(), rows.back().seq);
}

INSTANTIATE_TEST_SUITE_P(Backends, ChangeHooksTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

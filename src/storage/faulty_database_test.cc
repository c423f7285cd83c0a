#include "storage/faulty_database.h"

#include <gtest/gtest.h>

#include "storage/backend_fixture.h"

namespace shanhai {
namespace {

class FaultyDatabaseTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    Schema("CREATE TABLE f (v BIGINT)");
  }
  Status Insert(Database& d, int64_t v) { return d.Execute("INSERT INTO f (v) VALUES (?)", {v}).status(); }
};

TEST_P(FaultyDatabaseTest, FailsExactlyTheNthStatementWithoutForwardingIt) {
  FaultyDatabase faulty(db());
  faulty.FailNthStatement(3);
  EXPECT_TRUE(Insert(faulty, 1).ok());
  EXPECT_TRUE(faulty.Query("SELECT v FROM f").ok());
  Status third = Insert(faulty, 3);
  EXPECT_EQ(third.code(), Code::kUnavailable);
  EXPECT_TRUE(Insert(faulty, 4).ok());  // fires once
  EXPECT_TRUE(faulty.BulkInsert("f", {"v"}, {{int64_t{5}}}).ok());
  EXPECT_EQ(faulty.statement_calls(), 5);
  auto rows = db().Query("SELECT v FROM f ORDER BY v");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->rows, (std::vector<std::vector<Value>>{{int64_t{1}}, {int64_t{4}}, {int64_t{5}}}));
}

TEST_P(FaultyDatabaseTest, CountsFromWhenArmedAndBulkInsertCounts) {
  FaultyDatabase faulty(db());
  EXPECT_TRUE(Insert(faulty, 1).ok());
  faulty.FailNthStatement(1);
  EXPECT_EQ(faulty.BulkInsert("f", {"v"}, {{int64_t{2}}}).code(), Code::kUnavailable);
  faulty.FailNthStatement(2);
  faulty.FailNthStatement(0);  // disarmed
  EXPECT_TRUE(Insert(faulty, 3).ok());
  EXPECT_TRUE(Insert(faulty, 4).ok());
  EXPECT_EQ(Count("f"), 3);
}

TEST_P(FaultyDatabaseTest, FailedCommitLeavesNothingApplied) {
  FaultyDatabase faulty(db());
  faulty.FailNthCommit(2);
  ASSERT_TRUE(InTransaction(faulty, [&] { return Insert(faulty, 1); }).ok());
  Status second = InTransaction(faulty, [&] { return Insert(faulty, 2); });
  EXPECT_EQ(second.code(), Code::kUnavailable);
  ASSERT_TRUE(InTransaction(faulty, [&] { return Insert(faulty, 3); }).ok());
  EXPECT_EQ(faulty.commit_calls(), 3);
  auto rows = db().Query("SELECT v FROM f ORDER BY v");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->rows, (std::vector<std::vector<Value>>{{int64_t{1}}, {int64_t{3}}}));
}

TEST_P(FaultyDatabaseTest, ForwardsEverythingElse) {
  FaultyDatabase faulty(db());
  EXPECT_EQ(faulty.dialect(), db().dialect());
  EXPECT_EQ(faulty.Describe(), db().Describe());
  EXPECT_TRUE(faulty.ExecScript("CREATE TABLE g (x BIGINT)").ok());
  EXPECT_EQ(Count("g"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, FaultyDatabaseTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

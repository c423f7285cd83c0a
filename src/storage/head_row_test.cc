// A head row moved many times in one transaction keeps its value through savepoints rolled back
// and through another connection's updates: the remembered address falls back to the key.
#include "storage/head_row.h"

#include <gtest/gtest.h>

#include "storage/backend_fixture.h"

namespace shanhai {
namespace {

constexpr HeadRowStatement kAdvance{
    "counter_head",
    "UPDATE counter_head SET seq = seq + ? WHERE ctid = CAST(? AS tid) AND id = 1 RETURNING seq, ctid::text",
    "UPDATE counter_head SET seq = seq + ? WHERE id = 1 RETURNING seq, ctid::text",
    "UPDATE counter_head SET seq = seq + ? WHERE id = 1 RETURNING seq"};

class HeadRowTest : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    Schema("CREATE TABLE counter_head (id INTEGER PRIMARY KEY, seq BIGINT NOT NULL); INSERT INTO counter_head VALUES (1, 0);");
  }
  int64_t Advance(Database& db, int64_t by) {
    Result<Rows> rows = QueryHeadRow(db, kAdvance, {by});
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() && !rows->rows.empty() ? AsInt(rows->rows[0][0]) : -1;
  }
};

TEST_P(HeadRowTest, EveryStepOfOneTransactionSeesTheLastOne) {
  Transaction tx(db());
  for (int64_t i = 1; i <= 200; ++i) ASSERT_EQ(Advance(db(), 1), i);
  ASSERT_TRUE(tx.Commit().ok());
  EXPECT_EQ(Advance(db(), 1), 201);
}

TEST_P(HeadRowTest, AStepRolledBackToItsSavepointIsForgotten) {
  ASSERT_TRUE(db().Begin().ok());
  ASSERT_EQ(Advance(db(), 1), 1);
  ASSERT_TRUE(db().Begin().ok());
  ASSERT_EQ(Advance(db(), 10), 11);  // remembered at the version the savepoint then drops
  ASSERT_TRUE(db().Rollback().ok());
  EXPECT_EQ(Advance(db(), 1), 2);
  ASSERT_TRUE(db().Commit().ok());
}

TEST_P(HeadRowTest, AnotherConnectionsUpdateIsSeen) {
  ASSERT_EQ(Advance(db(), 1), 1);
  auto other = Database::Open(test_db().url());
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  ASSERT_EQ(Advance(**other, 5), 6);
  EXPECT_EQ(Advance(db(), 1), 7);
}

INSTANTIATE_TEST_SUITE_P(Backends, HeadRowTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

#include "storage/database.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <limits>

#include "storage/backend_support.h"

namespace shanhai {
namespace {

TEST(ValueTest, AsTextFormatsEachKind) {
  EXPECT_EQ(AsText(Value{}), "");
  EXPECT_EQ(AsText(Value{int64_t{-42}}), "-42");
  EXPECT_EQ(AsText(Value{0.1}), "0.1");
  EXPECT_EQ(AsText(Value{2.0}), "2");
  EXPECT_EQ(AsText(Value{std::string("山海")}), "山海");
}

TEST(ValueTest, AsIntParsesAndDefaultsToZero) {
  EXPECT_EQ(AsInt(Value{}), 0);
  EXPECT_EQ(AsInt(Value{std::numeric_limits<int64_t>::min()}), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(AsInt(Value{std::string("9007199254740993")}), 9007199254740993LL);
  EXPECT_EQ(AsInt(Value{std::string("12abc")}), 0);
  EXPECT_EQ(AsInt(Value{std::string("")}), 0);
  EXPECT_EQ(AsInt(Value{-3.9}), -3);
  EXPECT_EQ(AsInt(Value{1e300}), std::numeric_limits<int64_t>::max());
  EXPECT_TRUE(IsNull(Value{}));
  EXPECT_FALSE(IsNull(Value{int64_t{0}}));
}

TEST(RowsTest, ColumnFindsByNameOrMinusOne) {
  Rows rows;
  rows.columns = {"id", "name"};
  EXPECT_EQ(rows.Column("name"), 1);
  EXPECT_EQ(rows.Column("id"), 0);
  EXPECT_EQ(rows.Column("missing"), -1);
}

TEST(BackendSupportTest, SavepointSqlByDepth) {
  EXPECT_EQ(BeginSql(0, "BEGIN IMMEDIATE"), "BEGIN IMMEDIATE");
  EXPECT_EQ(BeginSql(2, "BEGIN"), "SAVEPOINT sp2");
  EXPECT_EQ(CommitSql(1), "COMMIT");
  EXPECT_EQ(CommitSql(3), "RELEASE SAVEPOINT sp2");
  EXPECT_EQ(RollbackSql(1), "ROLLBACK");
  EXPECT_EQ(RollbackSql(2), "ROLLBACK TO SAVEPOINT sp1; RELEASE SAVEPOINT sp1");
}

TEST(BackendSupportTest, IdentifiersAndRowWidthsAreChecked) {
  EXPECT_TRUE(IsPlainIdentifier("people_2"));
  EXPECT_FALSE(IsPlainIdentifier("2people"));
  EXPECT_FALSE(IsPlainIdentifier("t; DROP TABLE x"));
  EXPECT_FALSE(IsPlainIdentifier(""));
  EXPECT_TRUE(CheckBulkInsertArgs("t", {"a", "b"}, {{int64_t{1}, Value{}}}).ok());
  EXPECT_EQ(CheckBulkInsertArgs("t", {"a b"}, {}).code(), Code::kInvalidArgument);
  EXPECT_EQ(CheckBulkInsertArgs("t", {}, {}).code(), Code::kInvalidArgument);
  Status ragged = CheckBulkInsertArgs("t", {"a", "b"}, {{int64_t{1}, int64_t{2}}, {int64_t{1}}});
  EXPECT_EQ(ragged.code(), Code::kInvalidArgument);
  EXPECT_NE(ragged.message_en().find("row 2"), std::string::npos) << ragged.message_en();
}

TEST(OpenTest, SqliteCreatesMissingParentDirectories) {
  char dir_template[] = "/tmp/shanhai-open-XXXXXX";
  ASSERT_NE(mkdtemp(dir_template), nullptr);
  const std::string path = std::string(dir_template) + "/a/b/data.db";
  auto db = Database::Open(path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ((*db)->dialect(), Dialect::kSqlite);
  EXPECT_EQ((*db)->Describe(), path);
  EXPECT_TRUE(std::filesystem::exists(path));
  db = Status::Internal("close");
  std::filesystem::remove_all(dir_template);
}

TEST(OpenTest, SqliteDirectoryIsUnavailable) {
  auto db = Database::Open("/tmp");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), Code::kUnavailable);
}

TEST(OpenTest, UnreachablePostgresIsUnavailableAndHidesPassword) {
  // Port 1 on loopback refuses connections at once.
  auto db = Database::Open("postgresql://u:sekrit@127.0.0.1:1/x?connect_timeout=2");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), Code::kUnavailable);
  EXPECT_EQ(db.status().message_en().find("sekrit"), std::string::npos) << db.status().message_en();
}

}  // namespace
}  // namespace shanhai

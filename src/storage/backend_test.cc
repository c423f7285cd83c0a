// The Database contract, run against every backend (see backend_fixture.h).
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>

#include "storage/backend_fixture.h"
#include "storage/db_errors.h"

namespace shanhai {
namespace {

using Row = std::vector<Value>;

TEST_P(BackendTest, TypesRoundTripIncludingNullBigIntsAndChinese) {
  Schema("CREATE TABLE kinds (id {{ID}}, i BIGINT, d DOUBLE PRECISION, s TEXT)");
  const std::string chinese = "山海协作·东西部 ✓ 'quote' \"dq\" back\\slash\ttab\nnewline";
  const std::vector<Row> inputs = {
      {int64_t{std::numeric_limits<int64_t>::max()}, 0.1, chinese},
      {int64_t{std::numeric_limits<int64_t>::min()}, -1.25e10, std::string("")},
      {Value{}, Value{}, Value{}},
  };
  for (const Row& in : inputs) {
    auto n = db().Execute("INSERT INTO kinds (i, d, s) VALUES (?, ?, ?)", in);
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    EXPECT_EQ(*n, 1);
  }
  auto rows = db().Query("SELECT i, d, s FROM kinds ORDER BY id");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->rows.size(), inputs.size());
  for (size_t r = 0; r < inputs.size(); ++r) EXPECT_EQ(rows->rows[r], inputs[r]) << "row " << r;
  EXPECT_EQ(rows->columns, (std::vector<std::string>{"i", "d", "s"}));
}

TEST_P(BackendTest, QuestionMarksInsideLiteralsAndIdentifiersAreNotParameters) {
  Schema("CREATE TABLE q (\"what?\" TEXT, n BIGINT)");
  auto n = db().Execute("INSERT INTO q (\"what?\", n) VALUES ('why?', ?) -- a comment?", {int64_t{7}});
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  auto rows = db().Query("SELECT \"what?\", n, 'it''s ?' AS lit FROM q WHERE n = ? AND \"what?\" <> '?'",
                         {int64_t{7}});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->rows.size(), 1u);
  EXPECT_EQ(rows->rows[0], (Row{std::string("why?"), int64_t{7}, std::string("it's ?")}));
  EXPECT_EQ(rows->Column("lit"), 2);
}

TEST_P(BackendTest, ReturningIdGivesNewIds) {
  Schema("CREATE TABLE things (id {{ID}}, name TEXT NOT NULL)");
  auto a = db().Query("INSERT INTO things (name) VALUES (?) RETURNING id", {std::string("a")});
  auto b = db().Query("INSERT INTO things (name) VALUES (?) RETURNING id", {std::string("b")});
  ASSERT_TRUE(a.ok() && b.ok()) << a.status().ToString() << b.status().ToString();
  ASSERT_TRUE(std::holds_alternative<int64_t>(a->rows.at(0).at(0)));
  const int64_t id_a = AsInt(a->rows[0][0]);
  const int64_t id_b = AsInt(b->rows[0][0]);
  EXPECT_LT(id_a, id_b);
  auto rows = db().Query("SELECT name FROM things WHERE id = ?", {id_b});
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->rows, (std::vector<Row>{{std::string("b")}}));
}

TEST_P(BackendTest, ExecuteCountsChangedRowsAndReusesStatements) {
  Schema("CREATE TABLE c (k BIGINT, v TEXT)");
  for (int64_t k = 0; k < 5; ++k) {
    // Same SQL text each time: the cached statement must take fresh bindings, NULL included.
    ASSERT_TRUE(db().Execute("INSERT INTO c (k, v) VALUES (?, ?)", {k, k % 2 ? Value{} : Value{"x"}}).ok());
  }
  auto changed = db().Execute("UPDATE c SET v = ? WHERE k >= ?", {std::string("y"), int64_t{2}});
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_EQ(*changed, 3);
  auto nulls = db().Query("SELECT COUNT(*) FROM c WHERE v IS NULL");
  ASSERT_TRUE(nulls.ok());
  EXPECT_EQ(AsInt(nulls->rows[0][0]), 1);  // k = 1 (k = 3 was updated)
}

TEST_P(BackendTest, TransactionsCommitAndRollBack) {
  Schema("CREATE TABLE t (v BIGINT)");
  ASSERT_TRUE(InTransaction(db(), [&] { return db().Execute("INSERT INTO t (v) VALUES (1)").status(); }).ok());
  Status failed = InTransaction(db(), [&]() -> Status {
    SH_RETURN_IF_ERROR(db().Execute("INSERT INTO t (v) VALUES (2)").status());
    return Status::InvalidArgument("停", "stop");
  });
  EXPECT_EQ(failed.code(), Code::kInvalidArgument);
  {
    Transaction tx(db());
    ASSERT_TRUE(tx.begin_status().ok());
    ASSERT_TRUE(db().Execute("INSERT INTO t (v) VALUES (3)").ok());
  }  // destroyed without Commit
  auto rows = db().Query("SELECT v FROM t ORDER BY v");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->rows, (std::vector<Row>{{int64_t{1}}}));
  EXPECT_EQ(db().Commit().code(), Code::kInternal);  // nothing open
}

TEST_P(BackendTest, NestedTransactionsAreSavepoints) {
  Schema("CREATE TABLE t (v BIGINT)");
  Status s = InTransaction(db(), [&]() -> Status {
    SH_RETURN_IF_ERROR(db().Execute("INSERT INTO t (v) VALUES (1)").status());
    Status inner = InTransaction(db(), [&]() -> Status {
      SH_RETURN_IF_ERROR(db().Execute("INSERT INTO t (v) VALUES (2)").status());
      return Status::Conflict("内层失败", "inner fails");
    });
    EXPECT_EQ(inner.code(), Code::kConflict);
    SH_RETURN_IF_ERROR(InTransaction(db(), [&] { return db().Execute("INSERT INTO t (v) VALUES (3)").status(); }));
    return db().Execute("INSERT INTO t (v) VALUES (4)").status();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  auto rows = db().Query("SELECT v FROM t ORDER BY v");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->rows, (std::vector<Row>{{int64_t{1}}, {int64_t{3}}, {int64_t{4}}}));

  // A committed inner level is still undone by the outer rollback.
  ASSERT_TRUE(db().Begin().ok());
  ASSERT_TRUE(db().Begin().ok());
  ASSERT_TRUE(db().Execute("INSERT INTO t (v) VALUES (5)").ok());
  ASSERT_TRUE(db().Commit().ok());
  ASSERT_TRUE(db().Rollback().ok());
  EXPECT_EQ(Count("t"), 3);
}

// A read transaction holds no write lock: another connection writes while it is open (with
// BEGIN IMMEDIATE, SQLite would make that writer wait out its busy timeout and fail). Nested in
// a write transaction it is a savepoint and leaves the outer writes alone.
TEST_P(BackendTest, ReadTransactionsLetOthersWriteAndNest) {
  Schema("CREATE TABLE t (v BIGINT)");
  ASSERT_TRUE(db().Execute("INSERT INTO t (v) VALUES (1)").ok());
  auto other = Database::Open(test_db().url());
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  Status read = InReadTransaction(db(), [&]() -> Status {
    SH_ASSIGN_OR_RETURN(Rows rows, db().Query("SELECT COUNT(*) FROM t"));
    EXPECT_EQ(AsInt(rows.rows.at(0).at(0)), 1);
    SH_RETURN_IF_ERROR((*other)->Execute("INSERT INTO t (v) VALUES (2)").status());
    // One snapshot for the whole read: the row committed meanwhile is not seen inside it.
    SH_ASSIGN_OR_RETURN(Rows again, db().Query("SELECT COUNT(*) FROM t"));
    EXPECT_EQ(AsInt(again.rows.at(0).at(0)), 1);
    return Status::Ok();
  });
  ASSERT_TRUE(read.ok()) << read.ToString();
  EXPECT_EQ(Count("t"), 2);

  Status nested = InTransaction(db(), [&]() -> Status {
    SH_RETURN_IF_ERROR(db().Execute("INSERT INTO t (v) VALUES (3)").status());
    return InReadTransaction(db(), [&] { return db().Query("SELECT v FROM t").status(); });
  });
  ASSERT_TRUE(nested.ok()) << nested.ToString();
  EXPECT_EQ(Count("t"), 3);
  EXPECT_EQ(db().Commit().code(), Code::kInternal);  // nothing left open
}

TEST_P(BackendTest, FailedStatementInsideSavepointLeavesOuterUsable) {
  Schema("CREATE TABLE u (k TEXT PRIMARY KEY)");
  Status s = InTransaction(db(), [&]() -> Status {
    SH_RETURN_IF_ERROR(db().Execute("INSERT INTO u (k) VALUES ('a')").status());
    Status dup = InTransaction(db(), [&] { return db().Execute("INSERT INTO u (k) VALUES ('a')").status(); });
    EXPECT_EQ(dup.code(), Code::kConflict);
    return db().Execute("INSERT INTO u (k) VALUES ('b')").status();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Count("u"), 2);
}

// The message names the column, never the taken value: that is another record's data.
TEST_P(BackendTest, UniqueViolationIsConflict) {
  Schema("CREATE TABLE u (id {{ID}}, code TEXT NOT NULL UNIQUE)");
  ASSERT_TRUE(db().Execute("INSERT INTO u (code) VALUES (?)", {std::string("taken-4711")}).ok());
  auto dup = db().Execute("INSERT INTO u (code) VALUES (?)", {std::string("taken-4711")});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.status().code(), Code::kConflict);
  EXPECT_NE(dup.status().message_zh().find("唯一约束"), std::string::npos) << dup.status().message_zh();
  EXPECT_NE(dup.status().message_en().find("unique"), std::string::npos) << dup.status().message_en();
  EXPECT_NE(dup.status().message_en().find("code"), std::string::npos) << dup.status().message_en();
  EXPECT_EQ(dup.status().ToString().find("taken-4711"), std::string::npos) << dup.status().ToString();
  auto pk = db().Execute("INSERT INTO u (id, code) VALUES (1, 'C2')");
  ASSERT_FALSE(pk.ok());
  EXPECT_EQ(pk.status().code(), Code::kConflict);
}

// Both backends name the columns of a composite key, so services can say it in their words.
TEST_P(BackendTest, UniqueViolationCarriesTheKeyColumns) {
  Schema("CREATE TABLE k (id {{ID}}, a BIGINT NOT NULL, b TEXT NOT NULL, UNIQUE (a, b))");
  ASSERT_TRUE(db().Execute("INSERT INTO k (a, b) VALUES (1, 'x')").ok());
  auto dup = db().Execute("INSERT INTO k (a, b) VALUES (1, 'x')");
  ASSERT_FALSE(dup.ok());
  EXPECT_TRUE(IsUniqueViolation(dup.status()));
  EXPECT_FALSE(IsForeignKeyViolation(dup.status()));
  EXPECT_EQ(UniqueKeyColumns(dup.status()), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(UniqueKeyColumns(Status::Conflict("版本", "version")).empty());
}

TEST_P(BackendTest, ForeignKeyViolationIsConflict) {
  Schema(
      "CREATE TABLE parent (id {{ID}}, name TEXT);"
      "CREATE TABLE child (id {{ID}}, parent_id BIGINT NOT NULL REFERENCES parent(id))");
  auto missing = db().Execute("INSERT INTO child (parent_id) VALUES (?)", {int64_t{42}});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Code::kConflict);
  EXPECT_NE(missing.status().message_zh().find("被其他记录引用或引用的记录不存在"), std::string::npos);

  auto parent = db().Query("INSERT INTO parent (name) VALUES ('p') RETURNING id");
  ASSERT_TRUE(parent.ok());
  ASSERT_TRUE(db().Execute("INSERT INTO child (parent_id) VALUES (?)", {parent->rows[0][0]}).ok());
  auto referenced = db().Execute("DELETE FROM parent WHERE id = ?", {parent->rows[0][0]});
  ASSERT_FALSE(referenced.ok());
  EXPECT_EQ(referenced.status().code(), Code::kConflict);
  EXPECT_TRUE(IsForeignKeyViolation(referenced.status()));
  // SQLite's own sentence says nothing the message does not: it is left out.
  EXPECT_EQ(referenced.status().ToString().find("FOREIGN KEY constraint failed"), std::string::npos);
}

// The message names the constraint, never the row's values (PostgreSQL's "Failing row
// contains (...)" would carry every column of the record).
TEST_P(BackendTest, CheckAndNotNullAreInvalidArgument) {
  Schema("CREATE TABLE m (amount BIGINT NOT NULL CHECK (amount >= 0), note TEXT)");
  auto negative = db().Execute("INSERT INTO m (amount, note) VALUES (?, ?)", {int64_t{-1}, std::string("row-secret-1")});
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.status().code(), Code::kInvalidArgument);
  auto null = db().Execute("INSERT INTO m (amount, note) VALUES (?, ?)", {Value{}, std::string("row-secret-2")});
  ASSERT_FALSE(null.ok());
  EXPECT_EQ(null.status().code(), Code::kInvalidArgument);
  for (const Status& s : {negative.status(), null.status()})
    EXPECT_EQ(s.ToString().find("row-secret"), std::string::npos) << s.ToString();
}

TEST_P(BackendTest, OtherErrorsAreInternal) {
  auto syntax = db().Query("SELEC 1");
  ASSERT_FALSE(syntax.ok());
  EXPECT_EQ(syntax.status().code(), Code::kInternal);
  auto missing_param = db().Query("SELECT CAST(? AS BIGINT) + 1");
  ASSERT_FALSE(missing_param.ok());
  EXPECT_EQ(missing_param.status().code(), Code::kInternal);
  EXPECT_EQ(db().ExecScript("CREATE TABLE x (a INTEGER); CREATE TABLE x (a INTEGER)").code(), Code::kInternal);
}

TEST_P(BackendTest, BulkInsertTenThousandRows) {
  Schema("CREATE TABLE bulk (id BIGINT PRIMARY KEY, name TEXT, amount_fen BIGINT, ratio DOUBLE PRECISION)");
  constexpr int64_t kRows = 10037;  // 10,000 and a remainder that is not a whole 100-row batch
  std::vector<Row> rows;
  auto name_of = [](int64_t i) { return "单位" + std::to_string(i) + (i % 3 ? "" : "\t含\\特殊\n字符"); };
  auto amount_of = [](int64_t i) { return i % 7 == 0 ? Value{} : Value{i * 1000003}; };
  for (int64_t i = 0; i < kRows; ++i) rows.push_back({i, name_of(i), amount_of(i), i / 4.0});
  Status s = db().BulkInsert("bulk", {"id", "name", "amount_fen", "ratio"}, rows);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Count("bulk"), kRows);

  for (int64_t i : {int64_t{0}, int64_t{4321}, int64_t{9999}, kRows - 1}) {
    auto got = db().Query("SELECT id, name, amount_fen, ratio FROM bulk WHERE id = ?", {i});
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    ASSERT_EQ(got->rows.size(), 1u) << i;
    EXPECT_EQ(got->rows[0], (Row{i, name_of(i), amount_of(i), i / 4.0})) << i;
  }
  int64_t expected_sum = 0;
  for (int64_t i = 0; i < kRows; ++i) expected_sum += i % 7 == 0 ? 0 : i * 1000003;
  auto sum = db().Query("SELECT SUM(amount_fen) FROM bulk");
  ASSERT_TRUE(sum.ok());
  EXPECT_EQ(sum->rows[0][0], Value{expected_sum});
}

TEST_P(BackendTest, BulkInsertIsAllOrNothing) {
  Schema("CREATE TABLE bulk (id BIGINT PRIMARY KEY)");
  std::vector<Row> rows;
  for (int64_t i = 0; i < 500; ++i) rows.push_back({i});
  rows.push_back({int64_t{3}});  // duplicate at the end
  Status s = db().BulkInsert("bulk", {"id"}, rows);
  EXPECT_EQ(s.code(), Code::kConflict) << s.ToString();
  EXPECT_EQ(Count("bulk"), 0);

  // Inside the caller's transaction it is undone by the caller's rollback.
  ASSERT_TRUE(db().Begin().ok());
  rows.pop_back();
  ASSERT_TRUE(db().BulkInsert("bulk", {"id"}, rows).ok());
  ASSERT_TRUE(db().Rollback().ok());
  EXPECT_EQ(Count("bulk"), 0);

  EXPECT_EQ(db().BulkInsert("bulk; DROP TABLE bulk", {"id"}, rows).code(), Code::kInvalidArgument);
  EXPECT_TRUE(db().BulkInsert("bulk", {"id"}, {}).ok());
}

TEST_P(BackendTest, AggregatesOverBigintComeBackAsNumbers) {
  Schema("CREATE TABLE money (fen BIGINT)");
  const int64_t big = int64_t{1} << 40;
  for (int64_t v : {big, big, big + 1}) ASSERT_TRUE(db().Execute("INSERT INTO money (fen) VALUES (?)", {v}).ok());
  auto rows = db().Query("SELECT SUM(fen), COUNT(*), MAX(fen), AVG(fen - ?) FROM money", {big});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  const Row& r = rows->rows.at(0);
  EXPECT_EQ(r[0], Value{3 * big + 1});  // PostgreSQL: numeric, must still be int64
  EXPECT_EQ(r[1], Value{int64_t{3}});
  EXPECT_EQ(r[2], Value{big + 1});
  ASSERT_TRUE(std::holds_alternative<double>(r[3])) << AsText(r[3]);
  EXPECT_NEAR(std::get<double>(r[3]), 1.0 / 3, 1e-12);
}

TEST_P(BackendTest, BackupRefusesToOverwrite) {
  const std::string path = test_db().TempPath("existing.bak");
  std::ofstream(path) << "keep me";
  EXPECT_EQ(db().Backup(path).code(), Code::kInvalidArgument);
  std::ifstream in(path);
  std::string content;
  std::getline(in, content);
  EXPECT_EQ(content, "keep me");
}

// pg_dump copies a whole database, and other test processes create and drop their schemas
// in the shared test database all the time: the PostgreSQL case dumps a database of its own.
Result<std::string> OwnPostgresDatabase(Database& admin, const std::string& base_url, const std::string& name) {
  SH_RETURN_IF_ERROR(admin.Execute("CREATE DATABASE " + name).status());
  return base_url.substr(0, base_url.rfind('/') + 1) + name;
}

TEST_P(BackendTest, BackupWritesACopy) {
  const std::string path = test_db().TempPath("sub/backup.bak");
  if (GetParam() == Dialect::kSqlite) {
    Schema("CREATE TABLE keep (id {{ID}}, name TEXT)");
    ASSERT_TRUE(db().Execute("INSERT INTO keep (name) VALUES (?)", {std::string("甲")}).ok());
    Status s = db().Backup(path);
    ASSERT_TRUE(s.ok()) << s.ToString();
    auto copy = Database::Open(path);
    ASSERT_TRUE(copy.ok()) << copy.status().ToString();
    auto rows = (*copy)->Query("SELECT name FROM keep");
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    EXPECT_EQ(rows->rows, (std::vector<Row>{{std::string("甲")}}));
    return;
  }
  const char* base_url = std::getenv("SHANHAI_TEST_PG_URL");
  ASSERT_NE(base_url, nullptr);
  const std::string name = "shanhai_backup_test_" + std::to_string(::getpid());
  Result<std::string> url = OwnPostgresDatabase(db(), base_url, name);
  ASSERT_TRUE(url.ok()) << url.status().ToString();
  {
    auto own = Database::Open(*url);
    ASSERT_TRUE(own.ok()) << own.status().ToString();
    ASSERT_TRUE((*own)->ExecScript("CREATE TABLE keep (id BIGINT, name TEXT); INSERT INTO keep VALUES (1, '甲')").ok());
    Status s = (*own)->Backup(path);
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  ASSERT_TRUE(db().Execute("DROP DATABASE " + name).ok());
  ASSERT_TRUE(std::filesystem::exists(path));
  ASSERT_GT(std::filesystem::file_size(path), 0u);
  std::ifstream in(path, std::ios::binary);
  char magic[5] = {};
  in.read(magic, 5);
  EXPECT_EQ(std::string(magic, 5), "PGDMP");  // pg_dump custom-format header
}

TEST_P(BackendTest, DialectAndDescribe) {
  EXPECT_EQ(db().dialect(), GetParam());
  EXPECT_FALSE(db().Describe().empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, BackendTest, testing::ValuesIn(TestDialects()), DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

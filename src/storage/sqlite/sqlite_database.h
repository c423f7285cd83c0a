// The SQLite backend of Database: one sqlite3 connection to one file.
// Opened with WAL journaling, foreign keys on, a 5 s busy timeout and synchronous=NORMAL.
// Statements are prepared once per SQL text and kept until the connection closes.
// Thread safety: none (one connection per thread, as for every Database).
#pragma once

#include <memory>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "storage/database.h"

struct sqlite3;
struct sqlite3_stmt;

namespace shanhai {

class SqliteDatabase final : public Database {
 public:
  // Opens (creating if missing, together with its parent directory) the database file at path.
  // Errors: Unavailable if the file cannot be opened or is not a database.
  static Result<std::unique_ptr<Database>> Open(const std::string& path);
  ~SqliteDatabase() override;

  Dialect dialect() const override { return Dialect::kSqlite; }
  std::string Describe() const override { return path_; }

  // Result cells: INTEGER → int64, FLOAT → double, TEXT and BLOB → string, NULL → monostate.
  // Errors (all calls): unique/FK violation → Conflict, CHECK/NOT NULL → InvalidArgument,
  // busy/locked after the timeout → Unavailable, a wrong parameter count or anything else → Internal.
  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params = {}) override;
  Result<int64_t> Execute(std::string_view sql, const std::vector<Value>& params = {}) override;
  Status ExecScript(std::string_view sql) override;
  // Multi-row INSERTs of up to 100 rows per statement, all in one transaction (the caller's,
  // or its own if none is open, so a failure leaves nothing inserted).
  Status BulkInsert(std::string_view table, const std::vector<std::string>& columns,
                    const std::vector<std::vector<Value>>& rows) override;

  // The outermost level is BEGIN IMMEDIATE: taking the write lock up front means a transaction
  // never fails half-way with SQLITE_BUSY when it first writes (WAL cannot upgrade a stale reader).
  Status Begin() override;
  Status BeginRead() override;
  Status Commit() override;
  Status Rollback() override;

  // Online backup into a new file at out_path (parent created if missing). Refuses (InvalidArgument)
  // an existing non-empty file; removes the partial file on failure.
  Status Backup(const std::string& out_path) override;

 private:
  SqliteDatabase(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

  // The cached statement for sql, preparing it on first use.
  Result<sqlite3_stmt*> Prepare(std::string_view sql);
  // Steps stmt (already bound) to the end, collecting rows into out if given, then resets it.
  Status Run(sqlite3_stmt* stmt, Rows* out);
  // Begin and BeginRead: top_begin at the outermost level, a savepoint below it.
  Status BeginAs(std::string_view top_begin);
  // Runs one cached statement with params.
  Status RunWith(std::string_view sql, const std::vector<Value>& params, Rows* out);
  // Maps an SQLite result code to a Status, using the connection's last error message.
  Status Error(int rc) const;

  sqlite3* db_;
  std::string path_;
  // Looked up by the caller's text without copying it into a key first.
  struct SqlHash {
    using is_transparent = void;
    size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };
  std::unordered_map<std::string, sqlite3_stmt*, SqlHash, std::equal_to<>> statements_;
  int depth_ = 0;  // open transaction levels (1 = BEGIN, more = savepoints)
};

}  // namespace shanhai

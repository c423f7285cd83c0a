// The one storage interface. A Database is a single connection to SQLite (a file path)
// or PostgreSQL (a postgresql:// URL); the same SQL runs on both.
//
// SQL conventions the backends rely on:
//  - parameters are written `?` (the PostgreSQL backend renumbers them to $1, $2, ...);
//  - dates are TEXT 'YYYY-MM-DD', money BIGINT fen, booleans INTEGER 0/1;
//  - inserts that need the new id end with `RETURNING id`.
// Thread safety: none. Use one Database per thread (see ConnectionPool).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/status.h"

namespace shanhai {

// A bound parameter or a result cell. monostate is SQL NULL.
using Value = std::variant<std::monostate, int64_t, double, std::string>;

bool IsNull(const Value& v);
// Text of a cell: "" for NULL, decimal for numbers.
std::string AsText(const Value& v);
// Integer of a cell: 0 for NULL, parsed for text.
int64_t AsInt(const Value& v);

struct Rows {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  // Index of a column by name, or -1.
  int Column(std::string_view name) const;
};

enum class Dialect { kSqlite, kPostgres };

class Database {
 public:
  virtual ~Database() = default;

  // Opens "postgresql://..." / "postgres://..." with libpq, anything else as a SQLite
  // file path (created if missing; WAL, foreign keys on, busy timeout set).
  static Result<std::unique_ptr<Database>> Open(const std::string& url);

  virtual Dialect dialect() const = 0;
  // The URL or path it was opened with, password removed (for logs).
  virtual std::string Describe() const = 0;

  // Runs a query and returns all rows. Statements are prepared once per SQL text and cached.
  virtual Result<Rows> Query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Runs a statement; returns the number of rows changed.
  virtual Result<int64_t> Execute(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Runs several statements without parameters (schema scripts).
  virtual Status ExecScript(std::string_view sql) = 0;

  // Fast load of many rows into one table, inside the caller's transaction if any:
  // batched prepared inserts on SQLite, COPY on PostgreSQL. Values are as for Query.
  virtual Status BulkInsert(std::string_view table, const std::vector<std::string>& columns,
                            const std::vector<std::vector<Value>>& rows) = 0;

  // Transactions nest as savepoints; prefer the Transaction guard below.
  virtual Status Begin() = 0;
  // Begins a transaction that only reads, ended by Commit or Rollback like the others. On
  // SQLite a deferred BEGIN: its statements share one snapshot and take the WAL read lock once
  // instead of once each, and no write lock is held, so a write inside it may fail as busy
  // (write in a Begin() transaction instead). On PostgreSQL REPEATABLE READ, READ ONLY: one
  // snapshot, and a write inside it fails. Nested, a savepoint of the outer transaction.
  virtual Status BeginRead() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // A consistent copy of a live database: a SQLite file (online backup API) or, for
  // PostgreSQL, a pg_dump custom-format archive.
  virtual Status Backup(const std::string& out_path) = 0;

  // Where this connection last saw the row of each one-row head table (storage/head_row.h).
  std::map<std::string, std::string, std::less<>>& head_row_addresses() { return head_row_addresses_; }

 private:
  std::map<std::string, std::string, std::less<>> head_row_addresses_;
};

enum class TransactionKind { kWrite, kRead };

// Begins on construction (Begin, or BeginRead for kRead); rolls back on destruction unless
// Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Database& db, TransactionKind kind = TransactionKind::kWrite);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  const Status& begin_status() const { return begin_status_; }
  Status Commit();

 private:
  Database& db_;
  Status begin_status_;
  bool done_ = false;
};

// Runs fn inside a transaction; commits if it returns ok, rolls back otherwise.
Status InTransaction(Database& db, const std::function<Status()>& fn);
// As InTransaction, in a read transaction (Database::BeginRead): fn must not write.
Status InReadTransaction(Database& db, const std::function<Status()>& fn);

}  // namespace shanhai

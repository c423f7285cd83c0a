// The PostgreSQL backend of Database: one libpq connection.
// `?` markers are renumbered to $n (see placeholders.h); each distinct SQL text is prepared once
// on the server under a generated name and reused; parameters travel in text format.
// Thread safety: none (one connection per thread, as for every Database).
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "storage/database.h"

struct pg_conn;

namespace shanhai {

class PostgresDatabase final : public Database {
 public:
  // Connects to a postgresql:// or postgres:// URL (libpq syntax) with client encoding UTF8;
  // server notices are discarded. Errors: Unavailable if the connection fails.
  static Result<std::unique_ptr<Database>> Open(const std::string& url);
  ~PostgresDatabase() override;

  Dialect dialect() const override { return Dialect::kPostgres; }
  std::string Describe() const override;

  // Result cells are converted by column type (see PgCellValue in pg_values.h).
  // Errors (all calls): SQLSTATE 23505 → Conflict, 23503 → Conflict, 23514/23502 → InvalidArgument;
  // connection lost, server shutting down, out of connections, serialization failure or
  // deadlock → Unavailable (worth retrying); a wrong parameter count or anything else → Internal.
  Result<Rows> Query(std::string_view sql, const std::vector<Value>& params = {}) override;
  Result<int64_t> Execute(std::string_view sql, const std::vector<Value>& params = {}) override;
  // The whole script in one PQexec: outside a transaction PostgreSQL runs it all-or-nothing.
  Status ExecScript(std::string_view sql) override;
  // One COPY ... FROM STDIN in text format, sent in 64 KiB chunks; atomic on its own.
  Status BulkInsert(std::string_view table, const std::vector<std::string>& columns,
                    const std::vector<std::vector<Value>>& rows) override;

  Status Begin() override;
  Status BeginRead() override;
  // Committing a transaction that an earlier error aborted rolls it back and returns Internal
  // (PostgreSQL would otherwise report the COMMIT as a success).
  Status Commit() override;
  Status Rollback() override;

  // pg_dump custom-format archive (see RunPgDump); refuses an existing non-empty file.
  Status Backup(const std::string& out_path) override;

 private:
  struct Prepared {
    std::string name;
    int parameters = 0;
  };

  PostgresDatabase(pg_conn* conn, std::string url) : conn_(conn), url_(std::move(url)) {}

  // The cached server-side statement for sql, preparing it on first use.
  Result<const Prepared*> Prepare(std::string_view sql);
  // Executes sql with params; fills out (if given) and returns the number of rows affected.
  Result<int64_t> Run(std::string_view sql, const std::vector<Value>& params, Rows* out);
  // Runs sql (one or more statements, no parameters) with the simple query protocol.
  Status RunSimple(std::string_view sql);
  // Whether the server says a transaction block is open (even if aborted).
  bool InTransactionBlock() const;

  pg_conn* conn_;
  std::string url_;
  std::unordered_map<std::string, Prepared> statements_;
  int depth_ = 0;  // open transaction levels (1 = BEGIN, more = savepoints)
};

}  // namespace shanhai

#include "storage/postgres/postgres_database.h"

#include <libpq-fe.h>

#include <cstdlib>

#include "storage/backend_support.h"
#include "storage/db_errors.h"
#include "storage/postgres/pg_dump.h"
#include "storage/postgres/pg_url.h"
#include "storage/postgres/pg_values.h"
#include "storage/postgres/placeholders.h"

namespace shanhai {
namespace {

// COPY data is sent in chunks of about this size: big enough to keep the socket busy,
// small enough not to hold a whole import in memory twice.
constexpr size_t kCopyChunkBytes = 64 * 1024;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

std::string Trimmed(const char* s) {
  std::string out = s != nullptr ? s : "";
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

bool StartsWith(const char* s, const char* prefix) {
  return s != nullptr && std::string_view(s).starts_with(prefix);
}

// Maps a failed result (or, with res == nullptr, the connection's last error) to a Status.
Status PgError(PGconn* conn, const PGresult* res, const std::string& where) {
  const std::string message = Trimmed(res != nullptr ? PQresultErrorMessage(res) : PQerrorMessage(conn));
  if (PQstatus(conn) == CONNECTION_BAD) return DatabaseUnavailable(where, message);
  const char* state = res != nullptr ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const char* detail_field = res != nullptr ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : nullptr;
  const std::string detail = detail_field != nullptr ? Trimmed(detail_field) : message;
  if (state == nullptr) return DatabaseError(message);
  const std::string_view code(state);
  if (code == "23505") return UniqueViolation(detail);
  if (code == "23503") return ForeignKeyViolation(detail);
  if (code == "23514" || code == "23502") return ConstraintViolation(message);
  if (code == "53100") return DiskFull(message);
  // Connection exceptions, server shutdown, out of connections/resources, and the two
  // concurrency failures that succeed when retried.
  if (StartsWith(state, "08") || StartsWith(state, "57P") || StartsWith(state, "53") || code == "40001" ||
      code == "40P01") {
    return DatabaseUnavailable(where, message);
  }
  return DatabaseError(message);
}

bool Succeeded(const PGresult* res) {
  const ExecStatusType s = PQresultStatus(res);
  return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

}  // namespace

Result<std::unique_ptr<Database>> PostgresDatabase::Open(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr) return DatabaseUnavailable(UrlWithoutPassword(url), "out of memory");
  if (PQstatus(conn) != CONNECTION_OK || PQsetClientEncoding(conn, "UTF8") != 0) {
    const std::string message = Trimmed(PQerrorMessage(conn));
    PQfinish(conn);
    return DatabaseUnavailable(UrlWithoutPassword(url), message);
  }
  // Notices ("relation already exists, skipping", ...) would otherwise go to stderr.
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  return std::unique_ptr<Database>(new PostgresDatabase(conn, url));
}

PostgresDatabase::~PostgresDatabase() { PQfinish(conn_); }

std::string PostgresDatabase::Describe() const { return UrlWithoutPassword(url_); }

bool PostgresDatabase::InTransactionBlock() const {
  const PGTransactionStatusType s = PQtransactionStatus(conn_);
  return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
}

Result<const PostgresDatabase::Prepared*> PostgresDatabase::Prepare(std::string_view sql) {
  std::string key(sql);
  if (auto it = statements_.find(key); it != statements_.end()) return &it->second;
  const NumberedSql numbered = NumberPlaceholders(sql);
  Prepared prepared{"sh_" + std::to_string(statements_.size() + 1), numbered.parameters};
  ResultPtr res(PQprepare(conn_, prepared.name.c_str(), numbered.sql.c_str(), numbered.parameters, nullptr));
  if (!Succeeded(res.get())) return PgError(conn_, res.get(), Describe());
  return &statements_.emplace(std::move(key), std::move(prepared)).first->second;
}

Result<int64_t> PostgresDatabase::Run(std::string_view sql, const std::vector<Value>& params, Rows* out) {
  SH_ASSIGN_OR_RETURN(const Prepared* prepared, Prepare(sql));
  if (prepared->parameters != static_cast<int>(params.size())) {
    return Status::Internal("statement expects " + std::to_string(prepared->parameters) + " parameters, got " +
                            std::to_string(params.size()) + ": " + std::string(sql));
  }
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (size_t i = 0; i < params.size(); ++i) {
    if (IsNull(params[i])) continue;
    texts[i] = PgParamText(params[i]);
    values[i] = texts[i].c_str();
  }
  ResultPtr res(PQexecPrepared(conn_, prepared->name.c_str(), static_cast<int>(params.size()), values.data(),
                               nullptr, nullptr, 0));
  if (!Succeeded(res.get())) return PgError(conn_, res.get(), Describe());

  if (out != nullptr) {
    const int width = PQnfields(res.get());
    const int height = PQntuples(res.get());
    out->columns.clear();
    for (int c = 0; c < width; ++c) out->columns.emplace_back(PQfname(res.get(), c));
    out->rows.reserve(static_cast<size_t>(height));
    for (int r = 0; r < height; ++r) {
      std::vector<Value>& row = out->rows.emplace_back();
      row.reserve(static_cast<size_t>(width));
      for (int c = 0; c < width; ++c) {
        if (PQgetisnull(res.get(), r, c)) {
          row.emplace_back(std::monostate{});
        } else {
          row.push_back(PgCellValue(std::string_view(PQgetvalue(res.get(), r, c),
                                                     static_cast<size_t>(PQgetlength(res.get(), r, c))),
                                    PQftype(res.get(), c)));
        }
      }
    }
  }
  return static_cast<int64_t>(std::strtoll(PQcmdTuples(res.get()), nullptr, 10));
}

Result<Rows> PostgresDatabase::Query(std::string_view sql, const std::vector<Value>& params) {
  Rows rows;
  SH_RETURN_IF_ERROR(Run(sql, params, &rows).status());
  return rows;
}

Result<int64_t> PostgresDatabase::Execute(std::string_view sql, const std::vector<Value>& params) {
  return Run(sql, params, nullptr);
}

Status PostgresDatabase::RunSimple(std::string_view sql) {
  ResultPtr res(PQexec(conn_, std::string(sql).c_str()));
  return Succeeded(res.get()) ? Status::Ok() : PgError(conn_, res.get(), Describe());
}

Status PostgresDatabase::ExecScript(std::string_view sql) { return RunSimple(sql); }

Status PostgresDatabase::BulkInsert(std::string_view table, const std::vector<std::string>& columns,
                                    const std::vector<std::vector<Value>>& rows) {
  SH_RETURN_IF_ERROR(CheckBulkInsertArgs(table, columns, rows));
  if (rows.empty()) return Status::Ok();
  std::string copy = "COPY " + std::string(table) + " (";
  for (size_t c = 0; c < columns.size(); ++c) copy += (c ? "," : "") + columns[c];
  copy += ") FROM STDIN";
  {
    ResultPtr res(PQexec(conn_, copy.c_str()));
    if (PQresultStatus(res.get()) != PGRES_COPY_IN) return PgError(conn_, res.get(), Describe());
  }

  std::string chunk;
  chunk.reserve(kCopyChunkBytes + 4096);
  bool sent = true;
  for (size_t r = 0; r < rows.size() && sent; ++r) {
    for (size_t c = 0; c < rows[r].size(); ++c) {
      if (c) chunk += '\t';
      AppendCopyField(chunk, rows[r][c]);
    }
    chunk += '\n';
    if (chunk.size() >= kCopyChunkBytes || r + 1 == rows.size()) {
      sent = PQputCopyData(conn_, chunk.data(), static_cast<int>(chunk.size())) == 1;
      chunk.clear();
    }
  }
  // Ending with an error message makes the server abort the COPY if a chunk could not be sent.
  const bool ended = PQputCopyEnd(conn_, sent ? nullptr : "client failed to send data") == 1;

  Status status = Status::Ok();
  // Every result must be read before the connection takes the next command.
  while (PGresult* raw = PQgetResult(conn_)) {
    ResultPtr res(raw);
    if (status.ok() && PQresultStatus(res.get()) != PGRES_COMMAND_OK) status = PgError(conn_, res.get(), Describe());
  }
  if (status.ok() && (!sent || !ended)) status = PgError(conn_, nullptr, Describe());
  return status;
}

Status PostgresDatabase::Begin() {
  SH_RETURN_IF_ERROR(RunSimple(BeginSql(depth_, "BEGIN")));
  ++depth_;
  return Status::Ok();
}

// REPEATABLE READ: the transaction's statements share one snapshot (at READ COMMITTED each would
// take its own); READ ONLY: a write inside it is an error, not a surprise.
Status PostgresDatabase::BeginRead() {
  SH_RETURN_IF_ERROR(RunSimple(BeginSql(depth_, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")));
  ++depth_;
  return Status::Ok();
}

Status PostgresDatabase::Commit() {
  if (depth_ == 0) return Status::Internal("Commit without Begin");
  if (depth_ == 1 && PQtransactionStatus(conn_) == PQTRANS_INERROR) {
    (void)RunSimple("ROLLBACK");
    depth_ = 0;
    return Status::Internal("transaction was aborted by an earlier error and has been rolled back");
  }
  Status s = RunSimple(CommitSql(depth_));
  if (s.ok()) {
    --depth_;
  } else if (!InTransactionBlock()) {
    depth_ = 0;  // a failed COMMIT ends the transaction
  }
  return s;
}

Status PostgresDatabase::Rollback() {
  if (depth_ == 0) return Status::Internal("Rollback without Begin");
  if (!InTransactionBlock()) {
    depth_ = 0;  // the server has no transaction left to undo (e.g. the connection was reset)
    return Status::Ok();
  }
  SH_RETURN_IF_ERROR(RunSimple(RollbackSql(depth_)));
  --depth_;
  return Status::Ok();
}

Status PostgresDatabase::Backup(const std::string& out_path) {
  SH_RETURN_IF_ERROR(PrepareBackupTarget(out_path));
  return RunPgDump(url_, out_path);
}

}  // namespace shanhai

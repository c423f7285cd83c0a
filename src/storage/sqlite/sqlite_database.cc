#include "storage/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "storage/backend_support.h"
#include "storage/db_errors.h"

namespace shanhai {
namespace {

namespace fs = std::filesystem;

// Rows per multi-row INSERT in BulkInsert: large enough to amortise statement overhead,
// small enough to stay well under SQLite's bound-parameter limit for typical tables.
constexpr size_t kBulkBatchRows = 100;

// Resets a statement and drops its bindings when a use of it ends, however it ends,
// so the cached statement is ready for the next caller and holds no pointers to their data.
class StatementUse {
 public:
  explicit StatementUse(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~StatementUse() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  StatementUse(const StatementUse&) = delete;
  StatementUse& operator=(const StatementUse&) = delete;

 private:
  sqlite3_stmt* stmt_;
};

// Binds one value at 1-based index. Text is bound without copying: the caller's vector
// outlives the statement use (bindings are cleared when it ends).
int BindValue(sqlite3_stmt* stmt, int index, const Value& v) {
  if (const auto* i = std::get_if<int64_t>(&v)) return sqlite3_bind_int64(stmt, index, *i);
  if (const auto* d = std::get_if<double>(&v)) return sqlite3_bind_double(stmt, index, *d);
  if (const auto* s = std::get_if<std::string>(&v)) {
    return sqlite3_bind_text64(stmt, index, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
  }
  return sqlite3_bind_null(stmt, index);
}

Value ColumnValue(sqlite3_stmt* stmt, int i) {
  switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_INTEGER:
      return static_cast<int64_t>(sqlite3_column_int64(stmt, i));
    case SQLITE_FLOAT:
      return sqlite3_column_double(stmt, i);
    case SQLITE_TEXT: {
      // column_text before column_bytes (and column_blob for a BLOB), so no conversion happens between.
      const unsigned char* data = sqlite3_column_text(stmt, i);
      return std::string(reinterpret_cast<const char*>(data), static_cast<size_t>(sqlite3_column_bytes(stmt, i)));
    }
    case SQLITE_BLOB: {
      const void* data = sqlite3_column_blob(stmt, i);
      return std::string(static_cast<const char*>(data), static_cast<size_t>(sqlite3_column_bytes(stmt, i)));
    }
    default:
      return std::monostate{};
  }
}

bool OnlySeparatorsLeft(const char* tail) {
  for (; tail != nullptr && *tail != '\0'; ++tail) {
    if (*tail != ';' && *tail != ' ' && *tail != '\n' && *tail != '\t' && *tail != '\r') return false;
  }
  return true;
}

}  // namespace

Result<std::unique_ptr<Database>> SqliteDatabase::Open(const std::string& path) {
  if (path.empty()) {
    return Status::InvalidArgument("数据库路径为空", "database path is empty");
  }
  if (path != ":memory:") SH_RETURN_IF_ERROR(CreateParentDirectory(path));
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return DatabaseUnavailable("open " + path, msg);
  }
  sqlite3_extended_result_codes(db, 1);
  std::unique_ptr<SqliteDatabase> out(new SqliteDatabase(db, path));
  // The first statement reads the file header, so "not a database" surfaces here.
  // A 64 MiB page cache (allocated only as used) keeps a million-row import from spilling
  // dirty pages to the WAL file after every few thousand rows (the "WAL cache cliff").
  Status s = out->ExecScript(
      "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL; "
      "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY; PRAGMA secure_delete=ON;");
  if (!s.ok()) return DatabaseUnavailable("open " + path, s.message_en());
  // Personal data: the file and its WAL/SHM (which SQLite creates with the file's mode) are the
  // owner's alone; secure_delete (above) overwrites deleted rows instead of leaving them in free pages.
  if (path != ":memory:") RestrictDatabaseFileModes(path);
  return std::unique_ptr<Database>(std::move(out));
}

SqliteDatabase::~SqliteDatabase() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Status SqliteDatabase::Error(int rc) const {
  const char* msg = sqlite3_errmsg(db_);
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return UniqueViolation(msg);
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return ForeignKeyViolation(msg);
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return ConstraintViolation(msg);
    default:
      break;
  }
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
      return DatabaseUnavailable(path_, msg);
    case SQLITE_FULL:
      return DiskFull(msg);
    default:
      return DatabaseError(msg);
  }
}

Result<sqlite3_stmt*> SqliteDatabase::Prepare(std::string_view sql) {
  if (auto it = statements_.find(sql); it != statements_.end()) return it->second;
  std::string key(sql);
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
  if (rc != SQLITE_OK) return Error(rc);
  if (stmt == nullptr || !OnlySeparatorsLeft(tail)) {
    sqlite3_finalize(stmt);
    return Status::Internal("expected exactly one SQL statement (use ExecScript for scripts): " + key);
  }
  statements_.emplace(std::move(key), stmt);
  return stmt;
}

Status SqliteDatabase::Run(sqlite3_stmt* stmt, Rows* out) {
  const int width = sqlite3_column_count(stmt);
  if (out != nullptr) {
    out->columns.clear();
    for (int i = 0; i < width; ++i) out->columns.emplace_back(sqlite3_column_name(stmt, i));
  }
  for (;;) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) return Status::Ok();
    if (rc != SQLITE_ROW) return Error(rc);
    if (out == nullptr) continue;
    std::vector<Value>& row = out->rows.emplace_back();
    row.reserve(width);
    for (int i = 0; i < width; ++i) row.push_back(ColumnValue(stmt, i));
  }
}

Status SqliteDatabase::RunWith(std::string_view sql, const std::vector<Value>& params, Rows* out) {
  SH_ASSIGN_OR_RETURN(sqlite3_stmt * stmt, Prepare(sql));
  StatementUse use(stmt);
  const int expected = sqlite3_bind_parameter_count(stmt);
  if (expected != static_cast<int>(params.size())) {
    return Status::Internal("statement expects " + std::to_string(expected) + " parameters, got " +
                            std::to_string(params.size()) + ": " + std::string(sql));
  }
  for (size_t i = 0; i < params.size(); ++i) {
    const int rc = BindValue(stmt, static_cast<int>(i + 1), params[i]);
    if (rc != SQLITE_OK) return Error(rc);
  }
  return Run(stmt, out);
}

Result<Rows> SqliteDatabase::Query(std::string_view sql, const std::vector<Value>& params) {
  Rows rows;
  SH_RETURN_IF_ERROR(RunWith(sql, params, &rows));
  return rows;
}

Result<int64_t> SqliteDatabase::Execute(std::string_view sql, const std::vector<Value>& params) {
  SH_RETURN_IF_ERROR(RunWith(sql, params, nullptr));
  return static_cast<int64_t>(sqlite3_changes64(db_));
}

Status SqliteDatabase::ExecScript(std::string_view sql) {
  const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::Ok() : Error(rc);
}

Status SqliteDatabase::BulkInsert(std::string_view table, const std::vector<std::string>& columns,
                                  const std::vector<std::vector<Value>>& rows) {
  SH_RETURN_IF_ERROR(CheckBulkInsertArgs(table, columns, rows));
  if (rows.empty()) return Status::Ok();
  if (depth_ == 0) {
    return InTransaction(*this, [&] { return BulkInsert(table, columns, rows); });
  }

  const size_t width = columns.size();
  const size_t max_params = static_cast<size_t>(sqlite3_limit(db_, SQLITE_LIMIT_VARIABLE_NUMBER, -1));
  const size_t batch = std::max<size_t>(1, std::min(kBulkBatchRows, max_params / width));
  std::string head = "INSERT INTO " + std::string(table) + " (";
  std::string tuple = "(";
  for (size_t c = 0; c < width; ++c) {
    head += (c ? "," : "") + columns[c];
    tuple += c ? ",?" : "?";
  }
  head += ") VALUES ";
  tuple += ")";
  auto insert_sql = [&](size_t tuples) {
    std::string sql = head;
    for (size_t t = 0; t < tuples; ++t) sql += (t ? "," : "") + tuple;
    return sql;
  };
  // Binds rows [first, first + count) into stmt and runs it once.
  auto insert_rows = [&](sqlite3_stmt* stmt, size_t first, size_t count) -> Status {
    StatementUse use(stmt);
    int index = 1;
    for (size_t r = first; r < first + count; ++r) {
      for (const Value& v : rows[r]) {
        const int rc = BindValue(stmt, index++, v);
        if (rc != SQLITE_OK) return Error(rc);
      }
    }
    return Run(stmt, nullptr);
  };

  size_t next = 0;
  if (rows.size() >= batch) {
    SH_ASSIGN_OR_RETURN(sqlite3_stmt * many, Prepare(insert_sql(batch)));
    for (; next + batch <= rows.size(); next += batch) SH_RETURN_IF_ERROR(insert_rows(many, next, batch));
  }
  if (next < rows.size()) {
    SH_ASSIGN_OR_RETURN(sqlite3_stmt * one, Prepare(insert_sql(1)));
    for (; next < rows.size(); ++next) SH_RETURN_IF_ERROR(insert_rows(one, next, 1));
  }
  return Status::Ok();
}

Status SqliteDatabase::BeginAs(std::string_view top_begin) {
  // Cached like any statement: sqlite3_exec would prepare it anew on every call.
  SH_RETURN_IF_ERROR(RunWith(BeginSql(depth_, top_begin), {}, nullptr));
  ++depth_;
  return Status::Ok();
}

Status SqliteDatabase::Begin() { return BeginAs("BEGIN IMMEDIATE"); }

Status SqliteDatabase::BeginRead() { return BeginAs("BEGIN DEFERRED"); }

Status SqliteDatabase::Commit() {
  if (depth_ == 0) return Status::Internal("Commit without Begin");
  Status s = RunWith(CommitSql(depth_), {}, nullptr);
  if (s.ok()) {
    --depth_;
  } else if (sqlite3_get_autocommit(db_)) {
    depth_ = 0;  // SQLite already rolled the whole transaction back
  }
  return s;
}

Status SqliteDatabase::Rollback() {
  if (depth_ == 0) return Status::Internal("Rollback without Begin");
  if (sqlite3_get_autocommit(db_)) {
    // Some errors (I/O, full disk, interrupt) make SQLite roll back on its own: nothing is left to undo.
    depth_ = 0;
    return Status::Ok();
  }
  SH_RETURN_IF_ERROR(ExecScript(RollbackSql(depth_)));  // nested: two statements
  --depth_;
  return Status::Ok();
}

Status SqliteDatabase::Backup(const std::string& out_path) {
  SH_RETURN_IF_ERROR(PrepareBackupTarget(out_path));
  sqlite3* dest = nullptr;
  int rc = sqlite3_open_v2(out_path.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_backup* backup = sqlite3_backup_init(dest, "main", db_, "main");
    if (backup != nullptr) {
      // Another connection may hold a lock for a moment; retry for about the busy timeout.
      for (int attempt = 0; attempt < 500; ++attempt) {
        rc = sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      sqlite3_backup_finish(backup);
    } else {
      rc = sqlite3_errcode(dest);
    }
  }
  if (rc == SQLITE_DONE) {
    rc = sqlite3_close(dest);
    if (rc == SQLITE_OK) return Status::Ok();
  }
  std::string msg = dest != nullptr ? sqlite3_errmsg(dest) : sqlite3_errstr(rc);
  sqlite3_close(dest);
  std::error_code ec;
  fs::remove(out_path, ec);
  return DatabaseError("backup to " + out_path + ": " + msg);
}

}  // namespace shanhai

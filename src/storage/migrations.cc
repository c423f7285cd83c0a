#include "storage/migrations.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <ctime>

namespace shanhai {
namespace {

constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
constexpr std::string_view kSqliteTableExists =
    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
// to_regclass resolves the name through search_path exactly as the unqualified queries do.
constexpr std::string_view kPostgresTableExists = "SELECT to_regclass('schema_migrations') IS NOT NULL";
constexpr std::string_view kMaxVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr std::string_view kRecord = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)";
constexpr std::string_view kPostgresLock = "SELECT pg_advisory_xact_lock(?)";
// Arbitrary but fixed: every Shanhai process migrating the same PostgreSQL database takes this lock.
constexpr int64_t kMigrationLockKey = 0x5368616e686169;  // "Shanhai"

constexpr std::string_view kIdMacro = "{{ID}}";
constexpr std::string_view kSqliteBlock = "{{SQLITE}}";
constexpr std::string_view kPostgresBlock = "{{POSTGRES}}";
constexpr std::string_view kEndBlock = "{{END}}";

std::string NowUtc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Serialises migrating processes on PostgreSQL until the transaction ends. SQLite needs nothing:
// BEGIN IMMEDIATE already excludes other writers.
Status LockForMigration(Database& db) {
  if (db.dialect() != Dialect::kPostgres) return Status::Ok();
  return db.Query(kPostgresLock, {kMigrationLockKey}).status();
}

Status EnsureTable(Database& db) {
  return InTransaction(db, [&]() -> Status {
    SH_RETURN_IF_ERROR(LockForMigration(db));
    return db.ExecScript(kCreateTable);
  });
}

// The same Status code with context put in front of both messages.
Status Prefixed(const Status& s, const std::string& zh, const std::string& en) {
  const std::string z = zh + s.message_zh();
  const std::string e = en + s.message_en();
  switch (s.code()) {
    case Code::kOk: return s;
    case Code::kInvalidArgument: return Status::InvalidArgument(z, e);
    case Code::kNotFound: return Status::NotFound(z, e);
    case Code::kConflict: return Status::Conflict(z, e);
    case Code::kPermissionDenied: return Status::PermissionDenied(z, e);
    case Code::kUnauthenticated: return Status::Unauthenticated(z, e);
    case Code::kUnavailable: return Status::Unavailable(z, e);
    case Code::kInternal: return Status::Internal(e);
  }
  return Status::Internal(e);
}

Status Apply(Database& db, const Migration& m) {
  return InTransaction(db, [&]() -> Status {
    SH_RETURN_IF_ERROR(LockForMigration(db));
    // Another process may have applied it since we looked.
    SH_ASSIGN_OR_RETURN(int64_t current, SchemaVersion(db));
    if (current >= m.version) return Status::Ok();
    SH_RETURN_IF_ERROR(db.ExecScript(ExpandDialectMacros(m.sql, db.dialect())));
    return db.Execute(kRecord, {m.version, m.name, NowUtc()}).status();
  });
}

}  // namespace

Result<std::vector<Migration>> EmbeddedMigrations() {
  std::vector<Migration> out;
  for (const MigrationFile& f : EmbeddedMigrationFiles()) {
    // The build has checked the name is NNNN_name.sql.
    Migration m;
    const size_t underscore = f.file_name.find('_');
    std::from_chars(f.file_name.data(), f.file_name.data() + underscore, m.version);
    m.name = std::string(f.file_name.substr(underscore + 1, f.file_name.size() - underscore - 1 - 4));
    m.sql = std::string(f.sql);
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (size_t i = 1; i < out.size(); ++i) {
    if (out[i].version == out[i - 1].version) {
      return Status::Internal("two migrations share version " + std::to_string(out[i].version) + ": " +
                              out[i - 1].name + ", " + out[i].name);
    }
  }
  return out;
}

namespace {

// sql keeping each {{SQLITE}} … {{END}} block's text on SQLite only and each {{POSTGRES}} … {{END}}
// block's on PostgreSQL only. A block without its {{END}} is left as written: the script then fails
// on both dialects, naming the marker.
std::string KeepDialectBlocks(std::string_view sql, Dialect dialect) {
  std::string out;
  size_t from = 0;
  for (;;) {
    const size_t sqlite = sql.find(kSqliteBlock, from), postgres = sql.find(kPostgresBlock, from);
    const size_t at = std::min(sqlite, postgres);
    if (at == std::string_view::npos) break;
    const bool for_sqlite = at == sqlite;
    const size_t body = at + (for_sqlite ? kSqliteBlock : kPostgresBlock).size();
    const size_t end = sql.find(kEndBlock, body);
    if (end == std::string_view::npos) break;
    out.append(sql.substr(from, at - from));
    if (for_sqlite == (dialect == Dialect::kSqlite)) out.append(sql.substr(body, end - body));
    from = end + kEndBlock.size();
  }
  out.append(sql.substr(from));
  return out;
}

}  // namespace

std::string ExpandDialectMacros(std::string_view raw_sql, Dialect dialect) {
  const std::string kept = KeepDialectBlocks(raw_sql, dialect);
  const std::string_view sql = kept;
  // AUTOINCREMENT: SQLite must never hand a deleted record's id to a new one, or the new
  // record would inherit the old one's history and evidence.
  const std::string_view id = dialect == Dialect::kSqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                                          : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
  std::string out;
  size_t from = 0;
  for (size_t at = sql.find(kIdMacro); at != std::string_view::npos; at = sql.find(kIdMacro, from)) {
    out.append(sql.substr(from, at - from));
    out.append(id);
    from = at + kIdMacro.size();
  }
  out.append(sql.substr(from));
  return out;
}

Status Migrate(Database& db) {
  SH_ASSIGN_OR_RETURN(std::vector<Migration> migrations, EmbeddedMigrations());
  return Migrate(db, migrations);
}

Status Migrate(Database& db, const std::vector<Migration>& migrations) {
  for (size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version <= 0 || (i > 0 && migrations[i].version <= migrations[i - 1].version)) {
      return Status::Internal("migration versions must be positive and strictly ascending at " +
                              std::to_string(migrations[i].version));
    }
  }
  SH_RETURN_IF_ERROR(EnsureTable(db));
  SH_ASSIGN_OR_RETURN(int64_t current, SchemaVersion(db));
  for (const Migration& m : migrations) {
    if (m.version <= current) continue;
    const std::string label = std::to_string(m.version) + "_" + m.name;
    Status s = Apply(db, m);
    if (!s.ok()) return Prefixed(s, "数据库迁移 " + label + " 失败：", "migration " + label + " failed: ");
  }
  return Status::Ok();
}

Result<int64_t> SchemaVersion(Database& db) {
  SH_ASSIGN_OR_RETURN(Rows exists,
                      db.Query(db.dialect() == Dialect::kSqlite ? kSqliteTableExists : kPostgresTableExists));
  if (exists.rows.empty() || AsInt(exists.rows[0][0]) == 0) return int64_t{0};
  SH_ASSIGN_OR_RETURN(Rows max, db.Query(kMaxVersion));
  return AsInt(max.rows.at(0).at(0));
}

}  // namespace shanhai

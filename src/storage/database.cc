#include "storage/database.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "storage/postgres/postgres_database.h"
#include "storage/sqlite/sqlite_database.h"

namespace shanhai {

bool IsNull(const Value& v) { return std::holds_alternative<std::monostate>(v); }

std::string AsText(const Value& v) {
  if (const auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) {
    // Shortest text that reads back as the same double (std::to_string would print 6 decimals).
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *d);
    return ec == std::errc() ? std::string(buf, end) : std::string();
  }
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return {};
}

int64_t AsInt(const Value& v) {
  if (const auto* i = std::get_if<int64_t>(&v)) return *i;
  if (const auto* d = std::get_if<double>(&v)) {
    // Casting an out-of-range double is undefined behaviour; saturate instead.
    if (std::isnan(*d)) return 0;
    if (*d >= 9.2233720368547758e18) return std::numeric_limits<int64_t>::max();
    if (*d <= -9.2233720368547758e18) return std::numeric_limits<int64_t>::min();
    return static_cast<int64_t>(*d);
  }
  if (const auto* s = std::get_if<std::string>(&v)) {
    int64_t out = 0;
    auto [ptr, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
    return ec == std::errc() && ptr == s->data() + s->size() ? out : 0;
  }
  return 0;
}

int Rows::Column(std::string_view name) const {
  for (size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return PostgresDatabase::Open(url);
  return SqliteDatabase::Open(url);
}

Transaction::Transaction(Database& db, TransactionKind kind)
    : db_(db), begin_status_(kind == TransactionKind::kRead ? db.BeginRead() : db.Begin()) {}

Transaction::~Transaction() {
  // A destructor cannot report failure; a rollback fails only when the connection itself is
  // broken, and the caller's next call on it reports that.
  if (begin_status_.ok() && !done_) (void)db_.Rollback();
}

Status Transaction::Commit() {
  if (!begin_status_.ok()) return begin_status_;
  if (done_) return Status::Internal("transaction committed twice");
  Status s = db_.Commit();
  if (s.ok()) done_ = true;
  return s;
}

namespace {

Status InTransactionOf(TransactionKind kind, Database& db, const std::function<Status()>& fn) {
  Transaction tx(db, kind);
  SH_RETURN_IF_ERROR(tx.begin_status());
  SH_RETURN_IF_ERROR(fn());
  return tx.Commit();
}

}  // namespace

Status InTransaction(Database& db, const std::function<Status()>& fn) {
  return InTransactionOf(TransactionKind::kWrite, db, fn);
}

Status InReadTransaction(Database& db, const std::function<Status()>& fn) {
  return InTransactionOf(TransactionKind::kRead, db, fn);
}

}  // namespace shanhai

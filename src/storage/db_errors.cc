#include "storage/db_errors.h"

#include <cctype>
#include <string>

namespace shanhai {
namespace {

constexpr std::string_view kUniqueEn = "record already exists (unique constraint)";
constexpr std::string_view kForeignKeyEn =
    "related record conflict: the record is referenced by others, or the record it refers to does not exist "
    "(foreign key)";
// SQLite's whole detail of a foreign-key failure: it names neither table nor column.
constexpr std::string_view kSqliteForeignKeyDetail = "FOREIGN KEY constraint failed";

bool IsIdentifier(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  return true;
}

// "a, b" → {"a", "b"}, each without a "table." prefix; empty if any part is no plain column.
std::vector<std::string> ColumnList(std::string_view list) {
  std::vector<std::string> out;
  while (!list.empty()) {
    const size_t comma = list.find(',');
    std::string_view part = list.substr(0, comma);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (const size_t dot = part.rfind('.'); dot != std::string_view::npos) part.remove_prefix(dot + 1);
    if (!IsIdentifier(part)) return {};
    out.emplace_back(part);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

// Appends the database's detail after a separator, or nothing when there is none.
std::string WithDetail(std::string_view head, std::string_view detail) {
  std::string out(head);
  if (!detail.empty()) {
    out += ": ";
    out += detail;
  }
  return out;
}

// PostgreSQL's detail names the key's values: "Key (id_number_hash)=(9f…) already exists."
// They are another record's data (a person's look-up hash, a name in another pair) and go
// to users, error sheets and logs, so only the columns are kept: "Key (id_number_hash) …".
std::string WithoutKeyValues(std::string_view detail) {
  const size_t open = detail.find(")=(");
  if (open == std::string_view::npos) return std::string(detail);
  const size_t close = detail.rfind(") ");
  const size_t values_end = close == std::string_view::npos || close <= open + 2 ? detail.size() : close + 1;
  std::string out(detail.substr(0, open + 1));
  out.append(detail.substr(values_end));
  return out;
}

// PostgreSQL's message of a CHECK or NOT NULL violation ends "DETAIL: Failing row contains
// (…)": the whole record. Only the sentence naming the constraint is kept.
std::string WithoutFailingRow(std::string_view message) {
  const size_t detail = message.find("DETAIL:");
  std::string out(message.substr(0, detail));
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace

std::vector<std::string> UniqueKeyColumnsOf(std::string_view detail) {
  constexpr std::string_view kSqlite = "UNIQUE constraint failed:";
  constexpr std::string_view kPostgres = "Key (";
  if (const size_t at = detail.find(kSqlite); at != std::string_view::npos)
    return ColumnList(detail.substr(at + kSqlite.size()));
  if (const size_t at = detail.find(kPostgres); at != std::string_view::npos) {
    const std::string_view rest = detail.substr(at + kPostgres.size());
    const size_t close = rest.find(')');
    if (close != std::string_view::npos) return ColumnList(rest.substr(0, close));
  }
  return {};
}

Status UniqueViolation(std::string_view raw_detail) {
  const std::string detail = WithoutKeyValues(raw_detail);
  std::vector<FieldError> columns;
  for (std::string& c : UniqueKeyColumnsOf(raw_detail))
    columns.push_back({0, std::move(c), "与已有记录重复", "the same as a stored record"});
  Status s = Status::Conflict(WithDetail("记录已存在（唯一约束冲突）", detail), WithDetail(kUniqueEn, detail));
  s.WithDetails(std::move(columns));
  return s;
}

Status ForeignKeyViolation(std::string_view raw_detail) {
  // SQLite's detail repeats the head in its own words and names nothing: left out.
  const std::string detail = raw_detail == kSqliteForeignKeyDetail ? "" : WithoutKeyValues(raw_detail);
  return Status::Conflict(WithDetail("关联记录冲突：被其他记录引用或引用的记录不存在（外键约束）", detail),
                          WithDetail(kForeignKeyEn, detail));
}

bool IsUniqueViolation(const Status& s) {
  return s.code() == Code::kConflict && s.message_en().starts_with(kUniqueEn);
}

bool IsForeignKeyViolation(const Status& s) {
  return s.code() == Code::kConflict && s.message_en().starts_with(kForeignKeyEn);
}

std::vector<std::string> UniqueKeyColumns(const Status& s) {
  std::vector<std::string> out;
  if (!IsUniqueViolation(s)) return out;
  for (const FieldError& e : s.details()) out.push_back(e.field);
  return out;
}

Status ConstraintViolation(std::string_view raw_detail) {
  const std::string detail = WithoutFailingRow(raw_detail);
  return Status::InvalidArgument(WithDetail("数据不符合约束（必填或取值检查）", detail),
                                 WithDetail("value violates a constraint (required or check)", detail));
}

Status DatabaseUnavailable(std::string_view where, std::string_view detail) {
  std::string w(where);
  return Status::Unavailable(WithDetail("数据库不可用（" + w + "）", detail),
                             WithDetail("database unavailable (" + w + ")", detail));
}

Status DiskFull(std::string_view detail) {
  return Status::Unavailable(WithDetail("磁盘已满，数据未写入（请释放磁盘空间后重试）", detail),
                             WithDetail("disk full, nothing was written (free disk space and retry)", detail));
}

Status DatabaseError(std::string_view detail) { return Status::Internal(WithDetail("database error", detail)); }

}  // namespace shanhai

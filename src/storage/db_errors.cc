#include "storage/db_errors.h"

#include <string>

namespace shanhai {
namespace {

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

Status UniqueViolation(std::string_view raw_detail) {
  const std::string detail = WithoutKeyValues(raw_detail);
  return Status::Conflict(WithDetail("记录已存在（唯一约束冲突）", detail),
                          WithDetail("record already exists (unique constraint)", detail));
}

Status ForeignKeyViolation(std::string_view raw_detail) {
  const std::string detail = WithoutKeyValues(raw_detail);
  return Status::Conflict(
      WithDetail("关联记录冲突：被其他记录引用或引用的记录不存在（外键约束）", detail),
      WithDetail("related record conflict: the record is referenced by others, or the record it "
                 "refers to does not exist (foreign key)",
                 detail));
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

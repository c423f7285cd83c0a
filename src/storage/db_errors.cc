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

}  // namespace

Status UniqueViolation(std::string_view detail) {
  return Status::Conflict(WithDetail("记录已存在（唯一约束冲突）", detail),
                          WithDetail("record already exists (unique constraint)", detail));
}

Status ForeignKeyViolation(std::string_view detail) {
  return Status::Conflict(
      WithDetail("关联记录冲突：被其他记录引用或引用的记录不存在（外键约束）", detail),
      WithDetail("related record conflict: the record is referenced by others, or the record it "
                 "refers to does not exist (foreign key)",
                 detail));
}

Status ConstraintViolation(std::string_view detail) {
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

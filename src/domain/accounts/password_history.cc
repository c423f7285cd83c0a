#include "domain/accounts/password_history.h"

#include <algorithm>

#include "security/password.h"

namespace shanhai {

namespace {

constexpr const char* kRecentHashes =
    "SELECT id, password_hash FROM password_history WHERE user_id = ? ORDER BY id DESC LIMIT ?";
constexpr const char* kInsertHash = "INSERT INTO password_history (user_id, password_hash, created_at) VALUES (?, ?, ?)";
constexpr const char* kDeleteOlder = "DELETE FROM password_history WHERE user_id = ? AND id < ?";

}  // namespace

Status PasswordHistory::CheckNotReused(int64_t user_id, const std::string& password, int depth) {
  if (depth <= 0) return Status::Ok();
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kRecentHashes, {user_id, int64_t{depth}}));
  for (const auto& row : rows.rows) {
    if (!VerifyPassword(AsText(row[1]), password)) continue;
    const std::string zh = "新密码不能与最近 " + std::to_string(depth) + " 次用过的密码相同";
    const std::string en = "the new password must differ from the last " + std::to_string(depth) + " passwords";
    return Status::InvalidField("new_password", zh, en);
  }
  return Status::Ok();
}

Status PasswordHistory::Record(int64_t user_id, const std::string& hash, const std::string& at, int depth) {
  SH_RETURN_IF_ERROR(db_.Execute(kInsertHash, {user_id, hash, at}).status());
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kRecentHashes, {user_id, int64_t{std::max(depth, 1)}}));
  return db_.Execute(kDeleteOlder, {user_id, rows.rows.back()[0]}).status();
}

}  // namespace shanhai

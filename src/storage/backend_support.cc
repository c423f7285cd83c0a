#include "storage/backend_support.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "storage/db_errors.h"

namespace shanhai {
namespace {

std::string SavepointName(int level) { return "sp" + std::to_string(level); }

}  // namespace

std::string BeginSql(int depth, std::string_view top_begin) {
  if (depth == 0) return std::string(top_begin);
  return "SAVEPOINT " + SavepointName(depth);
}

std::string CommitSql(int depth) {
  if (depth <= 1) return "COMMIT";
  return "RELEASE SAVEPOINT " + SavepointName(depth - 1);
}

std::string RollbackSql(int depth) {
  if (depth <= 1) return "ROLLBACK";
  const std::string name = SavepointName(depth - 1);
  return "ROLLBACK TO SAVEPOINT " + name + "; RELEASE SAVEPOINT " + name;
}

bool IsPlainIdentifier(std::string_view name) {
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    const bool digit = c >= '0' && c <= '9';
    if (!letter && !(digit && i > 0)) return false;
  }
  return true;
}

Status CheckBulkInsertArgs(std::string_view table, const std::vector<std::string>& columns,
                           const std::vector<std::vector<Value>>& rows) {
  if (!IsPlainIdentifier(table)) {
    return Status::InvalidArgument("批量导入的表名无效：" + std::string(table),
                                   "invalid table name for bulk insert: " + std::string(table));
  }
  if (columns.empty()) {
    return Status::InvalidArgument("批量导入未指定列", "bulk insert needs at least one column");
  }
  for (const std::string& c : columns) {
    if (!IsPlainIdentifier(c)) {
      return Status::InvalidArgument("批量导入的列名无效：" + c, "invalid column name for bulk insert: " + c);
    }
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].size() != columns.size()) {
      const std::string n = std::to_string(i + 1);
      const std::string want = std::to_string(columns.size());
      return Status::InvalidArgument("批量导入第 " + n + " 行的值个数不是 " + want,
                                     "bulk insert row " + n + " does not have " + want + " values");
    }
  }
  return Status::Ok();
}

Status CreateParentDirectory(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return Status::Ok();
  std::error_code ec;
  if (std::filesystem::exists(parent, ec)) return Status::Ok();
  std::filesystem::create_directories(parent, ec);
  if (ec) return DatabaseUnavailable("create " + parent.string(), ec.message());
  std::filesystem::permissions(parent, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace, ec);
  return Status::Ok();
}

Status PrepareBackupTarget(const std::string& out_path) {
  std::error_code ec;
  if (std::filesystem::exists(out_path, ec) && std::filesystem::file_size(out_path, ec) > 0) {
    return Status::InvalidArgument("备份目标文件已存在：" + out_path, "backup target already exists: " + out_path);
  }
  SH_RETURN_IF_ERROR(CreateParentDirectory(out_path));
  const int fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return DatabaseUnavailable("create " + out_path, std::strerror(errno));
  ::fchmod(fd, 0600);  // an empty file left by someone else may have had a wider mode
  ::close(fd);
  return Status::Ok();
}

void RestrictDatabaseFileModes(const std::string& path) {
  for (const std::string& file : {path, path + "-wal", path + "-shm"}) {
    std::error_code ec;
    if (std::filesystem::exists(file, ec))
      std::filesystem::permissions(file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                   std::filesystem::perm_options::replace, ec);
  }
}

}  // namespace shanhai

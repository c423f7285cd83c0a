#include "excel/write_failure.h"

#include <cerrno>
#include <cstring>

namespace shanhai::excel {

Status WriteFailure(const std::string& path, int err) {
  struct Cause {
    int err;
    const char* zh;
    const char* en;
  };
  // Causes a clerk can act on, each said the way they would look for it.
  static constexpr Cause kPathCauses[] = {
      {ENOENT, "所在文件夹不存在", "the folder does not exist"},
      {ENOTDIR, "路径中有一段不是文件夹", "a part of the path is not a folder"},
      {EISDIR, "这是一个文件夹", "it is a folder"},
      {EACCES, "没有写入权限", "permission denied"},
      {EROFS, "磁盘只读", "the disk is read-only"},
  };
  for (const Cause& c : kPathCauses)
    if (c.err == err)
      return Status::InvalidArgument("无法写入文件 " + path + "：" + c.zh, "cannot write " + path + ": " + c.en);
  if (err == ENOSPC)
    return Status::Unavailable("无法写入文件 " + path + "：磁盘已满", "cannot write " + path + ": the disk is full");
  const std::string why = std::strerror(err);
  return Status::Unavailable("无法写入文件 " + path + "（" + why + "）", "cannot write " + path + ": " + why);
}

}  // namespace shanhai::excel

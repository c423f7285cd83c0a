#include "http/handlers/temp_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "http/access_log.h"
#include "security/tokens.h"

namespace shanhai {

namespace {

// The answer to a client when the server could not use its own scratch file (the cause is in the log).
Status ServerFileFault(const std::string& path, const std::string& cause) {
  LogError("temp_file_failed", {{"path", path}, {"error", cause}});
  return Status::Unavailable("服务器暂时无法生成文件，请稍后重试或联系管理员",
                             "the server could not make the file; try again later or ask the administrator");
}

}  // namespace

TempFile::TempFile(const std::string& extension)
    : path_((std::filesystem::temp_directory_path() / ("shanhai-" + NewToken() + extension)).string()) {}

TempFile::~TempFile() {
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

Status TempFile::Written(Status written) const {
  if (written.ok()) return written;
  const bool names_this_file = written.message_en().find(path_) != std::string::npos ||
                               written.message_zh().find(path_) != std::string::npos;
  return names_this_file ? ServerFileFault(path_, written.message_en()) : written;
}

Result<std::string> TempFile::Read() const {
  std::ifstream in(path_, std::ios::binary);
  if (!in) return ServerFileFault(path_, "cannot read");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace shanhai

#include "http/handlers/temp_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "security/tokens.h"

namespace shanhai {

TempFile::TempFile(const std::string& extension)
    : path_((std::filesystem::temp_directory_path() / ("shanhai-" + NewToken() + extension)).string()) {}

TempFile::~TempFile() {
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Internal("cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace shanhai

// Scratch files of the file handlers (exports built on disk, then sent).
#pragma once

#include <string>

#include "common/status.h"

namespace shanhai {

// A file name in the system's temporary directory that nobody can guess ("shanhai-<random>"
// + extension); the file, if created, is removed when the object goes. Not thread-safe.
class TempFile {
 public:
  explicit TempFile(const std::string& extension);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The bytes of the file at path. Errors: Internal if it cannot be read.
Result<std::string> ReadWholeFile(const std::string& path);

}  // namespace shanhai

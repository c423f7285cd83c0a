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

  // What writing this file returned (a writer given path()). A failure naming this file — the
  // writers name the path they were given (excel/write_failure.h), and nothing else knows this
  // random one — is the server's own fault, however the writer classed it: Unavailable (503),
  // logged with its cause and answered without the server's path. Any other status is returned
  // as it is (bad input, a permission: the client's).
  Status Written(Status written) const;
  // The file's bytes. Errors: Unavailable (logged, without the path) if it cannot be read.
  Result<std::string> Read() const;

 private:
  std::string path_;
};

}  // namespace shanhai

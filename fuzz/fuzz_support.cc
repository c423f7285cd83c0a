#include "fuzz_support.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace shanhai::fuzz {

std::string TempPath(const std::string& suffix) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir && *dir ? dir : "/tmp") + "/shanhai-fuzz-" + std::to_string(getpid()) + suffix;
}

std::string WriteInputFile(std::string_view bytes, const std::string& extension) {
  const std::string path = TempPath(extension);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) PropertyFailed("cannot write the input file " + path);
  return path;
}

void PropertyFailed(std::string_view what) {
  std::fprintf(stderr, "fuzz property violated: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

}  // namespace shanhai::fuzz

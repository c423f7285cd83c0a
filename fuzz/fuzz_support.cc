#include "fuzz_support.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>

namespace shanhai::fuzz {

namespace {

// The files TempPath handed out, removed when the process exits normally.
std::set<std::string>& TempFiles() {
  static std::set<std::string> files;
  return files;
}

void RemoveTempFiles() {
  for (const std::string& path : TempFiles()) std::remove(path.c_str());
}

}  // namespace

std::string TempPath(const std::string& suffix) {
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/shanhai-fuzz-" + std::to_string(getpid()) + suffix;
  if (TempFiles().empty()) std::atexit(RemoveTempFiles);
  TempFiles().insert(path);
  return path;
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

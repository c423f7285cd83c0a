// Helpers shared by the fuzz targets (fuzz/README.md): turning the fuzzer's bytes into what the
// code under test takes, and failing loudly when a property the target checks does not hold.
// Thread safety: none; a fuzz target runs one input at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace shanhai::fuzz {

// The fuzzer's input as text (bytes as they are, not necessarily UTF-8).
inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A path in $TMPDIR (or /tmp) of this process ending in suffix: the same path for the same
// suffix for the whole run, so files are overwritten rather than piling up; the file is removed
// when the process exits normally (after an abort it stays, beside the crash report).
std::string TempPath(const std::string& suffix);

// Writes bytes to TempPath(extension) (".csv", ".xlsx"), replacing the previous input of that
// extension, and returns its path. Readers that take a path (ReadCsv, ReadXlsx) are fuzzed
// through it. Aborts if the file cannot be written.
std::string WriteInputFile(std::string_view bytes, const std::string& extension);

// Prints what was violated and aborts, so libFuzzer (and the replay test) report a crash.
[[noreturn]] void PropertyFailed(std::string_view what);

}  // namespace shanhai::fuzz

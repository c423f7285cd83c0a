// Read-only access to the entries of a zip file (an .xlsx package), streamed entry by entry.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "common/status.h"

struct zip;
struct zip_file;

namespace shanhai::excel {

// One open entry. Not thread-safe; must not outlive the ZipArchive that opened it.
// An entry may unpack to at most kMaxUnpackRatio times its compressed size (and always to
// kUnpackAllowance bytes): our 1,000,000-row sheet deflates about 9 to 1 (437 MB of XML in 47 MB,
// bench/README), a decompression bomb about 1000 to 1,
// so a file that would swell a small upload into gigabytes is refused while it is read.
constexpr int64_t kMaxUnpackRatio = 100;
constexpr int64_t kUnpackAllowance = 16 << 20;
class ZipEntry {
 public:
  ~ZipEntry();
  ZipEntry(const ZipEntry&) = delete;
  ZipEntry& operator=(const ZipEntry&) = delete;

  // Reads up to size decompressed bytes into buffer. Returns the count, 0 at the end of the entry.
  // A damaged entry (bad deflate data, CRC mismatch) or one unpacking beyond its ratio gives
  // InvalidArgument.
  Result<size_t> Read(char* buffer, size_t size);

 private:
  friend class ZipArchive;
  ZipEntry(zip_file* file, std::string name, int64_t max_bytes)
      : file_(file), name_(std::move(name)), max_bytes_(max_bytes) {}
  zip_file* file_;
  std::string name_;
  int64_t max_bytes_;
  int64_t read_bytes_ = 0;
};

// An open zip file. Entries may be opened one after another; not thread-safe.
class ZipArchive {
 public:
  // Opens path read-only. Errors: NotFound when the file does not exist; InvalidArgument when it
  // is not a readable zip (zh/en message names the path's file as damaged or not an xlsx).
  static Result<std::unique_ptr<ZipArchive>> Open(const std::string& path);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Whether an entry of that name exists (ASCII case-insensitive, as some writers vary case).
  bool Has(const std::string& name) const;
  // The compressed size of an entry (case-insensitive name); 0 when missing.
  int64_t CompressedSize(const std::string& name) const;
  // Opens an entry by name (case-insensitive). Errors: InvalidArgument when missing or unreadable.
  Result<std::unique_ptr<ZipEntry>> OpenEntry(const std::string& name) const;

 private:
  explicit ZipArchive(zip* archive) : archive_(archive) {}
  zip* archive_;
};

// The InvalidArgument every xlsx structure problem maps to; detail_en says what was wrong.
Status DamagedXlsx(const std::string& detail_zh, const std::string& detail_en);

}  // namespace shanhai::excel

// Writing CSV that Excel opens correctly on a Chinese Windows: UTF-8 with BOM (without it Excel
// assumes GBK and shows mojibake), CRLF line ends, RFC 4180 quoting.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace shanhai::excel {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Appends cells as one CRLF-terminated record to out. A cell is quoted (with " doubled) when it
// holds a comma, quote, CR or LF, or starts or ends with a space (Excel would trim it otherwise).
// Cells are written as given (CsvWriter::WriteRow defuses formulas first). Pure, thread-safe.
void AppendCsvRecord(const std::vector<std::string>& cells, std::string& out);

// A CSV file being written. The content goes to "<path>.tmp" and replaces path only on a
// successful Close, so readers never see half a file. Not thread-safe.
class CsvWriter {
 public:
  // Creates "<path>.tmp" and writes the BOM. Errors: WriteFailure(path) (write_failure.h) when it
  // cannot be created: the message names path, not the temporary file.
  static Result<std::unique_ptr<CsvWriter>> Open(const std::string& path);
  // Discards the temporary file if Close was not called.
  ~CsvWriter();
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  // Writes one record. Cells are text unless numeric[i] says cell i is a number; text that
  // would start a formula is defused (DefusedCsvText), and so is a "number" that is not a
  // plain number, so a negative amount stays a number and "=cmd" never runs.
  // Errors: WriteFailure(path) on a write failure (disk full, ...).
  Status WriteRow(const std::vector<std::string>& cells, const std::vector<bool>& numeric = {});
  // Flushes and moves the file into place. Errors: WriteFailure(path). Call at most once.
  Status Close();

 private:
  CsvWriter(std::FILE* file, std::string path) : file_(file), path_(std::move(path)) {}
  std::FILE* file_;
  std::string path_;
  std::string line_;
  std::vector<std::string> defused_;
};

}  // namespace shanhai::excel

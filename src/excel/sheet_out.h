// One output sheet written row by row, .xlsx or .csv chosen by the file name: the common
// path of every export (ledgers, the audit log) and of error sheets.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "excel/csv_writer.h"
#include "excel/xlsx_writer.h"

namespace shanhai::excel {

// True if path ends with ext (".csv"), ignoring case. Pure.
bool PathEndsWith(const std::string& path, const char* ext);

class SheetOut {
 public:
  // Opens path (.csv, or .xlsx with one sheet named sheet_name, in constant-memory mode).
  // Errors: InvalidArgument (zh/en) for another extension; the writers' errors.
  static Result<std::unique_ptr<SheetOut>> Open(const std::string& path, const std::string& sheet_name);
  // The header row (bold in xlsx, columns widened).
  Status Header(const std::vector<std::string>& cells);
  // A data row; numeric[i] says cell i is a number (written as one in xlsx, so Excel can sum it).
  Status Row(const std::vector<std::string>& cells, const std::vector<bool>& numeric);
  // Finishes the file; until then path does not hold it.
  Status Close();

 private:
  SheetOut() = default;
  std::unique_ptr<CsvWriter> csv_;
  std::unique_ptr<XlsxWriter> xlsx_;
  int row_ = 0;
};

}  // namespace shanhai::excel

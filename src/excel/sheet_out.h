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

// What a cell holds, which decides how an xlsx cell is typed (a .csv gets the text either way).
enum class CellKind {
  kText,
  kNumber,  // a decimal number: a number cell, so Excel can sum it
  kDate,    // "YYYY-MM-DD": a date cell with a date format, so Excel can sort and filter by it
};

class SheetOut {
 public:
  // Opens path (.csv, or .xlsx with one sheet named sheet_name, in constant-memory mode).
  // Errors: InvalidArgument (zh/en) for another extension; the writers' errors.
  static Result<std::unique_ptr<SheetOut>> Open(const std::string& path, const std::string& sheet_name);
  // The header row (bold in xlsx, columns widened).
  Status Header(const std::vector<std::string>& cells);
  // A data row; kinds[i] says what cell i holds. Errors: the writers' (a kDate cell that is not
  // a date among them).
  Status Row(const std::vector<std::string>& cells, const std::vector<CellKind>& kinds);
  // The same, numeric[i] true for a kNumber cell, false for kText.
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

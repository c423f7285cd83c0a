// Streaming reader of .xlsx workbooks (Excel, WPS, libxlsxwriter, exceljs, ...).
// The sheet XML is parsed as a stream (libzip + expat), so memory stays bounded by the widest row
// plus the shared-string table, whatever the number of rows.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "excel/row_sink.h"

namespace shanhai::excel {

// Calls on_row for every non-empty row of sheet opts.sheet_index of the workbook at path, in file
// order, with row_number as the row's r attribute. Cell text:
//   shared and inline strings (rich-text runs joined, phonetic guides dropped) and formula string
//   results as-is; numbers via FormatNumber (1033.98, 4600); booleans "TRUE"/"FALSE"; error
//   values as Excel shows them ("#DIV/0!"); numbers whose style has a date/time format as
//   "YYYY-MM-DD[ HH:MM:SS]" or "HH:MM:SS" (see SerialToText; 1900 or 1904 date system from the
//   workbook); formulas contribute their cached value, or "" when none was saved.
// Missing cells inside a row are "" so cells[i] is always column i.
// Errors: NotFound (no such file); InvalidArgument (zh/en) for a file that is not an xlsx or is
// damaged, a sheet index out of range, or bad cell references; else whatever on_row returned.
// Thread-safe for distinct calls (no shared state).
Status ReadXlsx(const std::string& path, const RowCallback& on_row, const ReadOptions& opts = {});

// The sheet (tab) names of the workbook, in order, hidden sheets included. Errors as ReadXlsx.
Result<std::vector<std::string>> SheetNames(const std::string& path);

// The part of the file's size that sheet sheet_index accounts for: the file's size times the
// sheet's share of all sheets' compressed data (the whole file for a workbook of one sheet),
// so that a sheet is sized as if it were a file of its own. Errors as ReadXlsx.
Result<int64_t> SheetBytes(const std::string& path, int sheet_index);

}  // namespace shanhai::excel

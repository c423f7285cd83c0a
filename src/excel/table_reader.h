// One entry point for reading spreadsheet rows whatever the file type: the import pipeline calls
// ReadTable and gets UTF-8 cells row by row from .xlsx or .csv alike.
#pragma once

#include <string>

#include "common/status.h"
#include "excel/row_sink.h"

namespace shanhai::excel {

// Reads the table at path, choosing the reader by extension (case-insensitive): ".xlsx" →
// ReadXlsx (sheet opts.sheet_index), ".csv" → ReadCsv. on_row gets each non-empty row with its
// 1-based row number as the spreadsheet shows it; cells[i] is column i as UTF-8 text (formats as
// ReadXlsx documents; csv cells are the text as stored); a row may be shorter than the header.
// If on_row returns a non-ok Status, reading stops and that Status is returned.
// Errors: InvalidArgument (zh/en) for any other extension (.xls included: ask for .xlsx) and for
// damaged files; NotFound when the file does not exist. Thread-safe for distinct calls.
Status ReadTable(const std::string& path, const RowCallback& on_row, const ReadOptions& opts = {});

}  // namespace shanhai::excel

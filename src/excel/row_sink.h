// The row callback and options shared by every table reader (xlsx, csv, ReadTable).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"

namespace shanhai::excel {

// Receives one non-empty row. row_number is 1-based as the spreadsheet shows it.
// cells[i] is column i (A = 0) as UTF-8; cells.size() is one past the last non-empty cell,
// so a row may be shorter than the header: callers treat a missing index as "".
// Returning a non-ok Status stops the reading; the reader then returns that Status.
// The vector is reused between calls: copy what must outlive the call.
using RowCallback = std::function<Status(int64_t row_number, const std::vector<std::string>& cells)>;

struct ReadOptions {
  // xlsx only: 0-based index of the sheet in workbook order (as the tabs show). Ignored for csv.
  int sheet_index = 0;
};

}  // namespace shanhai::excel

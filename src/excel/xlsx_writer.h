// Writing .xlsx files (exports, import templates): a thin RAII wrapper over libxlsxwriter that maps
// its errors to Status and gives the house styles for header and instruction rows.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace shanhai::excel {

struct XlsxWriterOptions {
  // Streams each row to a temporary file instead of keeping the sheet in memory: use for big
  // exports. Rows must then be written in increasing order (cells of a row in any order); a cell
  // written to an earlier row is lost (libxlsxwriter's rule). Strings are stored inline.
  bool constant_memory = false;
};

// A workbook being written. Rows and columns are 0-based (row 0 is the sheet's row 1, column 0 is
// A). Every Write* goes to the sheet added last. The file goes to "<path>.tmp" and replaces path
// only on a successful Close; destroying the writer without Close discards everything.
// Not thread-safe.
class XlsxWriter {
 public:
  // Prepares the workbook. Errors: WriteFailure(path) (write_failure.h) when "<path>.tmp" cannot
  // be created (the message names path).
  static Result<std::unique_ptr<XlsxWriter>> Open(const std::string& path, const XlsxWriterOptions& options = {});
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // Adds a sheet (tab) and makes it current. name is UTF-8, Chinese welcome: at most 31
  // characters, none of []:*?/\ , not starting/ending with an apostrophe, unique (case-insensitive).
  // Errors: InvalidArgument (zh/en) naming the rule broken.
  Status AddSheet(const std::string& name);

  // Writes titles at row from column 0 in the header style (bold, filled, bordered) and freezes
  // the rows down to and including it. Errors: as the Write* functions.
  Status WriteHeaderRow(int row, const std::vector<std::string>& titles);
  // Writes per-column notes at row (e.g. "必填；格式 YYYY-MM-DD") in italic grey wrapped text;
  // height_points > 0 sets the row height (Excel does not grow rows for wrapped text it did not
  // lay out itself). Does not change the frozen rows: call FreezeTopRows(row + 1) to keep the
  // notes in view.
  Status WriteInstructionsRow(int row, const std::vector<std::string>& notes, double height_points = 0);
  // Keeps the top `count` rows in view while scrolling.
  Status FreezeTopRows(int count);

  // Cell writers. Errors: InvalidArgument (zh/en) for a row/column outside Excel's limits
  // (1,048,576 × 16,384), text over 32,767 characters, or no sheet added yet.
  Status WriteString(int row, int col, std::string_view text);
  Status WriteNumber(int row, int col, double value);
  // Integers of up to 15 digits are numbers; longer ones are written as text, since Excel keeps
  // only 15 significant digits and would silently change them.
  Status WriteInt64(int row, int col, int64_t value);
  // "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" written as a real Excel date (yyyy-mm-dd or
  // yyyy-mm-dd hh:mm:ss format). Errors: InvalidArgument for any other text.
  Status WriteDate(int row, int col, std::string_view iso);

  // Sets the width of columns first..last (inclusive) in characters of the default font
  // (a Chinese character is about 2). Errors: InvalidArgument for columns out of range.
  Status SetColumnWidth(int first_col, int last_col, double width);

  // Restricts cells rows first_row..last_row of column col to items, shown as a drop-down.
  // Excel warns about a value not in the list but lets it stay (the import reads more than the
  // list): warning is the message it shows, saying what else the column takes (at most 255 bytes).
  // Lists longer than 255 bytes joined (Excel's inline limit, in libxlsxwriter's bytes), or with items holding commas, are put
  // in a hidden sheet "_list<N>" added at this point and referenced from the validation.
  // Errors: InvalidArgument for an empty list, a bad range, or a sheet error.
  Status AddListValidation(int first_row, int last_row, int col, const std::vector<std::string>& items,
                           const std::string& warning);

  // Writes the file and moves it into place. Errors: InvalidArgument for content libxlsxwriter
  // rejects, Unavailable when the file cannot be written. Call at most once.
  Status Close();

 private:
  XlsxWriter(lxw_workbook* workbook, std::string path);
  Status RequireSheet() const;

  lxw_workbook* workbook_;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* header_format_ = nullptr;
  lxw_format* instructions_format_ = nullptr;
  lxw_format* date_format_ = nullptr;
  lxw_format* datetime_format_ = nullptr;
  std::string path_;
  int list_sheets_ = 0;
};

}  // namespace shanhai::excel

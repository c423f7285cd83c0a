// An RFC 4180 CSV record parser fed with UTF-8 text in chunks of any size.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "excel/row_sink.h"

namespace shanhai::excel {

// Splits records at CRLF, LF or a lone CR, fields at commas; "quoted" fields may hold commas,
// line breaks and doubled quotes (""). Lenient as Excel is where RFC 4180 is silent: a quote in
// the middle of an unquoted field is kept literally, as is text after a closing quote.
// Every record counts for row_number (as Excel numbers the lines), but records whose cells are all
// empty are not passed on. Not thread-safe; on_row is borrowed and must outlive the parser.
class CsvParser {
 public:
  explicit CsvParser(const RowCallback& on_row) : on_row_(on_row) {}

  // Parses the next chunk. Errors: on_row's status; InvalidArgument when a cell grows beyond
  // Excel's 32,767-character limit (almost always an unclosed quote) or a record beyond its 16,384
  // columns.
  Status Feed(std::string_view text);
  // Ends the input, passing on the last record. Errors: InvalidArgument for an unclosed quote.
  Status Finish();

 private:
  enum class State { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted, kAfterCr };
  Status EndField();  // InvalidArgument past Excel's 16,384 columns
  Status EndRecord();
  Status CheckFieldSize() const;

  const RowCallback& on_row_;
  State state_ = State::kFieldStart;
  std::vector<std::string> fields_;
  size_t field_count_ = 0;  // fields_[0, field_count_) belong to the current record
  std::string field_;
  int64_t row_number_ = 1;
};

}  // namespace shanhai::excel

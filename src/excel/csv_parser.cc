#include "excel/csv_parser.h"

#include "excel/cell_limits.h"

namespace shanhai::excel {
namespace {

// Excel's last column is XFD: a record with more fields is not a sheet Excel could hold, and each
// field costs memory even when empty (a file of commas alone would otherwise swell a hundredfold).
constexpr size_t kMaxFields = 16384;

}  // namespace

Status CsvParser::EndField() {
  if (field_count_ == kMaxFields) {
    const std::string row = std::to_string(row_number_);
    return Status::InvalidArgument("第 " + row + " 行超过 16384 列（Excel 的最大列数）",
                                   "row " + row + " has more than 16384 columns (Excel's limit)");
  }
  if (field_count_ == fields_.size()) fields_.emplace_back();
  fields_[field_count_].swap(field_);
  field_.clear();
  ++field_count_;
  return Status::Ok();
}

Status CsvParser::EndRecord() {
  SH_RETURN_IF_ERROR(EndField());
  size_t used = field_count_;
  while (used > 0 && fields_[used - 1].empty()) --used;
  Status status;
  if (used > 0) {
    fields_.resize(used);
    status = on_row_(row_number_, fields_);
  }
  for (auto& f : fields_) f.clear();
  field_count_ = 0;
  ++row_number_;
  return status;
}

Status CsvParser::CheckFieldSize() const {
  if (field_.size() <= kMaxCellBytes) return Status::Ok();
  const std::string row = std::to_string(row_number_);
  return Status::InvalidArgument("第 " + row + " 行起的单元格超过 32767 个字符，可能是引号没有闭合",
                                 "a cell starting in row " + row + " exceeds 32767 characters; probably an unclosed quote");
}

Status CsvParser::Feed(std::string_view text) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const char c = text[i];
    switch (state_) {
      case State::kAfterCr:
        state_ = State::kFieldStart;
        if (c == '\n') {
          ++i;
          continue;
        }
        [[fallthrough]];
      case State::kFieldStart:
        if (c == '"') {
          state_ = State::kQuoted;
          ++i;
          continue;
        }
        state_ = State::kUnquoted;
        [[fallthrough]];
      case State::kUnquoted: {
        // Copy the run up to the next special character in one go.
        size_t j = i;
        while (j < n && text[j] != ',' && text[j] != '\n' && text[j] != '\r') ++j;
        field_.append(text.data() + i, j - i);
        i = j;
        if (i == n) break;
        if (text[i] == ',') {
          SH_RETURN_IF_ERROR(EndField());
          state_ = State::kFieldStart;
        } else {
          state_ = text[i] == '\r' ? State::kAfterCr : State::kFieldStart;
          SH_RETURN_IF_ERROR(EndRecord());
        }
        ++i;
        continue;
      }
      case State::kQuoted: {
        size_t j = i;
        while (j < n && text[j] != '"') ++j;
        field_.append(text.data() + i, j - i);
        SH_RETURN_IF_ERROR(CheckFieldSize());
        i = j;
        if (i < n) {
          state_ = State::kQuoteInQuoted;
          ++i;
        }
        continue;
      }
      case State::kQuoteInQuoted:
        ++i;
        if (c == '"') {
          field_ += '"';
          state_ = State::kQuoted;
        } else if (c == ',') {
          SH_RETURN_IF_ERROR(EndField());
          state_ = State::kFieldStart;
        } else if (c == '\n' || c == '\r') {
          state_ = c == '\r' ? State::kAfterCr : State::kFieldStart;
          SH_RETURN_IF_ERROR(EndRecord());
        } else {
          field_ += c;  // "abc"def → abcdef, as Excel reads it
          state_ = State::kUnquoted;
        }
        continue;
    }
  }
  return CheckFieldSize();
}

Status CsvParser::Finish() {
  if (state_ == State::kQuoted) {
    const std::string row = std::to_string(row_number_);
    return Status::InvalidArgument("第 " + row + " 行的引号没有闭合", "unclosed quote in row " + row);
  }
  // Text after the last line break is a record; a file ending in a line break has no extra one.
  if (state_ == State::kFieldStart && field_count_ == 0) return Status::Ok();
  if (state_ == State::kAfterCr) return Status::Ok();
  state_ = State::kFieldStart;
  return EndRecord();
}

}  // namespace shanhai::excel

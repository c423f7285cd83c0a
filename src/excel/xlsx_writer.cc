#include "excel/xlsx_writer.h"

#include <xlsxwriter.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "excel/write_failure.h"

namespace shanhai::excel {
namespace {

constexpr int kMaxRows = 1048576;
constexpr int kMaxCols = 16384;
// Excel's limit for a comma-joined validation list is 255 characters, but libxlsxwriter (1.1.5)
// copies the joined list into a buffer of that many bytes: Chinese items (3 bytes a character) past
// 85 characters overflowed it and aborted the process. So the inline limit is counted in bytes.
constexpr size_t kMaxInlineListBytes = 255;
constexpr lxw_color_t kHeaderFill = 0xDDEBF7;
constexpr lxw_color_t kInstructionGrey = 0x808080;

Status FromLxw(lxw_error error) {
  if (error == LXW_NO_ERROR) return Status::Ok();
  const std::string en = lxw_strerror(error);
  switch (error) {
    case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED:
      return Status::InvalidArgument("工作表名称不能超过 31 个字符", "sheet name longer than 31 characters");
    case LXW_ERROR_INVALID_SHEETNAME_CHARACTER:
      return Status::InvalidArgument("工作表名称不能包含 [ ] : * ? / \\", "sheet name contains one of [ ] : * ? / \\");
    case LXW_ERROR_SHEETNAME_START_END_APOSTROPHE:
      return Status::InvalidArgument("工作表名称不能以单引号开头或结尾", "sheet name starts or ends with an apostrophe");
    case LXW_ERROR_SHEETNAME_ALREADY_USED:
      return Status::InvalidArgument("工作表名称重复", "sheet name already used");
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
      return Status::InvalidArgument("单元格文本不能超过 32767 个字符", "cell text longer than 32767 characters");
    case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
      return Status::InvalidArgument("行或列超出 Excel 的范围", "row or column beyond Excel's limits");
    case LXW_ERROR_32_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_128_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_255_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_PARAMETER_VALIDATION:
      return Status::InvalidArgument("Excel 参数无效：" + en, "invalid Excel parameter: " + en);
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      return Status::Unavailable("写入 Excel 文件失败：" + en, "cannot write the Excel file: " + en);
    default:
      return Status::Internal("libxlsxwriter: " + en);
  }
}

Status CheckCell(int row, int col) {
  if (row >= 0 && row < kMaxRows && col >= 0 && col < kMaxCols) return Status::Ok();
  return FromLxw(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
}

// Parses "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" (a 'T' also separates); false for anything else.
bool ParseIso(std::string_view s, lxw_datetime& out, bool& has_time) {
  auto field = [&](size_t pos, size_t len, int& v) {
    if (pos + len > s.size()) return false;
    auto res = std::from_chars(s.data() + pos, s.data() + pos + len, v);
    return res.ec == std::errc() && res.ptr == s.data() + pos + len;
  };
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (!(s.size() == 10 || s.size() == 19) || s[4] != '-' || s[7] != '-') return false;
  if (!field(0, 4, y) || !field(5, 2, mo) || !field(8, 2, d)) return false;
  has_time = s.size() == 19;
  if (has_time) {
    if ((s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':') return false;
    if (!field(11, 2, h) || !field(14, 2, mi) || !field(17, 2, sec)) return false;
  }
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1] || (mo == 2 && d == 29 && !leap)) {
    return false;
  }
  if (h > 23 || mi > 59 || sec > 59) return false;
  out = lxw_datetime{y, mo, d, h, mi, static_cast<double>(sec)};
  return true;
}

}  // namespace

Result<std::unique_ptr<XlsxWriter>> XlsxWriter::Open(const std::string& path, const XlsxWriterOptions& options) {
  // libxlsxwriter touches the disk only at close; create the file now so a bad path fails early.
  const std::string tmp = path + ".tmp";
  std::FILE* probe = std::fopen(tmp.c_str(), "wb");
  if (probe == nullptr) return WriteFailure(path, errno);
  std::fclose(probe);
  lxw_workbook_options lxw_options{};
  lxw_options.constant_memory = options.constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* workbook = workbook_new_opt(tmp.c_str(), &lxw_options);
  if (workbook == nullptr) {
    std::remove(tmp.c_str());
    return Status::Internal("libxlsxwriter could not create a workbook");
  }
  return std::unique_ptr<XlsxWriter>(new XlsxWriter(workbook, path));
}

XlsxWriter::XlsxWriter(lxw_workbook* workbook, std::string path) : workbook_(workbook), path_(std::move(path)) {
  header_format_ = workbook_add_format(workbook_);
  format_set_bold(header_format_);
  format_set_pattern(header_format_, LXW_PATTERN_SOLID);
  format_set_bg_color(header_format_, kHeaderFill);
  format_set_border(header_format_, LXW_BORDER_THIN);
  format_set_align(header_format_, LXW_ALIGN_CENTER);
  format_set_align(header_format_, LXW_ALIGN_VERTICAL_CENTER);

  instructions_format_ = workbook_add_format(workbook_);
  format_set_italic(instructions_format_);
  format_set_font_color(instructions_format_, kInstructionGrey);
  format_set_text_wrap(instructions_format_);
  format_set_align(instructions_format_, LXW_ALIGN_VERTICAL_TOP);

  date_format_ = workbook_add_format(workbook_);
  format_set_num_format(date_format_, "yyyy-mm-dd");
  datetime_format_ = workbook_add_format(workbook_);
  format_set_num_format(datetime_format_, "yyyy-mm-dd hh:mm:ss");
}

XlsxWriter::~XlsxWriter() {
  if (workbook_ == nullptr) return;
  lxw_workbook_free(workbook_);  // frees without writing anything
  std::remove((path_ + ".tmp").c_str());
}

Status XlsxWriter::RequireSheet() const {
  if (workbook_ == nullptr) return Status::Internal("XlsxWriter used after Close");
  if (sheet_ != nullptr) return Status::Ok();
  return Status::InvalidArgument("尚未添加工作表", "no sheet added yet");
}

Status XlsxWriter::AddSheet(const std::string& name) {
  if (workbook_ == nullptr) return Status::Internal("XlsxWriter used after Close");
  SH_RETURN_IF_ERROR(FromLxw(workbook_validate_sheet_name(workbook_, name.c_str())));
  lxw_worksheet* sheet = workbook_add_worksheet(workbook_, name.c_str());
  if (sheet == nullptr) return Status::Internal("libxlsxwriter could not add sheet " + name);
  sheet_ = sheet;
  return Status::Ok();
}

Status XlsxWriter::WriteHeaderRow(int row, const std::vector<std::string>& titles) {
  SH_RETURN_IF_ERROR(RequireSheet());
  for (size_t col = 0; col < titles.size(); ++col) {
    SH_RETURN_IF_ERROR(CheckCell(row, static_cast<int>(col)));
    SH_RETURN_IF_ERROR(FromLxw(worksheet_write_string(sheet_, static_cast<lxw_row_t>(row),
                                                      static_cast<lxw_col_t>(col), titles[col].c_str(), header_format_)));
  }
  return FreezeTopRows(row + 1);
}

Status XlsxWriter::WriteInstructionsRow(int row, const std::vector<std::string>& notes, double height_points) {
  SH_RETURN_IF_ERROR(RequireSheet());
  SH_RETURN_IF_ERROR(CheckCell(row, 0));
  if (height_points > 0) {
    SH_RETURN_IF_ERROR(FromLxw(worksheet_set_row(sheet_, static_cast<lxw_row_t>(row), height_points, nullptr)));
  }
  for (size_t col = 0; col < notes.size(); ++col) {
    SH_RETURN_IF_ERROR(CheckCell(row, static_cast<int>(col)));
    SH_RETURN_IF_ERROR(FromLxw(worksheet_write_string(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                                      notes[col].c_str(), instructions_format_)));
  }
  return Status::Ok();
}

Status XlsxWriter::FreezeTopRows(int count) {
  SH_RETURN_IF_ERROR(RequireSheet());
  SH_RETURN_IF_ERROR(CheckCell(count, 0));
  worksheet_freeze_panes(sheet_, static_cast<lxw_row_t>(count), 0);
  return Status::Ok();
}

Status XlsxWriter::WriteString(int row, int col, std::string_view text) {
  SH_RETURN_IF_ERROR(RequireSheet());
  SH_RETURN_IF_ERROR(CheckCell(row, col));
  const std::string copy(text);  // libxlsxwriter wants a NUL-terminated string
  return FromLxw(worksheet_write_string(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                                        copy.c_str(), nullptr));
}

Status XlsxWriter::WriteNumber(int row, int col, double value) {
  SH_RETURN_IF_ERROR(RequireSheet());
  SH_RETURN_IF_ERROR(CheckCell(row, col));
  if (!std::isfinite(value)) {
    return Status::InvalidArgument("数值无效（非有限数）", "number is not finite");
  }
  return FromLxw(worksheet_write_number(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), value,
                                        nullptr));
}

Status XlsxWriter::WriteInt64(int row, int col, int64_t value) {
  constexpr int64_t kMaxExact = 999'999'999'999'999;  // 15 digits: what Excel keeps
  if (value > kMaxExact || value < -kMaxExact) return WriteString(row, col, std::to_string(value));
  return WriteNumber(row, col, static_cast<double>(value));
}

Status XlsxWriter::WriteDate(int row, int col, std::string_view iso) {
  SH_RETURN_IF_ERROR(RequireSheet());
  SH_RETURN_IF_ERROR(CheckCell(row, col));
  lxw_datetime datetime{};
  bool has_time = false;
  if (!ParseIso(iso, datetime, has_time)) {
    const std::string text(iso);
    return Status::InvalidArgument("日期格式无效：“" + text + "”，应为 YYYY-MM-DD 或 YYYY-MM-DD HH:MM:SS",
                                   "invalid date '" + text + "'; expected YYYY-MM-DD or YYYY-MM-DD HH:MM:SS");
  }
  return FromLxw(worksheet_write_datetime(sheet_, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), &datetime,
                                          has_time ? datetime_format_ : date_format_));
}

Status XlsxWriter::SetColumnWidth(int first_col, int last_col, double width) {
  SH_RETURN_IF_ERROR(RequireSheet());
  SH_RETURN_IF_ERROR(CheckCell(0, first_col));
  SH_RETURN_IF_ERROR(CheckCell(0, last_col));
  return FromLxw(worksheet_set_column(sheet_, static_cast<lxw_col_t>(first_col), static_cast<lxw_col_t>(last_col),
                                      width, nullptr));
}

Status XlsxWriter::AddListValidation(int first_row, int last_row, int col, const std::vector<std::string>& items,
                                     const std::string& warning) {
  SH_RETURN_IF_ERROR(RequireSheet());
  SH_RETURN_IF_ERROR(CheckCell(first_row, col));
  SH_RETURN_IF_ERROR(CheckCell(last_row, col));
  if (items.empty() || last_row < first_row) {
    return Status::InvalidArgument("下拉列表不能为空且行范围须有效", "a drop-down list needs items and a valid row range");
  }
  size_t joined_bytes = items.size() - 1;
  bool has_comma = false;
  for (const auto& item : items) {
    joined_bytes += item.size();
    has_comma = has_comma || item.find(',') != std::string::npos;
  }

  // A warning, not a stop: the import reads more than the list's items (the caller's warning
  // says what), so Excel lets the clerk keep such a value.
  lxw_data_validation validation{};
  validation.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
  validation.error_title = const_cast<char*>("不在下拉列表中 Not in the list");
  validation.error_message = const_cast<char*>(warning.c_str());
  std::vector<char*> list;
  std::string formula;
  if (joined_bytes <= kMaxInlineListBytes && !has_comma) {
    for (const auto& item : items) list.push_back(const_cast<char*>(item.c_str()));
    list.push_back(nullptr);
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.value_list = list.data();
  } else {
    // Too long for an inline list: the items go down column A of a hidden sheet of their own
    // (one sheet per list keeps constant-memory mode's rows-in-order rule).
    lxw_worksheet* data_sheet = sheet_;
    const std::string list_name = "_list" + std::to_string(++list_sheets_);
    SH_RETURN_IF_ERROR(AddSheet(list_name));
    worksheet_hide(sheet_);
    Status written;
    for (size_t i = 0; i < items.size() && written.ok(); ++i) written = WriteString(static_cast<int>(i), 0, items[i]);
    sheet_ = data_sheet;
    SH_RETURN_IF_ERROR(written);
    formula = "='" + list_name + "'!$A$1:$A$" + std::to_string(items.size());
    validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    validation.value_formula = formula.data();
  }
  return FromLxw(worksheet_data_validation_range(sheet_, static_cast<lxw_row_t>(first_row), static_cast<lxw_col_t>(col),
                                                 static_cast<lxw_row_t>(last_row), static_cast<lxw_col_t>(col),
                                                 &validation));
}

Status XlsxWriter::Close() {
  if (workbook_ == nullptr) return Status::Internal("XlsxWriter::Close called twice");
  lxw_workbook* workbook = workbook_;
  workbook_ = nullptr;
  sheet_ = nullptr;
  const std::string tmp = path_ + ".tmp";
  Status status = FromLxw(workbook_close(workbook));  // frees the workbook whatever the outcome
  if (status.ok() && std::rename(tmp.c_str(), path_.c_str()) != 0) status = WriteFailure(path_, errno);
  if (!status.ok()) std::remove(tmp.c_str());
  return status;
}

}  // namespace shanhai::excel

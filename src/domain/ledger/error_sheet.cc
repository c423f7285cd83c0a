#include "domain/ledger/error_sheet.h"

#include <algorithm>
#include <map>

#include "common/personal_numbers.h"
#include "domain/ledger/sheet_layout.h"
#include "excel/sheet_out.h"
#include "excel/table_reader.h"
#include "excel/xlsx_reader.h"
#include "excel/xlsx_writer.h"

namespace shanhai {

namespace {

// The sheet name of a file of one ledger's refused rows.
constexpr const char* kSingleSheetName = "有误的行";

// One source sheet's refused rows: row number → its problems in words, in row order.
struct RefusedSheet {
  std::string name;
  std::map<int64_t, std::string> problems;
};

std::vector<RefusedSheet> BySheet(const std::vector<SheetError>& errors) {
  std::vector<RefusedSheet> sheets;
  for (const auto& [sheet, e, stored] : errors) {
    auto it = std::find_if(sheets.begin(), sheets.end(), [&](const RefusedSheet& s) { return s.name == sheet; });
    if (it == sheets.end()) it = sheets.insert(sheets.end(), RefusedSheet{sheet, {}});
    std::string& text = it->problems[e.row];
    text += (text.empty() ? "" : "\n") + (e.field.empty() ? "" : "[" + e.field + "] ") +
            MaskPersonalNumbers(e.message_zh) + " / " + MaskPersonalNumbers(e.message_en);
  }
  return sheets;
}

// The 0-based index of the sheet named name in source (0 for a csv or a sheet named "").
Result<int> SheetIndex(const std::string& source, const std::string& name) {
  if (name.empty() || !excel::PathEndsWith(source, ".xlsx")) return 0;
  SH_ASSIGN_OR_RETURN(std::vector<std::string> names, excel::SheetNames(source));
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end())
    return Status::Internal("the imported file has no sheet " + name + " that its errors name");
  return static_cast<int>(it - names.begin());
}

Status WriteRow(excel::XlsxWriter& out, int row, const std::vector<std::string>& cells) {
  for (size_t c = 0; c < cells.size(); ++c)
    if (!cells[c].empty()) SH_RETURN_IF_ERROR(out.WriteString(row, static_cast<int>(c), cells[c]));
  return Status::Ok();
}

// The header and refused rows of one source sheet into the writer's current sheet.
Status CopyRefusedRows(excel::XlsxWriter& out, const std::string& source, const RefusedSheet& sheet) {
  SH_ASSIGN_OR_RETURN(int index, SheetIndex(source, sheet.name));
  std::vector<std::string> header;
  std::map<int64_t, std::vector<std::string>> rows;
  excel::ReadOptions options;
  options.sheet_index = index;
  SH_RETURN_IF_ERROR(excel::ReadTable(source, [&](int64_t number, const std::vector<std::string>& cells) {
    if (header.empty()) header = cells;
    else if (sheet.problems.contains(number)) rows[number] = cells;
    return Status::Ok();
  }, options));
  std::vector<std::string> titles = header;
  titles.insert(titles.end(), {kErrorRowHeader, kErrorReasonHeader});
  SH_RETURN_IF_ERROR(out.WriteHeaderRow(0, titles));
  int at = 1;
  for (const auto& [number, problems] : sheet.problems) {
    std::vector<std::string> cells = rows[number];
    cells.resize(header.size());
    cells.insert(cells.end(), {std::to_string(number), problems});
    SH_RETURN_IF_ERROR(WriteRow(out, at++, cells));
  }
  SH_RETURN_IF_ERROR(out.SetColumnWidth(0, static_cast<int>(titles.size()) - 2, 16));
  return out.SetColumnWidth(static_cast<int>(titles.size()) - 1, static_cast<int>(titles.size()) - 1, 60);
}

}  // namespace

Status WriteErrorSheet(const std::vector<SheetError>& errors, const std::string& source, const std::string& path) {
  if (!excel::PathEndsWith(path, ".xlsx"))
    return Status::InvalidArgument("错误清单只能写成 .xlsx 工作簿：" + path, "an error sheet is an .xlsx file: " + path);
  SH_ASSIGN_OR_RETURN(auto out, excel::XlsxWriter::Open(path));
  for (const RefusedSheet& sheet : BySheet(errors)) {
    SH_RETURN_IF_ERROR(out->AddSheet(sheet.name.empty() ? kSingleSheetName : sheet.name));
    SH_RETURN_IF_ERROR(CopyRefusedRows(*out, source, sheet));
  }
  return out->Close();
}

}  // namespace shanhai

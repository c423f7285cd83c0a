#include "excel/sheet_out.h"

#include <cctype>

namespace shanhai::excel {

bool PathEndsWith(const std::string& path, const char* ext) {
  const std::string e = ext;
  if (path.size() < e.size()) return false;
  std::string tail = path.substr(path.size() - e.size());
  for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == e;
}

Result<std::unique_ptr<SheetOut>> SheetOut::Open(const std::string& path, const std::string& sheet_name) {
  auto out = std::unique_ptr<SheetOut>(new SheetOut());
  if (PathEndsWith(path, ".csv")) {
    SH_ASSIGN_OR_RETURN(out->csv_, CsvWriter::Open(path));
    return out;
  }
  if (!PathEndsWith(path, ".xlsx"))
    return Status::InvalidArgument("只支持 .xlsx 或 .csv 文件：" + path, "only .xlsx or .csv files: " + path);
  XlsxWriterOptions options;
  options.constant_memory = true;
  SH_ASSIGN_OR_RETURN(out->xlsx_, XlsxWriter::Open(path, options));
  SH_RETURN_IF_ERROR(out->xlsx_->AddSheet(sheet_name));
  return out;
}

Status SheetOut::Header(const std::vector<std::string>& cells) {
  if (csv_) return csv_->WriteRow(cells);
  SH_RETURN_IF_ERROR(xlsx_->WriteHeaderRow(row_, cells));
  SH_RETURN_IF_ERROR(xlsx_->SetColumnWidth(0, static_cast<int>(cells.size()) - 1, 18));
  ++row_;
  return Status::Ok();
}

Status SheetOut::Row(const std::vector<std::string>& cells, const std::vector<CellKind>& kinds) {
  if (csv_) {
    std::vector<bool> numeric;
    for (CellKind kind : kinds) numeric.push_back(kind == CellKind::kNumber);
    return csv_->WriteRow(cells, numeric);
  }
  for (size_t c = 0; c < cells.size(); ++c) {
    if (cells[c].empty()) continue;
    const int col = static_cast<int>(c);
    switch (kinds[c]) {
      case CellKind::kNumber: SH_RETURN_IF_ERROR(xlsx_->WriteNumber(row_, col, std::stod(cells[c]))); break;
      case CellKind::kDate: SH_RETURN_IF_ERROR(xlsx_->WriteDate(row_, col, cells[c])); break;
      case CellKind::kText: SH_RETURN_IF_ERROR(xlsx_->WriteString(row_, col, cells[c])); break;
    }
  }
  ++row_;
  return Status::Ok();
}

Status SheetOut::Row(const std::vector<std::string>& cells, const std::vector<bool>& numeric) {
  std::vector<CellKind> kinds;
  for (bool number : numeric) kinds.push_back(number ? CellKind::kNumber : CellKind::kText);
  return Row(cells, kinds);
}

Status SheetOut::Close() { return csv_ ? csv_->Close() : xlsx_->Close(); }

}  // namespace shanhai::excel

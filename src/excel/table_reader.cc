#include "excel/table_reader.h"

#include <algorithm>
#include <cctype>

#include "excel/csv_reader.h"
#include "excel/xlsx_reader.h"

namespace shanhai::excel {
namespace {

std::string LowerExtension(const std::string& path) {
  const size_t dot = path.rfind('.');
  const size_t slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

}  // namespace

Status ReadTable(const std::string& path, const RowCallback& on_row, const ReadOptions& opts) {
  const std::string ext = LowerExtension(path);
  if (ext == ".xlsx") return ReadXlsx(path, on_row, opts);
  if (ext == ".csv") return ReadCsv(path, on_row);
  if (ext == ".xls") {
    return Status::InvalidArgument("不支持旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx",
                                   "old .xls files are not supported; re-save as .xlsx in Excel or WPS");
  }
  return Status::InvalidArgument("不支持的文件类型“" + ext + "”，请上传 .xlsx 或 .csv 文件",
                                 "unsupported file type '" + ext + "'; upload an .xlsx or .csv file");
}

}  // namespace shanhai::excel

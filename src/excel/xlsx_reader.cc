#include "excel/xlsx_reader.h"

#include <filesystem>

#include "excel/xlsx_package.h"
#include "excel/xlsx_shared_strings.h"
#include "excel/xlsx_sheet.h"
#include "excel/xlsx_styles.h"
#include "excel/zip_archive.h"

namespace shanhai::excel {

Status ReadXlsx(const std::string& path, const RowCallback& on_row, const ReadOptions& opts) {
  SH_ASSIGN_OR_RETURN(std::unique_ptr<ZipArchive> zip, ZipArchive::Open(path));
  SH_ASSIGN_OR_RETURN(XlsxPackage package, ReadXlsxPackage(*zip));
  const int count = static_cast<int>(package.sheets.size());
  if (opts.sheet_index < 0 || opts.sheet_index >= count) {
    const std::string index = std::to_string(opts.sheet_index + 1);
    return Status::InvalidArgument("工作簿只有 " + std::to_string(count) + " 个工作表，没有第 " + index + " 个",
                                   "the workbook has " + std::to_string(count) + " sheet(s); there is no sheet " + index);
  }
  const SheetPart& sheet = package.sheets[static_cast<size_t>(opts.sheet_index)];
  if (sheet.path.empty() || !zip->Has(sheet.path)) {
    return DamagedXlsx("找不到工作表“" + sheet.name + "”的数据", "no data part for sheet '" + sheet.name + "'");
  }
  SH_ASSIGN_OR_RETURN(std::vector<std::string> shared_strings, ReadSharedStrings(*zip, package.shared_strings_path));
  SH_ASSIGN_OR_RETURN(std::vector<NumberFormatKind> kinds, ReadCellFormatKinds(*zip, package.styles_path));
  const SheetContext ctx{&shared_strings, &kinds, package.date1904};
  return StreamSheet(*zip, sheet.path, ctx, on_row);
}

Result<int64_t> SheetBytes(const std::string& path, int sheet_index) {
  SH_ASSIGN_OR_RETURN(std::unique_ptr<ZipArchive> zip, ZipArchive::Open(path));
  SH_ASSIGN_OR_RETURN(XlsxPackage package, ReadXlsxPackage(*zip));
  std::error_code ec;
  const auto file_bytes = std::filesystem::file_size(path, ec);
  if (ec) return Status::NotFound("找不到文件：" + path, "no such file: " + path);
  if (sheet_index < 0 || sheet_index >= static_cast<int>(package.sheets.size()))
    return Status::InvalidArgument("工作簿中没有第 " + std::to_string(sheet_index + 1) + " 个工作表",
                                   "the workbook has no sheet " + std::to_string(sheet_index + 1));
  int64_t all = 0, this_one = 0;
  for (size_t i = 0; i < package.sheets.size(); ++i) {
    const int64_t bytes = package.sheets[i].path.empty() ? 0 : zip->CompressedSize(package.sheets[i].path);
    all += bytes;
    if (static_cast<int>(i) == sheet_index) this_one = bytes;
  }
  if (all == 0) return static_cast<int64_t>(file_bytes);
  return static_cast<int64_t>(static_cast<double>(file_bytes) * static_cast<double>(this_one) / static_cast<double>(all));
}

Result<std::vector<std::string>> SheetNames(const std::string& path) {
  SH_ASSIGN_OR_RETURN(std::unique_ptr<ZipArchive> zip, ZipArchive::Open(path));
  SH_ASSIGN_OR_RETURN(XlsxPackage package, ReadXlsxPackage(*zip));
  std::vector<std::string> names;
  for (const auto& sheet : package.sheets) names.push_back(sheet.name);
  return names;
}

}  // namespace shanhai::excel

#include "excel/xlsx_reader.h"

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

Result<std::vector<std::string>> SheetNames(const std::string& path) {
  SH_ASSIGN_OR_RETURN(std::unique_ptr<ZipArchive> zip, ZipArchive::Open(path));
  SH_ASSIGN_OR_RETURN(XlsxPackage package, ReadXlsxPackage(*zip));
  std::vector<std::string> names;
  for (const auto& sheet : package.sheets) names.push_back(sheet.name);
  return names;
}

}  // namespace shanhai::excel

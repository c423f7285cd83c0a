// The structure of an xlsx package: which parts hold the sheets, shared strings and styles,
// found by following the relationships (_rels/.rels → workbook → xl/_rels/workbook.xml.rels)
// instead of assuming fixed names, since writers other than Excel name parts freely.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "excel/zip_archive.h"

namespace shanhai::excel {

struct SheetPart {
  std::string name;  // the tab's name, UTF-8
  std::string path;  // zip entry, e.g. "xl/worksheets/sheet1.xml"; empty if the relationship is missing
};

struct XlsxPackage {
  std::vector<SheetPart> sheets;    // in workbook (tab) order, hidden sheets included
  std::string shared_strings_path;  // empty when the workbook has no shared-string table
  std::string styles_path;          // empty when the workbook has no styles part
  bool date1904 = false;            // workbookPr date1904: serials count from 1904-01-01
};

// Reads the package structure (small parts only). Errors: InvalidArgument when the workbook
// part is missing or malformed.
Result<XlsxPackage> ReadXlsxPackage(const ZipArchive& zip);

// Resolves a relationship Target against the folder of the part that owns the relationship:
// ("xl/workbook.xml", "worksheets/s1.xml") → "xl/worksheets/s1.xml"; "/xl/a.xml" → "xl/a.xml";
// "../x.xml" climbs one folder. Exposed for tests.
std::string ResolveTarget(const std::string& source_part, const std::string& target);

}  // namespace shanhai::excel

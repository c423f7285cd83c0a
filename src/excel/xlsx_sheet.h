// Streams the rows of one worksheet part of an open xlsx package.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "excel/cell_format.h"
#include "excel/row_sink.h"
#include "excel/zip_archive.h"

namespace shanhai::excel {

// What a worksheet's cells refer to outside the sheet. Borrowed: must outlive the read.
struct SheetContext {
  const std::vector<std::string>* shared_strings;
  const std::vector<NumberFormatKind>* format_kinds;  // by style index
  bool date1904 = false;
};

// Streams the worksheet at part_path, calling on_row as ReadXlsx documents.
// Errors: InvalidArgument for malformed XML, out-of-range shared-string indexes or cell references
// beyond Excel's limits; else on_row's status.
Status StreamSheet(const ZipArchive& zip, const std::string& part_path, const SheetContext& ctx,
                   const RowCallback& on_row);

}  // namespace shanhai::excel

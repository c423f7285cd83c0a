// Number formats of cell styles (styles.xml), reduced to what a reader needs: which style
// indexes (the s="N" of a cell) make a number a date or a time.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "excel/cell_format.h"
#include "excel/zip_archive.h"

namespace shanhai::excel {

// The format kind of each cellXfs entry, indexed by a cell's s attribute. An empty styles_path
// gives an empty vector (every cell then is a plain number). Errors: InvalidArgument for
// malformed XML.
Result<std::vector<NumberFormatKind>> ReadCellFormatKinds(const ZipArchive& zip, const std::string& styles_path);

}  // namespace shanhai::excel

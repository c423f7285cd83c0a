// The error sheet of an import: the refused rows as the user wrote them, each with its problems,
// so that the clerk fixes them there and imports the sheet again.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "domain/ledger/ledger_io.h"

namespace shanhai {

// Writes, for the import of source (the file imported, .xlsx or .csv), the workbook path (.xlsx):
// for each sheet with problems, in the order errors first name them, a sheet of the same name
// ("有误的行" for a file of one ledger, whose errors name no sheet) holding source's header row as
// written, then every refused row: its cells as read (ReadTable's text), its row number
// (kErrorRowHeader, sheet_layout.h) and its problems (kErrorReasonHeader: "[列] 中文 / English", one a line; a
// personal number in a message masked — the row's own cells are the user's and stay as written).
// A problem on a row source does not hold is listed with empty cells.
// Errors: InvalidArgument for a path not ending in .xlsx; the reader's errors for source; the
// writer's.
Status WriteErrorSheet(const std::vector<SheetError>& errors, const std::string& source, const std::string& path);

}  // namespace shanhai

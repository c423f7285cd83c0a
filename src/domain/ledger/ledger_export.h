// Export of any ledger to a spreadsheet (.xlsx or .csv) in the import layout (sheet_layout.h),
// so that an exported file can be edited and imported again.
#pragma once

#include <string>

#include "domain/ledger/ledger_service.h"

namespace shanhai {

// Writes the records a list request selects (every page; request.page, page_size and after
// are ignored) to path (.xlsx or .csv), in the request's order, shown as the actor may see
// them (DisclosureFor). Records are read a page at a time by keyset (ListRequest::after), so
// memory stays flat and time linear whatever the size; each record present for the whole
// export is written exactly once even while others are added or deleted.
// With reveal (needs the reveal permission) every value is whole and each record written gets
// its own "reveal" audit row, all in one transaction: if the audit fails, no file is left.
// The export itself is audited (action "export": rows written, the filter, the format, reveal).
// Returns the number of records written. Errors: PermissionDenied without "<m>:<l>:export"
// (or reveal); InvalidArgument for another extension or a bad filter; the writers' errors.
Result<int64_t> ExportLedger(LedgerService& service, const Actor& actor, const LedgerDef& def,
                             ListRequest request, const std::string& path, bool reveal = false);

}  // namespace shanhai

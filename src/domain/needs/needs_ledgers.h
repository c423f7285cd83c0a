// Ledger of the 订单式 mode (平塘所需、白云所能): the helped side posts a need, a helper unit
// claims it, then delivers. Status moves posted → claimed → delivered (or → cancelled before
// delivery); every change is kept in the record's history.
#pragma once
#include "domain/ledger/ledger_def.h"

namespace shanhai {
const LedgerDef& NeedsLedger();
}  // namespace shanhai

// Ledger of 招商引资: enterprises brought to invest in the helped county, with their stage
// (洽谈 → 签约 → 落地 → 投产), planned and actual investment, and jobs created.
#pragma once
#include "domain/ledger/ledger_def.h"

namespace shanhai {
const LedgerDef& InvestmentsLedger();
}  // namespace shanhai

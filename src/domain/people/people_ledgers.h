// The one people registry (人员库): every villager the platform knows, once, keyed by the
// resident ID number. ID number, mobile and poverty status are sensitive: stored encrypted,
// found by keyed hash, shown masked (see LedgerService).
#pragma once
#include "domain/ledger/ledger_def.h"

namespace shanhai {
const LedgerDef& PeopleLedger();
}  // namespace shanhai

// Ledger of yearly targets (年度帮扶协议目标): one row per pair, year and indicator key.
// Whether the key names a real indicator is checked by the indicator catalogue, which
// the application injects into LedgerService as an extra check; its spreadsheet columns speak
// the console's form (indicator by name, money in 万元: indicators/targets_sheet.h).
#pragma once
#include "domain/ledger/ledger_def.h"

namespace shanhai {
const LedgerDef& TargetsLedger();
}  // namespace shanhai

// Ledger of yearly targets (年度帮扶协议目标): one row per pair, year and indicator, found by
// its natural key year_indicator ("2021:leadership.visit_batches", derived from the two; stored
// for the look-up only: FieldDef::internal).
// Whether the key names a real indicator is checked by the indicator catalogue, which
// the application injects into LedgerService as an extra check; its spreadsheet columns speak
// the console's form (indicator by name, money in 万元: indicators/targets_sheet.h).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/ledger/ledger_def.h"

namespace shanhai {
const LedgerDef& TargetsLedger();
// A target's natural key: "2021:leadership.visit_batches" (migration 0015 builds the same text).
std::string TargetYearIndicator(int64_t year, std::string_view indicator_key);
}  // namespace shanhai

// Ledgers of 结对帮扶: pairs (帮扶关系, at province/city/county level), units of both sides
// (镇街、企业、村、学校、医院 …) and pairings between units (one-to-one or many-to-one).
#pragma once
#include "domain/ledger/ledger_def.h"

namespace shanhai {
const LedgerDef& PairsLedger();
const LedgerDef& UnitsLedger();
const LedgerDef& PairingsLedger();

// "440111-522727" from the two region codes.
std::string PairCode(std::string_view helper_region, std::string_view helped_region);
// province / city / county from a 6-digit code's trailing zeros.
std::string RegionLevelOf(std::string_view code6);
}  // namespace shanhai

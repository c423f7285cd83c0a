// Ledgers of 人才交流: secondments (挂职/派驻) and trainings (培训).
#pragma once
#include "domain/ledger/ledger_def.h"

namespace shanhai {
const LedgerDef& SecondmentsLedger();
const LedgerDef& TrainingsLedger();
}  // namespace shanhai

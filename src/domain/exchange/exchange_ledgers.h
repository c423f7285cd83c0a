// Ledgers of the 两方力量 part: visits (互访), joint meetings (联席会议), agreements (协议).
#pragma once
#include "domain/ledger/ledger_def.h"

namespace shanhai {
const LedgerDef& VisitsLedger();
const LedgerDef& MeetingsLedger();
const LedgerDef& AgreementsLedger();
}  // namespace shanhai

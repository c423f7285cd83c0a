// Ledger of 资金支持: fiscal aid (财政援助资金) and social aid (社会帮扶资金), each with its direction.
#pragma once
#include "domain/ledger/ledger_def.h"

namespace shanhai {
const LedgerDef& FundsLedger();
}  // namespace shanhai

// Ledger of 资金支持: fiscal aid (财政援助资金) and social aid (社会帮扶资金), each with its direction,
// and the tranches (分批拨付) in which each fund is paid out, written with their fund.
#pragma once
#include "domain/ledger/ledger_def.h"

namespace shanhai {
const LedgerDef& FundsLedger();
// Lines of a fund: one row per disbursement, whose sum may not exceed the fund's amount.
const LedgerDef& FundTranchesLedger();
}  // namespace shanhai

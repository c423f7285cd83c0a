// Ledgers of funded projects (项目): the project with budget and stage, its milestones
// (开工、竣工、投用 …) and its outcome metrics (e.g. 胸痛中心收治病人 3843 例).
#pragma once
#include "domain/ledger/ledger_def.h"

namespace shanhai {
const LedgerDef& ProjectsLedger();
const LedgerDef& MilestonesLedger();
const LedgerDef& OutcomesLedger();
}  // namespace shanhai

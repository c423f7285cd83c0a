// 劳务协作 (labour cooperation): the labour ledger of the helped county (seekers), the helper side's
// employers, their jobs and reports on jobs. An employer's record owns its HR accounts (role
// employer_hr, owner employers:N): they see and write only that employer and its jobs.
#pragma once
#include "domain/ledger/ledger_def.h"

namespace shanhai {
// 劳动力台账: one record per person of the people registry; confirmed "still looking" every 90 days.
const LedgerDef& SeekersLedger();
// 用工企业: keyed by 统一社会信用代码; draft → verified (staff) → suspended ⇄ verified.
const LedgerDef& EmployersLedger();
// 岗位: draft → published (verified employer, disclosures filled) ⇄ withdrawn.
const LedgerDef& JobsLedger();
// 岗位举报: open → upheld (the job is withdrawn with it) or dismissed.
const LedgerDef& JobReportsLedger();
}  // namespace shanhai

// 劳务协作 (labour cooperation): the labour ledger of the helped county (seekers), the helper side's
// employers, their jobs and reports on jobs, applications to jobs and the employment spells they
// lead to. An employer's record owns its HR accounts (role employer_hr, owner employers:N): they
// see and write only that employer and its jobs, and see the applications to those jobs.
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
// 求职申请: applied → interview_scheduled → passed | failed | no_show; passed → offered →
// accepted | declined; accepted → placed (opens the spell); withdrawn from any open state. The
// seeker answers a scheduled time: accept_time keeps it, decline_time returns it to applied.
// Owned by the job's employer; its seeker, job and source are fixed once created, and source
// "self" comes only from the seeker's own session (or the operator's set-up commands).
const LedgerDef& ApplicationsLedger();
// 就业记录: a person's employment spells (in_work → separated), never overlapping; owned by the
// employer when there is one.
const LedgerDef& SpellsLedger();
}  // namespace shanhai

// Taking published jobs off the board as the consequence of another step (an employer suspended,
// a report on a job upheld): inside that step's transaction, each job written and audited as the
// jobs' own "withdraw" step, so its history says it was withdrawn and why.
#pragma once

#include <string>

#include "domain/ledger/workflow.h"

namespace shanhai::labor {

// Withdraws job job_id if it is published (a draft or withdrawn job is left alone), with
// why_zh / why_en in the history line ("随企业暂停撤下"). Errors: the job's read or write, as
// LedgerService::ReadForChange / UpdatePrepared give them (nothing is written on error; the
// caller's transaction rolls back).
Status WithdrawJob(TransitionContext& context, int64_t job_id, const std::string& why_zh, const std::string& why_en);

// Withdraws every published job of employer employer_id, as WithdrawJob does each.
Status WithdrawEmployerJobs(TransitionContext& context, int64_t employer_id, const std::string& why_zh,
                            const std::string& why_en);

}  // namespace shanhai::labor

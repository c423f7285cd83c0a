#include "domain/labor/job_withdrawal.h"

#include "domain/labor/consequent_step.h"
#include "domain/labor/labor_ledgers.h"
#include "domain/ledger/ledger_service.h"

namespace shanhai::labor {

namespace {
constexpr const char* kPublished = "published";
}  // namespace

Status WithdrawJob(TransitionContext& context, int64_t job_id, const std::string& why_zh, const std::string& why_en) {
  return TakeConsequentStep(context, JobsLedger(), job_id,
                            {{kPublished}, RawRecord{"", {{"status", "withdrawn"}}}, "withdraw",
                             "撤下：" + why_zh + " / withdrawn: " + why_en});
}

Status WithdrawEmployerJobs(TransitionContext& context, int64_t employer_id, const std::string& why_zh,
                            const std::string& why_en) {
  ListRequest request;
  request.equals = {{"employer_id", std::to_string(employer_id)}, {"status", kPublished}};
  request.page_size = 1000;
  request.count_total = false;
  // Each round withdraws what it found, so the next finds the rest; an employer rarely has more
  // than a page of open jobs.
  for (;;) {
    SH_ASSIGN_OR_RETURN(RecordPage page, context.service.List(context.actor, JobsLedger(), request));
    for (const Record& job : page.records) SH_RETURN_IF_ERROR(WithdrawJob(context, job.id, why_zh, why_en));
    if (!page.has_more) return Status::Ok();
  }
}

}  // namespace shanhai::labor

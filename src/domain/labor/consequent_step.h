// A step on another record taken as the consequence of a transition (a job withdrawn with its
// employer, a seeker marked employed by a placement): inside that transition's transaction, the
// record written and audited under the step's action, so its own history says what moved it and why.
#pragma once

#include <string>
#include <vector>

#include "domain/ledger/ledger_service.h"
#include "domain/ledger/workflow.h"

namespace shanhai::labor {

struct ConsequentStep {
  std::vector<std::string> from;  // states it applies to; a record in any other is left alone
  RawRecord change;               // the fields it sets (the state among them), as the API gives them
  std::string action;             // the audit action ("withdraw", "employ")
  std::string detail;             // the history line, Chinese / English
};

// Takes step on record id of def if its state is one of step.from. Errors: the record's read or
// write, as LedgerService::ReadForChange / Prepare / UpdatePrepared give them (nothing is
// written on error; the caller's transaction rolls back).
Status TakeConsequentStep(TransitionContext& context, const LedgerDef& def, int64_t id, const ConsequentStep& step);

}  // namespace shanhai::labor

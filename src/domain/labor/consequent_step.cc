#include "domain/labor/consequent_step.h"

#include <algorithm>

#include "domain/changes/change.h"

namespace shanhai::labor {

Status TakeConsequentStep(TransitionContext& context, const LedgerDef& def, int64_t id, const ConsequentStep& step) {
  SH_ASSIGN_OR_RETURN(Record before, context.service.ReadForChange(context.actor, def, id, 0));
  if (std::find(step.from.begin(), step.from.end(), StateOf(def, before)) == step.from.end()) return Status::Ok();
  SH_ASSIGN_OR_RETURN(Record after, context.service.Prepare(context.actor, def, step.change, InputSource::kApi, &before));
  return context.service.UpdatePrepared(context.actor, def, before, after, step.detail, step.action, kChangeTransitioned)
      .status();
}

}  // namespace shanhai::labor

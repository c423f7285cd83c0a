// POST /api/v1/<module>/<ledger>/{id}/transitions/<name>: one route per transition of every
// ledger that declares a workflow, each guarded by that transition's own permission. The body
// is {"version": N, <the transition's fields>}; the answer is the record as after a GET.
#include "domain/ledger/record_json.h"
#include "domain/ledger/transition_service.h"
#include "http/api_app.h"
#include "http/handlers/ledger_request.h"
#include "http/json_io.h"

namespace shanhai {

namespace {

ApiHandler Take(const LedgerDef& def, const TransitionDef& t) {
  return [&def, &t](RequestContext& ctx) {
    Result<RecordChange> change = RecordChangeFrom(ctx.request);
    if (!change.ok()) return HttpResponse::FromStatus(change.status());
    TransitionService transitions(ctx.conn.ledgers());
    Result<Record> taken = transitions.Take(ctx.actor, def, change->id, t.name, change->input, change->version);
    if (!taken.ok()) return HttpResponse::FromStatus(taken.status());
    return JsonResponse(RecordJsonFor(ctx.actor, def, *taken));
  };
}

}  // namespace

void AttachTransitions(const Actor& actor, const LedgerDef& def, const Record& record, boost::json::object& json) {
  if (!def.workflow) return;
  boost::json::array names;
  for (const TransitionDef* t : AllowedTransitions(actor, def, record)) names.push_back(boost::json::string(t->name));
  json["transitions"] = std::move(names);
}

boost::json::object RecordJsonFor(const Actor& actor, const LedgerDef& def, const Record& record) {
  boost::json::object json = RecordToJson(def, record);
  AttachTransitions(actor, def, record, json);
  return json;
}

void AddTransitionRoutes(std::vector<ApiRoute>& routes) {
  for (const LedgerDef* def : AllLedgers()) {
    if (!def->workflow) continue;
    for (const TransitionDef& t : def->workflow->transitions)
      routes.push_back({"POST", LedgerBasePath(*def) + "/{id}/transitions/" + t.name, TransitionPermission(*def, t),
                        Take(*def, t), def->label_zh + "：" + t.label_zh + "（流程操作，需带 version）"});
  }
}

}  // namespace shanhai

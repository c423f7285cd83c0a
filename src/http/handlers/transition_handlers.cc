// POST /api/v1/<module>/<ledger>/{id}/transitions/<name>: one route per transition of every
// ledger that declares a workflow (routes.cc), each guarded by that transition's own permission.
// The body is {"version": N, <the transition's fields>}; the answer is the record as after a GET.
#include "domain/ledger/record_json.h"
#include "domain/ledger/record_names.h"
#include "domain/ledger/transition_service.h"
#include "http/handlers/handlers.h"
#include "http/handlers/ledger_request.h"

namespace shanhai {

std::string TransitionsMember(const Actor& actor, const LedgerDef& def, const Record& record) {
  if (!def.workflow) return "";
  boost::json::array names;
  for (const TransitionDef* t : AllowedTransitions(actor, def, record)) names.push_back(boost::json::string(t->name));
  return "\"transitions\":" + boost::json::serialize(names);
}

std::string ReaderMembers(const Actor& actor, const LedgerDef& def, const Record& record) {
  std::string names = RegionLabelMembers(def, record);
  std::string transitions = TransitionsMember(actor, def, record);
  if (names.empty() || transitions.empty()) return names + transitions;
  return names + ',' + transitions;
}

boost::json::object RecordJsonFor(const Actor& actor, const LedgerDef& def, const Record& record,
                                  const RefLabels& ref_labels) {
  std::string text;
  AppendRecordJson(text, def, record, ref_labels, ReaderMembers(actor, def, record));
  return boost::json::parse(text).as_object();
}

namespace handlers {

Result<Reply> TakeTransition(RequestContext& ctx) {
  const LedgerDef& def = ctx.Ledger();
  SH_ASSIGN_OR_RETURN(RecordChange change, RecordChangeFrom(ctx.request));
  if (change.version == 0) return VersionRequired();
  SH_ASSIGN_OR_RETURN(Record taken, TransitionService(ctx.conn.ledgers())
                                        .Take(ctx.actor, def, change.id, ctx.Transition().name, change.input,
                                              change.version));
  return Reply::Json(RecordJsonFor(ctx.actor, def, taken));
}

}  // namespace handlers

}  // namespace shanhai

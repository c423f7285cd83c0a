// /api/v1/admin/changes: where the change feed stands (domain/changes/change_status.h), for
// operators — and for the change feed's integration test, which compares its counts with the
// rows stored.
#include "domain/changes/change_status.h"
#include "http/api_app.h"
#include "http/json_io.h"

namespace shanhai {

namespace {

HttpResponse ChangeFeedPosition(RequestContext& ctx) {
  Result<ChangeFeedStatus> s =
      ReadChangeFeedStatus(ctx.conn.db(), ctx.env.changes(), ctx.env.change_tally(), ctx.env.change_follower());
  if (!s.ok()) return HttpResponse::FromStatus(s.status());
  boost::json::object by_ledger;
  for (const auto& [ledger, kinds] : s->seen.by_ledger) {
    boost::json::object counts;
    for (const auto& [kind, n] : kinds) counts[kind] = n;
    by_ledger[ledger] = std::move(counts);
  }
  return JsonResponse(boost::json::object{
      {"last_seq", s->seen.last_seq},
      {"head_seq", s->head_seq},
      {"lag", s->lag},
      {"total", s->seen.total},
      {"by_ledger", std::move(by_ledger)},
      {"subscriber_failures", s->subscriber_failures},
      {"follower", boost::json::object{{"running", s->following},
                                       {"interval_ms", s->interval_ms},
                                       {"polls", s->polls},
                                       {"errors", s->poll_errors},
                                       {"last_poll_ms_ago", s->last_poll_ms_ago}}}});
}

}  // namespace

void AddChangeRoutes(std::vector<ApiRoute>& routes) {
  routes.push_back({"GET", "/api/v1/admin/changes", kSystemDuty, ChangeFeedPosition,
                    "变更流的位置：已收到的最后序号、自启动以来按台账和类型统计的变更数、滞后 / "
                    "the change feed's position, counts since start and lag"});
}

}  // namespace shanhai

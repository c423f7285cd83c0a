// /api/v1/admin/changes: where the change feed stands (domain/changes/change_status.h), for
// operators — and for the change feed's integration test, which compares its counts with the
// rows stored.
#include "domain/changes/change_status.h"
#include "http/handlers/handlers.h"

namespace shanhai::handlers {

Result<Reply> ChangeFeedPosition(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(ChangeFeedStatus status, ReadChangeFeedStatus(ctx.conn.db(), ctx.env.changes(),
                                                                    ctx.env.change_tally(), ctx.env.change_follower()));
  boost::json::object by_ledger;
  for (const auto& [ledger, kinds] : status.seen.by_ledger) {
    boost::json::object counts;
    for (const auto& [kind, n] : kinds) counts[kind] = n;
    by_ledger[ledger] = std::move(counts);
  }
  return Reply::Json(boost::json::object{
      {"last_seq", status.seen.last_seq},
      {"head_seq", status.head_seq},
      {"lag", status.lag},
      {"total", status.seen.total},
      {"by_ledger", std::move(by_ledger)},
      {"subscriber_failures", status.subscriber_failures},
      {"follower", boost::json::object{{"running", status.following},
                                       {"interval_ms", status.interval_ms},
                                       {"polls", status.polls},
                                       {"errors", status.poll_errors},
                                       {"last_poll_ms_ago", status.last_poll_ms_ago}}}});
}

}  // namespace shanhai::handlers

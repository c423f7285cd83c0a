// /api/v1/admin/reveal-grants: the requests of the two-person rule for reveal across a county or
// wider (domain/accounts/reveal_grants.h), listed for the security administrators, approved or
// refused by one who did not file them.
#include "http/handlers/handlers.h"
#include "http/json_io.h"
#include "regions/region_display.h"

namespace shanhai {

namespace {

boost::json::object GrantJson(const RevealGrant& g) {
  return {{"id", g.id},
          {"user_id", g.user_id},
          {"user_name", g.user_name},
          {"region", g.region},
          {"region_name", RegionDisplayName(RegionCatalog::Embedded(), g.region)},
          {"reason", g.reason},
          {"state", g.state},
          {"requested_by", g.requested_by},
          {"requested_at", g.requested_at},
          {"decided_by", g.decided_by},
          {"decided_at", g.decided_at}};
}

Result<Reply> Decide(RequestContext& ctx, bool approve) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_ASSIGN_OR_RETURN(RevealGrant g, ctx.conn.accounts().reveal_grants().Decide(ctx.actor, id, approve));
  return Reply::Json(GrantJson(g));
}

}  // namespace

namespace handlers {

// ?user=NAME: only that account's requests.
Result<Reply> ListRevealGrants(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(std::vector<RevealGrant> grants, ctx.conn.accounts().reveal_grants().List(ctx.actor));
  const std::string user = QueryText(ctx.request, "user");
  boost::json::array items;
  for (const RevealGrant& g : grants)
    if (user.empty() || g.user_name == user) items.push_back(GrantJson(g));
  return Reply::Json(boost::json::object{{"items", std::move(items)}});
}

Result<Reply> ApproveRevealGrant(RequestContext& ctx) { return Decide(ctx, true); }
Result<Reply> RefuseRevealGrant(RequestContext& ctx) { return Decide(ctx, false); }

}  // namespace handlers

}  // namespace shanhai

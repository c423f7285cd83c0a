// /api/v1/labor/me: the signed-in job seeker's own record, masked (name, ID number, mobile,
// home village by name). Only a job seeker's session reaches it with a person (the service
// refuses staff accounts, whose "*:*:read" would pass the route's permission).
#include "http/handlers/handlers.h"
#include "http/json_io.h"

namespace shanhai::handlers {

Result<Reply> JobSeekerProfile(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(SeekerProfile p, ctx.conn.job_seekers().Profile(ctx.actor));
  return Reply::Json({{"person_id", p.person_id},
                      {"name", p.name},
                      {"id_number", p.id_number_masked},
                      {"mobile", p.mobile_masked},
                      {"region_code", p.region_code},
                      {"region_name", p.region_name}});
}

}  // namespace shanhai::handlers

// /api/v1/admin/users/{id}/...: what a security administrator (admin:users:admin) does for an
// account's identity: lift a login lockout, set a new password (the user must change it at
// the next login), remove the second factor of a user who lost the phone.
#include "http/handlers/handlers.h"
#include "http/json_io.h"

namespace shanhai {

namespace handlers {

Result<Reply> UnlockUser(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_RETURN_IF_ERROR(ctx.conn.accounts().Unlock(ctx.actor, id));
  return Reply::Done();
}

Result<Reply> ResetUserPassword(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_ASSIGN_OR_RETURN(boost::json::object body, JsonBody(ctx.request, {{"password", JsonKind::kText}}));
  SH_RETURN_IF_ERROR(ctx.conn.accounts().ResetPassword(ctx.actor, id, JsonString(body, "password")));
  return Reply::Done();
}

Result<Reply> ResetUserTotp(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_RETURN_IF_ERROR(ctx.conn.accounts().ResetTotp(ctx.actor, id));
  return Reply::Done();
}

}  // namespace handlers

}  // namespace shanhai

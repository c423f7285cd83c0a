// /api/v1/admin/users/{id}/...: what a security administrator (admin:users:admin) does for an
// account's identity: lift a login lockout, set a new password (the user must change it at
// the next login), remove the second factor of a user who lost the phone.
#include "http/api_app.h"
#include "http/json_io.h"

namespace shanhai {

namespace {

HttpResponse Ok(const Status& s) { return s.ok() ? HttpResponse::Json(200, R"({"ok":true})") : HttpResponse::FromStatus(s); }

HttpResponse Unlock(RequestContext& ctx) {
  Result<int64_t> id = PathId(ctx.request);
  if (!id.ok()) return HttpResponse::FromStatus(id.status());
  return Ok(ctx.conn.accounts().Unlock(ctx.actor, *id));
}

HttpResponse ResetPassword(RequestContext& ctx) {
  Result<int64_t> id = PathId(ctx.request);
  if (!id.ok()) return HttpResponse::FromStatus(id.status());
  Result<boost::json::object> body = JsonBody(ctx.request, {{"password", JsonKind::kText}});
  if (!body.ok()) return HttpResponse::FromStatus(body.status());
  return Ok(ctx.conn.accounts().ResetPassword(ctx.actor, *id, JsonString(*body, "password")));
}

HttpResponse ResetTotp(RequestContext& ctx) {
  Result<int64_t> id = PathId(ctx.request);
  if (!id.ok()) return HttpResponse::FromStatus(id.status());
  return Ok(ctx.conn.accounts().ResetTotp(ctx.actor, *id));
}

}  // namespace

void AddIdentityRoutes(std::vector<ApiRoute>& routes) {
  routes.push_back({"POST", "/api/v1/admin/users/{id}/unlock", "admin:users:admin", Unlock,
                    "解除登录锁定 / lift a login lockout"});
  routes.push_back({"POST", "/api/v1/admin/users/{id}/password", "admin:users:admin", ResetPassword,
                    "重置密码（用户下次登录须修改）/ set a password the user must change"});
  routes.push_back({"DELETE", "/api/v1/admin/users/{id}/totp", "admin:users:admin", ResetTotp,
                    "移除两步验证 / remove the user's TOTP"});
}

}  // namespace shanhai

// /api/v1/auth: log in (sets the HttpOnly, SameSite=Strict session cookie and returns the
// CSRF token), log out, who am I, change password.
#include "domain/accounts/permission_catalog.h"
#include "http/api_app.h"
#include "http/json_io.h"

namespace shanhai {

namespace {

boost::json::object UserJson(const Actor& actor, const std::string& csrf) {
  // The declared permissions the user's roles grant: the console shows menus and buttons by
  // them (the server still checks each request).
  return {{"name", actor.name},
          {"roles", JsonTextArray(actor.roles)},
          {"region", actor.region},
          {"owner_ledger", actor.owner_ledger},
          {"owner_id", actor.owner_id},
          {"permissions", JsonTextArray(CoveredPermissions(actor.grants))},
          {"csrf_token", csrf}};
}

CookieAttributes SessionCookie() {
  CookieAttributes a;
  a.http_only = true;
  a.same_site = SameSite::kStrict;
  return a;
}

HttpResponse Login(RequestContext& ctx) {
  Result<boost::json::object> body = JsonBody(ctx.request);
  if (!body.ok()) return HttpResponse::FromStatus(body.status());
  Result<Session> session = ctx.conn.accounts().Login(JsonString(*body, "name"), JsonString(*body, "password"),
                                                      ctx.request.remote_address);
  if (!session.ok()) return HttpResponse::FromStatus(session.status());
  HttpResponse r = JsonResponse(UserJson(session->actor, session->csrf_token));
  r.SetCookie(kSessionCookie, session->token, SessionCookie());
  return r;
}

HttpResponse Logout(RequestContext& ctx) {
  const auto token = ctx.request.Cookie(kSessionCookie);
  Status s = ctx.conn.accounts().Logout(token ? std::string(*token) : "");
  if (!s.ok()) return HttpResponse::FromStatus(s);
  HttpResponse r = HttpResponse::Json(200, R"({"ok":true})");
  CookieAttributes expired = SessionCookie();
  expired.max_age_seconds = 0;
  r.SetCookie(kSessionCookie, "", expired);
  return r;
}

HttpResponse Me(RequestContext& ctx) { return JsonResponse(UserJson(ctx.actor, ctx.csrf_token)); }

HttpResponse ChangePassword(RequestContext& ctx) {
  Result<boost::json::object> body = JsonBody(ctx.request);
  if (!body.ok()) return HttpResponse::FromStatus(body.status());
  Status s = ctx.conn.accounts().ChangePassword(ctx.actor, JsonString(*body, "old_password"),
                                                JsonString(*body, "new_password"));
  return s.ok() ? HttpResponse::Json(200, R"({"ok":true})") : HttpResponse::FromStatus(s);
}

}  // namespace

void AddAuthRoutes(std::vector<ApiRoute>& routes) {
  routes.push_back({"POST", "/api/v1/auth/login", kPublic, Login, "登录 / log in"});
  routes.push_back({"POST", "/api/v1/auth/logout", kSession, Logout, "退出 / log out"});
  routes.push_back({"GET", "/api/v1/auth/me", kSession, Me, "当前用户与权限 / current user and permissions"});
  routes.push_back({"POST", "/api/v1/auth/password", kSession, ChangePassword, "修改密码 / change password"});
}

}  // namespace shanhai

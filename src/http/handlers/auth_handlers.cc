// /api/v1/auth: log in (sets the HttpOnly, SameSite=Strict session cookie and returns the
// CSRF token), log out, who am I, change password.
#include "http/api_app.h"
#include "http/json_io.h"
#include "security/permissions.h"

namespace shanhai {

namespace {

boost::json::object UserJson(const Actor& actor, const std::string& csrf) {
  boost::json::array ledgers;
  for (const std::string& l : actor.ledgers) ledgers.push_back(boost::json::string(l));
  // The permissions the console uses to show menus and buttons (the server still checks each).
  boost::json::array permissions;
  for (const LedgerDef* def : AllLedgers())
    for (const char* action : {"list", "read", "create", "update", "delete", "import", "export", "reveal"}) {
      const std::string p = LedgerPermission(*def, action);
      if (Authorize(actor, p).ok()) permissions.push_back(boost::json::string(p));
    }
  for (const char* p :
       {"indicators:report:read", "admin:users:admin", "admin:audit:admin", "admin:dictionaries:admin"})
    if (Authorize(actor, p).ok()) permissions.push_back(boost::json::string(p));
  return {{"name", actor.name}, {"role", actor.role}, {"region", actor.region},
          {"ledgers", std::move(ledgers)}, {"permissions", std::move(permissions)}, {"csrf_token", csrf}};
}

CookieAttributes SessionCookie() {
  CookieAttributes a;
  a.http_only = true;
  a.same_site = SameSite::kStrict;
  return a;
}

HttpResponse Login(RequestContext& ctx) {
  Result<boost::json::object> body = JsonBody(ctx.request, {{"name", JsonKind::kText}, {"password", JsonKind::kText}});
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
  Result<boost::json::object> body = JsonBody(ctx.request, {{"old_password", JsonKind::kText}, {"new_password", JsonKind::kText}});
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

// /api/v1/auth: log in (sets the HttpOnly, SameSite=Strict session cookie and returns the
// CSRF token; 429 with Retry-After while throttled; 401 "totp_required" when the account's
// second factor is missing), log out, who am I, change password, enrol TOTP.
#include "common/qr_code.h"
#include "domain/accounts/permission_catalog.h"
#include "http/api_app.h"
#include "http/json_io.h"

namespace shanhai {

namespace {

boost::json::object UserJson(const Actor& actor, const std::string& csrf, const SessionFlags& flags) {
  // The declared permissions the user's roles grant: the console shows menus and buttons by
  // them (the server still checks each request).
  return {{"name", actor.name},
          {"roles", JsonTextArray(actor.roles)},
          {"region", actor.region},
          {"owner_ledger", actor.owner_ledger},
          {"owner_id", actor.owner_id},
          {"permissions", JsonTextArray(CoveredPermissions(actor.grants))},
          {"csrf_token", csrf},
          {"must_change_password", flags.must_change_password},
          {"password_change_reason", flags.password_change_reason},
          {"totp_enrolled", flags.totp_enrolled},
          {"must_enrol_totp", flags.must_enrol_totp}};
}

CookieAttributes SessionCookie() {
  CookieAttributes a;
  a.http_only = true;
  a.same_site = SameSite::kStrict;
  return a;
}

HttpResponse Login(RequestContext& ctx) {
  Result<boost::json::object> body = JsonBody(ctx.request, {{"name", JsonKind::kText}, {"password", JsonKind::kText}, {"totp", JsonKind::kText}});
  if (!body.ok()) return HttpResponse::FromStatus(body.status());
  LoginRefusal refusal;
  Result<Session> session = ctx.conn.accounts().Login(JsonString(*body, "name"), JsonString(*body, "password"),
                                                      ctx.request.remote_address, JsonString(*body, "totp"), &refusal);
  if (refusal.retry_after_seconds > 0) {
    HttpResponse r = HttpResponse::Error(429, "too_many_attempts", session.status().message_zh(),
                                         session.status().message_en());
    r.AddHeader("Retry-After", std::to_string(refusal.retry_after_seconds));
    return r;
  }
  if (refusal.totp_required)
    return HttpResponse::Error(401, "totp_required", session.status().message_zh(), session.status().message_en());
  if (!session.ok()) return HttpResponse::FromStatus(session.status());
  HttpResponse r = JsonResponse(UserJson(session->actor, session->csrf_token, session->flags));
  r.SetCookie(kSessionCookie, session->token, SessionCookie());
  return r;
}

HttpResponse Logout(RequestContext& ctx) {
  const auto token = ctx.request.Cookie(kSessionCookie);
  Status s = ctx.conn.accounts().Logout(token ? std::string(*token) : "", ctx.request.remote_address);
  if (!s.ok()) return HttpResponse::FromStatus(s);
  HttpResponse r = HttpResponse::Json(200, R"({"ok":true})");
  CookieAttributes expired = SessionCookie();
  expired.max_age_seconds = 0;
  r.SetCookie(kSessionCookie, "", expired);
  return r;
}

HttpResponse Me(RequestContext& ctx) { return JsonResponse(UserJson(ctx.actor, ctx.csrf_token, ctx.session_flags)); }

HttpResponse ChangePassword(RequestContext& ctx) {
  Result<boost::json::object> body = JsonBody(ctx.request, {{"old_password", JsonKind::kText}, {"new_password", JsonKind::kText}});
  if (!body.ok()) return HttpResponse::FromStatus(body.status());
  const auto token = ctx.request.Cookie(kSessionCookie);
  Status s = ctx.conn.accounts().ChangePassword(ctx.actor, JsonString(*body, "old_password"),
                                                JsonString(*body, "new_password"), token ? std::string(*token) : "");
  return s.ok() ? HttpResponse::Json(200, R"({"ok":true})") : HttpResponse::FromStatus(s);
}

// A new (pending) TOTP secret for the caller: the Base32 text, the otpauth:// URI and its QR
// code as SVG. It takes effect only after /auth/totp/confirm.
// An enrolled account sends {"current_code"}; a first enrolment may send no body.
HttpResponse BeginTotp(RequestContext& ctx) {
  std::string current_code;
  if (!ctx.request.body.empty()) {
    Result<boost::json::object> body = JsonBody(ctx.request, {{"current_code", JsonKind::kText}});
    if (!body.ok()) return HttpResponse::FromStatus(body.status());
    current_code = JsonString(*body, "current_code");
  }
  Result<TotpSecretShown> shown = ctx.conn.accounts().totp().Begin(ctx.actor, current_code);
  if (!shown.ok()) return HttpResponse::FromStatus(shown.status());
  Result<std::string> svg = QrSvg(shown->uri);
  if (!svg.ok()) return HttpResponse::FromStatus(svg.status());
  return JsonResponse({{"secret", shown->secret_base32}, {"uri", shown->uri}, {"qr_svg", *svg}});
}

HttpResponse ConfirmTotp(RequestContext& ctx) {
  Result<boost::json::object> body = JsonBody(ctx.request, {{"code", JsonKind::kText}});
  if (!body.ok()) return HttpResponse::FromStatus(body.status());
  Status s = ctx.conn.accounts().totp().Confirm(ctx.actor, JsonString(*body, "code"));
  return s.ok() ? HttpResponse::Json(200, R"({"ok":true,"totp_enrolled":true})") : HttpResponse::FromStatus(s);
}

}  // namespace

void AddAuthRoutes(std::vector<ApiRoute>& routes) {
  routes.push_back({"POST", "/api/v1/auth/login", kPublic, Login, "登录 / log in"});
  routes.push_back({"POST", "/api/v1/auth/logout", kSession, Logout, "退出 / log out"});
  routes.push_back({"GET", "/api/v1/auth/me", kSession, Me, "当前用户与权限 / current user and permissions"});
  routes.push_back({"POST", "/api/v1/auth/password", kSession, ChangePassword, "修改密码 / change password"});
  routes.push_back({"POST", "/api/v1/auth/totp", kSession, BeginTotp,
                    "两步验证：生成待确认的密钥与二维码 / TOTP: a new secret and QR code to confirm"});
  routes.push_back({"POST", "/api/v1/auth/totp/confirm", kSession, ConfirmTotp,
                    "两步验证：以验证码确认并启用 / TOTP: switch on with a code"});
}

bool AllowedBeforeSetup(const ApiRoute& route, bool enrolling_totp) {
  const std::string key = route.method + " " + route.path;
  for (const char* allowed : {"GET /api/v1/auth/me", "POST /api/v1/auth/password", "POST /api/v1/auth/logout"})
    if (key == allowed) return true;
  return enrolling_totp && (key == "POST /api/v1/auth/totp" || key == "POST /api/v1/auth/totp/confirm");
}

}  // namespace shanhai

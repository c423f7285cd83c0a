#include "http/api_app.h"

#include <map>

#include "http/access_log.h"
#include "http/metrics.h"
#include "http/websocket_origin.h"
#include "security/tokens.h"

namespace shanhai {

namespace {

bool IsWrite(const std::string& method) { return method != "GET" && method != "HEAD"; }

// A refusal of a logged-in user (403: CSRF or permission) goes into the audit log with the
// route it hit (its template, so no personal data from the path). The response stands even if
// the log cannot be written.
HttpResponse AuditedRefusal(RequestContext& ctx, const ApiRoute& route, const std::string& action,
                            HttpResponse response) {
  Status s = ctx.conn.ledgers().audit().Write(ctx.actor, action, "", 0, "", "", "",
                                              route.method + " " + route.path + " " + route.permission);
  if (!s.ok()) LogError("audit_write_failed", {{"action", action}, {"error", s.message_en()}});
  return response;
}

}  // namespace

ApiApp::ApiApp(const AppEnv& env, const StaticFiles& static_files)
    : env_(env), static_files_(static_files), routes_(BuildApiRoutes()) {
  for (size_t i = 0; i < routes_.size(); ++i) {
    const ApiRoute& r = routes_[i];
    Status s = router_.Add(Route{r.method, r.path, r.method + " " + r.path, r.permission,
                                 [this, i](HttpRequest& req) { return Dispatch(req, routes_[i]); }});
    if (!s.ok()) LogError("route_rejected", {{"route", r.path}, {"error", s.message_en()}});
  }
}

Result<AppConn*> ApiApp::ThreadConnection() {
  // One connection per worker thread and environment, opened on first use.
  thread_local std::map<const AppEnv*, std::unique_ptr<AppConn>> connections;
  auto& conn = connections[&env_];
  if (!conn) {
    SH_ASSIGN_OR_RETURN(conn, AppConn::Open(env_, false, ObserveDbTime));
  }
  return conn.get();
}

HttpResponse ApiApp::Handle(HttpRequest& request) {
  if (request.path == "/healthz") {
    request.route_name = "healthz";
    Result<AppConn*> conn = ThreadConnection();
    if (!conn.ok() || !(*conn)->db().Query("SELECT 1").ok())
      return HttpResponse::Error(503, "unavailable", "数据库不可用", "the database is unavailable");
    return HttpResponse::Json(200, R"({"status":"ok"})");
  }
  const std::string method = request.method == "HEAD" ? "GET" : request.method;
  RouteMatch match = router_.Match(method, request.path);
  if (match.kind == MatchKind::kFound) {
    request.path_params = match.params;
    request.route_name = match.route->name;
    return match.route->handler(request);
  }
  if (!request.path.starts_with("/api/")) {
    if (std::optional<HttpResponse> file = static_files_.Serve(request)) return *file;
  }
  if (match.kind == MatchKind::kMethodNotAllowed) return Router::MethodNotAllowedResponse(match.allow);
  return Router::NotFoundResponse();
}

HttpResponse ApiApp::Dispatch(HttpRequest& request, const ApiRoute& route) {
  Result<AppConn*> conn = ThreadConnection();
  if (!conn.ok()) return HttpResponse::FromStatus(conn.status());
  RequestContext ctx{request, Actor{}, **conn, env_, "", {}, route.ledger, route.transition, &signalling_};
  if (IsCrossSiteUpgrade(request))
    return HttpResponse::Error(403, "cross_site_websocket", "只接受本系统页面发起的 WebSocket 连接",
                               "WebSocket connections are accepted from this site's own pages only");
  if (route.permission != kPublic) {
    const auto cookie = request.Cookie(kSessionCookie);
    const std::string token = cookie ? std::string(*cookie) : "";
    Result<Actor> actor = (*conn)->AuthenticateSession(token, &ctx.csrf_token, &ctx.session_flags);
    if (!actor.ok()) return HttpResponse::FromStatus(actor.status());
    ctx.actor = std::move(actor).value();
    ctx.actor.remote = request.remote_address;
    request.user = ctx.actor.name;
    // Writes must echo the session's CSRF token in a header a cross-site form cannot set.
    if (IsWrite(request.method)) {
      const auto sent = request.Header(kCsrfHeader);
      if (!sent || !ConstantTimeEquals(*sent, ctx.csrf_token))
        return AuditedRefusal(ctx, route, "csrf_refused",
                              HttpResponse::Error(403, "csrf", "缺少或错误的 CSRF 令牌，请刷新页面后重试",
                                                  "missing or wrong CSRF token; reload the page and retry"));
    }
    if (ctx.actor.job_seeker() && !JobSeekerRoute(route))
      return AuditedRefusal(ctx, route, "permission_denied",
                            HttpResponse::Error(403, "job_seeker_refused", "求职者账号不能使用工作人员的功能",
                                                "a job seeker cannot use staff functions"));
    if (ctx.session_flags.must_change_password && !AllowedBeforeSetup(route, false))
      return HttpResponse::Error(403, "password_change_required", "请先修改密码，再使用系统",
                                 "change your password before using the system");
    if (ctx.session_flags.must_enrol_totp && !AllowedBeforeSetup(route, true))
      return HttpResponse::Error(403, "totp_enrolment_required", "管理员须先启用两步验证",
                                 "administrators must enrol two-step verification first");
    if (route.permission != kSession) {
      Status allowed = Authorize(ctx.actor, route.permission);
      if (!allowed.ok()) return AuditedRefusal(ctx, route, "permission_denied", HttpResponse::FromStatus(allowed));
    }
  }
  Result<Reply> reply = route.handler(ctx);
  if (reply.ok()) return std::move(reply).value().ToHttp();
  HttpResponse refusal = HttpResponse::FromStatus(reply.status());
  // Refusals decided inside a service (another region's record, reveal without the permission).
  if (reply.status().code() == Code::kPermissionDenied && !ctx.actor.name.empty())
    return AuditedRefusal(ctx, route, "permission_denied", std::move(refusal));
  return refusal;
}

}  // namespace shanhai

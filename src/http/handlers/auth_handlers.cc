// /api/v1/auth: log in (sets the HttpOnly, SameSite=Strict session cookie and returns the
// CSRF token; 429 with Retry-After while throttled; 401 "totp_required" when the account's
// second factor is missing; 403 "account_disabled" when password and second factor of a
// disabled account are right), log out (closing the session's interview seats), who am I, change
// password, enrol TOTP; and the job seekers' one-time-code login (the same cookie and CSRF token;
// domain/job_seekers).
#include <chrono>
#include <thread>

#include "common/qr_code.h"
#include "domain/accounts/permission_catalog.h"
#include "domain/accounts/user_names.h"
#include "http/api_app.h"
#include "http/handlers/handlers.h"
#include "http/interview_seat_check.h"
#include "http/json_io.h"

namespace shanhai {

namespace {

// display_name: the account's whole name (王芳), which the console's header shows; "" when it has none.
boost::json::object UserJson(const Actor& actor, const std::string& display_name, const std::string& csrf,
                             const SessionFlags& flags) {
  // The declared permissions the user's roles grant and it may use now (not a reveal awaiting a
  // second administrator): the console shows menus and buttons by them (the server still checks
  // each request).
  std::vector<std::string> permissions;
  for (std::string& p : CoveredPermissions(actor.grants))
    if (Authorize(actor, p).ok()) permissions.push_back(std::move(p));
  return {{"name", actor.name},
          {"display_name", display_name},
          {"roles", JsonTextArray(actor.roles)},
          {"region", actor.region},
          {"owner_ledger", actor.owner_ledger},
          {"owner_id", actor.owner_id},
          {"permissions", JsonTextArray(permissions)},
          {"reveal_awaits_approval", actor.reveal_withheld},
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

}  // namespace

namespace handlers {

Result<Reply> Login(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(boost::json::object body,
                      JsonBody(ctx.request, {{"name", JsonKind::kText}, {"password", JsonKind::kText}, {"totp", JsonKind::kText}}));
  LoginRefusal refusal;
  Result<Session> session = ctx.conn.accounts().Login(JsonString(body, "name"), JsonString(body, "password"),
                                                      ctx.request.remote_address, JsonString(body, "totp"), &refusal);
  if (refusal.retry_after_seconds > 0)
    return Reply::Refusal(429, "too_many_attempts", session.status())
        .AddHeader("Retry-After", std::to_string(refusal.retry_after_seconds));
  if (refusal.totp_required) return Reply::Refusal(401, "totp_required", session.status());
  if (refusal.disabled) return Reply::Refusal(403, "account_disabled", session.status());
  if (!session.ok()) return session.status();
  SH_ASSIGN_OR_RETURN(std::string display_name, UserNames(ctx.conn.db()).Of(session->actor.name));
  Reply reply = Reply::Json(UserJson(session->actor, display_name, session->csrf_token, session->flags));
  reply.SetCookie(kSessionCookie, session->token, SessionCookie());
  return reply;
}

Result<Reply> Logout(RequestContext& ctx) {
  const auto cookie = ctx.request.Cookie(kSessionCookie);
  const std::string token = cookie ? std::string(*cookie) : "";
  if (ctx.actor.job_seeker())
    SH_RETURN_IF_ERROR(ctx.conn.job_seekers().Logout(token, ctx.actor));
  else
    SH_RETURN_IF_ERROR(ctx.conn.accounts().Logout(token, ctx.request.remote_address));
  // The session's interview seats end with it, now rather than at the next sweep.
  if (ctx.signalling) ctx.signalling->EndSession(token, LoggedOutSeatEnd());
  CookieAttributes expired = SessionCookie();
  expired.max_age_seconds = 0;
  Reply reply = Reply::Done();
  reply.SetCookie(kSessionCookie, "", expired);
  return reply;
}

Result<Reply> Me(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(std::string display_name, UserNames(ctx.conn.db()).Of(ctx.actor.name));
  return Reply::Json(UserJson(ctx.actor, display_name, ctx.csrf_token, ctx.session_flags));
}

Result<Reply> ChangePassword(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(boost::json::object body,
                      JsonBody(ctx.request, {{"old_password", JsonKind::kText}, {"new_password", JsonKind::kText}}));
  const auto token = ctx.request.Cookie(kSessionCookie);
  SH_RETURN_IF_ERROR(ctx.conn.accounts().ChangePassword(ctx.actor, JsonString(body, "old_password"),
                                                        JsonString(body, "new_password"),
                                                        token ? std::string(*token) : ""));
  return Reply::Done();
}

// A new (pending) TOTP secret for the caller: the Base32 text, the otpauth:// URI and its QR
// code as SVG. It takes effect only after /auth/totp/confirm.
// An enrolled account sends {"current_code"}; a first enrolment may send no body.
Result<Reply> BeginTotp(RequestContext& ctx) {
  std::string current_code;
  if (!ctx.request.body.empty()) {
    SH_ASSIGN_OR_RETURN(boost::json::object body, JsonBody(ctx.request, {{"current_code", JsonKind::kText}}));
    current_code = JsonString(body, "current_code");
  }
  SH_ASSIGN_OR_RETURN(TotpSecretShown shown, ctx.conn.accounts().totp().Begin(ctx.actor, current_code));
  SH_ASSIGN_OR_RETURN(std::string svg, QrSvg(shown.uri));
  return Reply::Json({{"secret", shown.secret_base32}, {"uri", shown.uri}, {"qr_svg", svg}});
}

Result<Reply> ConfirmTotp(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(boost::json::object body, JsonBody(ctx.request, {{"code", JsonKind::kText}}));
  SH_RETURN_IF_ERROR(ctx.conn.accounts().totp().Confirm(ctx.actor, JsonString(body, "code")));
  return Reply::JsonText(R"({"ok":true,"totp_enrolled":true})");
}

// The least time a code request is answered in: a registered number's request writes a code,
// an outbox row and an audit row (a fraction of a millisecond), an unknown one's nothing, and
// without the floor the difference tells the two apart over many tries.
constexpr std::chrono::milliseconds kOtpAnswerFloor{25};

// {"mobile"} → {"sent": true, "expires_in": seconds} whether or not the number is a person's
// (so numbers cannot be probed: same body, no sooner than kOtpAnswerFloor); 429 with Retry-After
// while the number or address must wait (decided before the number is looked up).
Result<Reply> RequestOtp(RequestContext& ctx) {
  const auto began = std::chrono::steady_clock::now();
  SH_ASSIGN_OR_RETURN(boost::json::object body, JsonBody(ctx.request, {{"mobile", JsonKind::kText}}));
  int64_t retry_after = 0;
  JobSeekerLogin& login = ctx.conn.job_seekers();
  const Status requested = login.Request(JsonString(body, "mobile"), ctx.request.remote_address, &retry_after);
  if (retry_after > 0)
    return Reply::Refusal(429, "too_many_attempts", requested).AddHeader("Retry-After", std::to_string(retry_after));
  SH_RETURN_IF_ERROR(requested);
  std::this_thread::sleep_until(began + kOtpAnswerFloor);
  return Reply::Json({{"sent", true}, {"expires_in", login.policy().code_ttl_seconds}});
}

// {"mobile", "code"} → the job seeker's session (cookie) and {"person_id", "csrf_token", "role"}.
Result<Reply> VerifyOtp(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(boost::json::object body,
                      JsonBody(ctx.request, {{"mobile", JsonKind::kText}, {"code", JsonKind::kText}}));
  int64_t retry_after = 0;
  Result<SeekerSession> session = ctx.conn.job_seekers().Verify(JsonString(body, "mobile"), JsonString(body, "code"),
                                                                ctx.request.remote_address, &retry_after);
  if (retry_after > 0)
    return Reply::Refusal(429, "too_many_attempts", session.status())
        .AddHeader("Retry-After", std::to_string(retry_after));
  if (!session.ok()) return session.status();
  Reply reply = Reply::Json(
      {{"person_id", session->actor.person_id}, {"role", kJobSeekerRole}, {"csrf_token", session->csrf_token}});
  reply.SetCookie(kSessionCookie, session->token, SessionCookie());
  return reply;
}

}  // namespace handlers

}  // namespace shanhai

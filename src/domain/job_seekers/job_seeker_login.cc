#include "domain/job_seekers/job_seeker_login.h"

#include <sodium.h>

#include <cstdio>

#include "common/id_number.h"
#include "common/mobile.h"
#include "regions/region_catalog.h"
#include "security/tokens.h"

namespace shanhai {

namespace {

// The people registry's look-up hash context of mobile (RecordCodec: "<ledger>.<field>").
constexpr const char* kPeopleMobileContext = "people.mobile";
constexpr const char* kPeopleIdNumberContext = "people.id_number";
constexpr const char* kCodeHashContext = "otp_codes.code";
constexpr const char* kNumberScope = "number";
constexpr const char* kAddressScope = "address";
constexpr const char* kFailureScope = "address_failure";
constexpr int64_t kTouchSeconds = 60;

constexpr const char* kPersonByMobile =
    "SELECT id, region_code, helped_region FROM people WHERE mobile_hash = ? ORDER BY id LIMIT 1";
constexpr const char* kDeleteCode = "DELETE FROM otp_codes WHERE mobile_hash = ?";
constexpr const char* kInsertCode =
    "INSERT INTO otp_codes (mobile_hash, person_id, code_hash, attempts, created_at, expires_at) VALUES (?, ?, ?, 0, ?, ?)";
constexpr const char* kSelectCode = "SELECT person_id, code_hash, attempts, expires_at FROM otp_codes WHERE mobile_hash = ?";
// Counted in the statement (attempts + 1), so wrong codes sent at once are each counted, and only
// against the code they were tried on (not a newer one).
constexpr const char* kCountAttempt = "UPDATE otp_codes SET attempts = attempts + 1 WHERE mobile_hash = ? AND code_hash = ?";
constexpr const char* kDropSpentCode = "DELETE FROM otp_codes WHERE mobile_hash = ? AND attempts >= ?";
// Deleting by the hash too makes the code single-use under concurrency: only one verify deletes
// it; and only while it has tries left, so a right code racing the wrong ones that spent it fails.
constexpr const char* kUseCode = "DELETE FROM otp_codes WHERE mobile_hash = ? AND code_hash = ? AND attempts < ?";
constexpr const char* kInsertSession =
    "INSERT INTO seeker_sessions (token_hash, person_id, csrf_token, created_at, last_seen_at, expires_at) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectSession =
    "SELECT s.person_id, s.csrf_token, s.last_seen_at, s.expires_at, p.region_code FROM seeker_sessions s "
    "JOIN people p ON p.id = s.person_id WHERE s.token_hash = ?";
constexpr const char* kTouchSession = "UPDATE seeker_sessions SET last_seen_at = ? WHERE token_hash = ?";
constexpr const char* kDeleteSession = "DELETE FROM seeker_sessions WHERE token_hash = ?";
constexpr const char* kPurgeSessions = "DELETE FROM seeker_sessions WHERE expires_at < ? OR last_seen_at < ?";
constexpr const char* kPurgeCodes = "DELETE FROM otp_codes WHERE expires_at < ?";
constexpr const char* kSelectPerson = "SELECT name, id_number_enc, mobile_enc, region_code FROM people WHERE id = ?";

Result<std::string> ParseNumberField(const std::string& mobile) {
  Result<std::string> digits = ParseMobile(mobile);
  if (!digits.ok())
    return Status::InvalidField("mobile", "手机号：" + digits.status().message_zh(),
                                "mobile: " + digits.status().message_en());
  return digits;
}

Status MustWait(int64_t seconds, int64_t* retry_after_seconds) {
  if (retry_after_seconds) *retry_after_seconds = seconds;
  const std::string n = std::to_string(seconds);
  return Status::PermissionDenied("请求过于频繁，请 " + n + " 秒后再试", "too many attempts; retry in " + n + " s");
}

Status WrongCode() { return Status::Unauthenticated("验证码错误或已失效", "wrong or expired code"); }

Actor SeekerActor(int64_t person_id, const std::string& region, const std::string& remote) {
  Actor actor{JobSeekerActorName(person_id), {kJobSeekerRole}, {kJobSeekerPermission}, region, "", 0, remote};
  actor.person_id = person_id;
  return actor;
}

std::string CodeText(const std::string& code, int64_t ttl_seconds) {
  const std::string minutes = std::to_string((ttl_seconds + 59) / 60);
  return "【山海就业】您的登录验证码为 " + code + "，" + minutes + " 分钟内有效。请勿转告他人。";
}

}  // namespace

std::string JobSeekerActorName(int64_t person_id) { return "job_seeker:" + std::to_string(person_id); }

JobSeekerLogin::JobSeekerLogin(ServiceContext& context, MessageSender& sender, OtpPolicy policy,
                               CodeSource random_code)
    : context_(context),
      sender_(sender),
      policy_(policy),
      random_code_(random_code ? std::move(random_code) : CodeSource([] { return randombytes_uniform(1000000); })),
      throttle_(*context.db) {}

std::string JobSeekerLogin::CodeHash(const std::string& number_hash, const std::string& code) const {
  return context_.vault->LookupHash(number_hash + ":" + code, kCodeHashContext);
}

Status JobSeekerLogin::Request(const std::string& mobile, const std::string& remote, int64_t* retry_after_seconds) {
  SH_ASSIGN_OR_RETURN(std::string digits, ParseNumberField(mobile));
  Database& db = *context_.db;
  const std::string number_hash = context_.vault->LookupHash(digits, kPeopleMobileContext);
  const int64_t now = context_.clock.Seconds();
  SH_ASSIGN_OR_RETURN(int64_t number_wait, throttle_.Wait(kNumberScope, number_hash, policy_.per_number, now));
  SH_ASSIGN_OR_RETURN(int64_t address_wait, throttle_.Wait(kAddressScope, AddressSubject(remote), policy_.per_address, now));
  if (number_wait > 0 || address_wait > 0) return MustWait(std::max(number_wait, address_wait), retry_after_seconds);

  char code[8];
  std::snprintf(code, sizeof code, "%06u", static_cast<unsigned>(random_code_() % 1000000));
  OutgoingMessage message{digits, CodeText(code, policy_.code_ttl_seconds), kOtpPurpose, "", ""};
  return InTransaction(db, [&]() -> Status {
    // Every request counts against both limits, whether or not the number is anyone's.
    SH_RETURN_IF_ERROR(throttle_.Record(kNumberScope, number_hash, now));
    SH_RETURN_IF_ERROR(throttle_.Record(kAddressScope, AddressSubject(remote), now));
    SH_RETURN_IF_ERROR(throttle_.Purge(now, std::max(policy_.per_number.window_seconds, policy_.per_address.window_seconds)));
    SH_RETURN_IF_ERROR(db.Execute(kPurgeCodes, {IsoUtcAt(now)}).status());
    SH_ASSIGN_OR_RETURN(Rows person, db.Query(kPersonByMobile, {number_hash}));
    if (person.rows.empty()) return Status::Ok();  // same answer: nothing tells the caller
    const int64_t person_id = AsInt(person.rows[0][0]);
    message.home_region = AsText(person.rows[0][1]);
    message.helped_region = AsText(person.rows[0][2]);
    SH_RETURN_IF_ERROR(db.Execute(kDeleteCode, {number_hash}).status());
    SH_RETURN_IF_ERROR(db.Execute(kInsertCode, {number_hash, person_id, CodeHash(number_hash, code), IsoUtcAt(now),
                                                IsoUtcAt(now + policy_.code_ttl_seconds)})
                           .status());
    // The sender writes the outbox row in this transaction (queued for the gateway relay when
    // there is a gateway): nothing here waits on a network, whoever the number belongs to.
    SH_RETURN_IF_ERROR(sender_.Send(message));
    return context_.audit.Write(SeekerActor(person_id, message.home_region, remote), "otp_requested", "people",
                                person_id, message.helped_region, "", "", "");
  });
}

Status JobSeekerLogin::RecordWrongCode(const std::string& number_hash, const std::string& live_code_hash,
                                       int64_t person_id, const std::string& remote, int64_t now) {
  return InTransaction(*context_.db, [&]() -> Status {
    SH_RETURN_IF_ERROR(throttle_.Record(kFailureScope, AddressSubject(remote), now));
    if (live_code_hash.empty()) return Status::Ok();  // no live code to count against
    SH_RETURN_IF_ERROR(context_.db->Execute(kCountAttempt, {number_hash, live_code_hash}).status());
    SH_RETURN_IF_ERROR(context_.db->Execute(kDropSpentCode, {number_hash, policy_.max_attempts}).status());
    // A wrong code against a person's live code is a failed login of that person (never the code tried).
    return context_.audit.Write(SeekerActor(person_id, "", remote), "otp_failed", "people", person_id, "", "", "", "");
  });
}

Result<SeekerSession> JobSeekerLogin::Verify(const std::string& mobile, const std::string& code,
                                             const std::string& remote, int64_t* retry_after_seconds) {
  SH_ASSIGN_OR_RETURN(std::string digits, ParseNumberField(mobile));
  if (code.size() != 6 || code.find_first_not_of("0123456789") != std::string::npos)
    return Status::InvalidField("code", "验证码应为 6 位数字", "the code is 6 digits");
  Database& db = *context_.db;
  const int64_t now = context_.clock.Seconds();
  SH_ASSIGN_OR_RETURN(int64_t wait, throttle_.Wait(kFailureScope, AddressSubject(remote), policy_.failures_per_address, now));
  if (wait > 0) return MustWait(wait, retry_after_seconds);
  const std::string number_hash = context_.vault->LookupHash(digits, kPeopleMobileContext);
  SH_ASSIGN_OR_RETURN(Rows rows, db.Query(kSelectCode, {number_hash}));
  if (rows.rows.empty() || AsText(rows.rows[0][3]) < IsoUtcAt(now)) {
    SH_RETURN_IF_ERROR(RecordWrongCode(number_hash, "", 0, remote, now));
    return WrongCode();
  }
  const int64_t person_id = AsInt(rows.rows[0][0]);
  const std::string expected = CodeHash(number_hash, code);
  if (!ConstantTimeEquals(AsText(rows.rows[0][1]), expected)) {
    SH_RETURN_IF_ERROR(RecordWrongCode(number_hash, AsText(rows.rows[0][1]), person_id, remote, now));
    return WrongCode();
  }
  SeekerSession session{NewToken(), NewToken(), {}};
  bool used = false;
  SH_RETURN_IF_ERROR(InTransaction(db, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(int64_t deleted, db.Execute(kUseCode, {number_hash, expected, policy_.max_attempts}));
    if (deleted != 1) return Status::Ok();  // another request used it first
    SH_ASSIGN_OR_RETURN(Rows person, db.Query(kSelectPerson, {person_id}));
    if (person.rows.empty()) return Status::Ok();  // the person was deleted meanwhile
    used = true;
    session.actor = SeekerActor(person_id, AsText(person.rows[0][3]), remote);
    SH_RETURN_IF_ERROR(db.Execute(kPurgeSessions, {IsoUtcAt(now), IsoUtcAt(now - policy_.session_idle_seconds)}).status());
    SH_RETURN_IF_ERROR(db.Execute(kInsertSession, {TokenHash(session.token), person_id, session.csrf_token,
                                                   IsoUtcAt(now), IsoUtcAt(now),
                                                   IsoUtcAt(now + policy_.session_lifetime_seconds)})
                           .status());
    return context_.audit.Write(session.actor, "otp_login", "people", person_id, "", "", "", "");
  }));
  if (!used) return WrongCode();
  return session;
}

Result<Actor> JobSeekerLogin::Authenticate(const std::string& token, std::string* csrf_out) {
  if (token.empty()) return Status::Unauthenticated("请先登录", "please log in");
  const std::string hash = TokenHash(token);
  const int64_t now = context_.clock.Seconds();
  SH_ASSIGN_OR_RETURN(Rows rows, context_.db->Query(kSelectSession, {hash}));
  if (rows.rows.empty()) return Status::Unauthenticated("登录已失效，请重新登录", "your session has ended; log in again");
  const auto& r = rows.rows[0];
  if (IsoUtcAt(now) > AsText(r[3]) || IsoUtcAt(now - policy_.session_idle_seconds) > AsText(r[2])) {
    SH_RETURN_IF_ERROR(context_.db->Execute(kDeleteSession, {hash}).status());
    return Status::Unauthenticated("登录已超时，请重新登录", "your session timed out; log in again");
  }
  if (IsoUtcAt(now - kTouchSeconds) > AsText(r[2]))
    SH_RETURN_IF_ERROR(context_.db->Execute(kTouchSession, {IsoUtcAt(now), hash}).status());
  if (csrf_out) *csrf_out = AsText(r[1]);
  return SeekerActor(AsInt(r[0]), AsText(r[4]), "");
}

Status JobSeekerLogin::Logout(const std::string& token, const Actor& actor) {
  if (token.empty()) return Status::Ok();
  return InTransaction(*context_.db, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(int64_t ended, context_.db->Execute(kDeleteSession, {TokenHash(token)}));
    if (ended == 0) return Status::Ok();
    return context_.audit.Write(actor, "logout", "people", actor.person_id, "", "", "", "");
  });
}

Result<SeekerProfile> JobSeekerLogin::Profile(const Actor& actor) {
  if (!actor.job_seeker())
    return Status::PermissionDenied("仅求职者本人可用（请用手机号和验证码登录）",
                                    "for job seekers only (log in with your mobile number and a code)");
  SH_ASSIGN_OR_RETURN(Rows rows, context_.db->Query(kSelectPerson, {actor.person_id}));
  if (rows.rows.empty()) return Status::NotFound("人员记录不存在", "the person's record no longer exists");
  const auto& r = rows.rows[0];
  SeekerProfile profile;
  profile.person_id = actor.person_id;
  profile.name = AsText(r[0]);
  SH_ASSIGN_OR_RETURN(std::string id_number, context_.vault->Decrypt(AsText(r[1]), kPeopleIdNumberContext));
  profile.id_number_masked = MaskIdNumber(id_number);
  if (!IsNull(r[2])) {
    SH_ASSIGN_OR_RETURN(std::string mobile, context_.vault->Decrypt(AsText(r[2]), kPeopleMobileContext));
    profile.mobile_masked = MaskMobile(mobile);
  }
  profile.region_code = AsText(r[3]);
  profile.region_name = RegionCatalog::Embedded().FullName(profile.region_code);
  return profile;
}

}  // namespace shanhai

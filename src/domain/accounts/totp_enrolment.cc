#include "domain/accounts/totp_enrolment.h"

#include "domain/accounts/session_cache.h"
#include "security/permissions.h"
#include "security/totp.h"

namespace shanhai {

namespace {

constexpr const char* kVaultContext = "users.totp_secret";
constexpr const char* kSelectId = "SELECT id FROM users WHERE name = ?";
constexpr const char* kSelectTotp = "SELECT totp_secret, totp_pending, totp_last_step FROM users WHERE id = ?";
constexpr const char* kSetPending = "UPDATE users SET totp_pending = ? WHERE id = ?";
constexpr const char* kActivate =
    "UPDATE users SET totp_secret = ?, totp_pending = '', totp_last_step = ? WHERE id = ?";
constexpr const char* kClear = "UPDATE users SET totp_secret = '', totp_pending = '', totp_last_step = 0 WHERE id = ?";
// Conditional, so two requests racing with the same code cannot both pass.
constexpr const char* kUseStep = "UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?";

Status WrongCode() {
  const std::string zh = "验证码不正确或已用过", en = "the code is wrong or was already used";
  return Status::InvalidField("code", zh, en);
}

}  // namespace

TotpEnrolment::TotpEnrolment(ServiceContext& context)
    : db_(*context.db), vault_(context.vault), audit_(context.audit), clock_(context.clock) {}

Status TotpEnrolment::RequireVault() const {
  if (vault_) return Status::Ok();
  return Status::Unavailable("没有数据密钥，无法保存两步验证密钥", "no data key: TOTP secrets cannot be stored");
}

Result<int64_t> TotpEnrolment::UserId(const std::string& name) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSelectId, {name}));
  if (rows.rows.empty()) return Status::NotFound("用户不存在：" + name, "no such user: " + name);
  return AsInt(rows.rows[0][0]);
}

Result<TotpSecretShown> TotpEnrolment::Begin(const Actor& actor, const std::string& current_code) {
  SH_RETURN_IF_ERROR(RequireVault());
  SH_ASSIGN_OR_RETURN(int64_t id, UserId(actor.name));
  SH_ASSIGN_OR_RETURN(bool enrolled, Enrolled(id));
  if (enrolled && !Verify(id, current_code).ok()) {
    const std::string zh = "更换两步验证须先输入当前的验证码", en = "enter the current code to replace the second factor";
    return Status::InvalidField("current_code", zh, en);
  }
  const std::string secret = NewTotpSecret();
  SH_RETURN_IF_ERROR(InTransaction(db_, [&]() -> Status {
    SH_RETURN_IF_ERROR(db_.Execute(kSetPending, {vault_->Encrypt(secret, kVaultContext), id}).status());
    return audit_.Write(actor, "totp_begin", "users", id, "", "", "");
  }));
  return TotpSecretShown{Base32Encode(secret), TotpUri(kTotpIssuer, actor.name, secret)};
}

Status TotpEnrolment::Confirm(const Actor& actor, const std::string& code) {
  SH_RETURN_IF_ERROR(RequireVault());
  SH_ASSIGN_OR_RETURN(int64_t id, UserId(actor.name));
  const Status enrolled = InTransaction(db_, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSelectTotp, {id}));
    const std::string pending = AsText(rows.rows[0][1]);
    if (pending.empty()) return WrongCode();
    SH_ASSIGN_OR_RETURN(std::string secret, vault_->Decrypt(pending, kVaultContext));
    const std::optional<int64_t> step = MatchTotp(secret, code, clock_.Seconds(), 0);
    if (!step) return WrongCode();
    SH_RETURN_IF_ERROR(db_.Execute(kActivate, {pending, *step, id}).status());
    return audit_.Write(actor, "totp_enrol", "users", id, "", "", "");
  });
  SessionCache::Invalidate();  // sessions' second-factor flags change
  return enrolled;
}

Result<TotpSecretShown> TotpEnrolment::EnrolNow(const Actor& actor, const std::string& name) {
  SH_RETURN_IF_ERROR(Authorize(actor, kUsersDuty));
  SH_RETURN_IF_ERROR(RequireVault());
  SH_ASSIGN_OR_RETURN(int64_t id, UserId(name));
  const std::string secret = NewTotpSecret();
  SH_RETURN_IF_ERROR(InTransaction(db_, [&]() -> Status {
    SH_RETURN_IF_ERROR(db_.Execute(kActivate, {vault_->Encrypt(secret, kVaultContext), int64_t{0}, id}).status());
    return audit_.Write(actor, "totp_enrol", "users", id, "", "", "{\"name\":\"" + name + "\"}");
  }));
  SessionCache::Invalidate();
  return TotpSecretShown{Base32Encode(secret), TotpUri(kTotpIssuer, name, secret)};
}

Status TotpEnrolment::Reset(const Actor& actor, int64_t user_id) {
  SH_RETURN_IF_ERROR(Authorize(actor, kUsersDuty));
  const Status reset = InTransaction(db_, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(int64_t changed, db_.Execute(kClear, {user_id}));
    if (changed == 0) return Status::NotFound("用户不存在", "no such user");
    return audit_.Write(actor, "totp_reset", "users", user_id, "", "", "");
  });
  SessionCache::Invalidate();
  return reset;
}

Result<bool> TotpEnrolment::Enrolled(int64_t user_id) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSelectTotp, {user_id}));
  return !rows.rows.empty() && !AsText(rows.rows[0][0]).empty();
}

Status TotpEnrolment::Verify(int64_t user_id, const std::string& code) {
  SH_RETURN_IF_ERROR(RequireVault());
  const Status wrong = Status::Unauthenticated("两步验证码不正确", "wrong two-step verification code");
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSelectTotp, {user_id}));
  if (rows.rows.empty() || AsText(rows.rows[0][0]).empty()) return wrong;
  SH_ASSIGN_OR_RETURN(std::string secret, vault_->Decrypt(AsText(rows.rows[0][0]), kVaultContext));
  const std::optional<int64_t> step = MatchTotp(secret, code, clock_.Seconds(), AsInt(rows.rows[0][2]));
  if (!step) return wrong;
  SH_ASSIGN_OR_RETURN(int64_t used, db_.Execute(kUseStep, {*step, user_id, *step}));
  return used == 1 ? Status::Ok() : wrong;
}

}  // namespace shanhai

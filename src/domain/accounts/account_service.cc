#include "domain/accounts/account_service.h"

#include <algorithm>
#include <map>
#include <regex>

#include <boost/algorithm/string/predicate.hpp>
#include <boost/json.hpp>

#include "domain/accounts/display_name.h"
#include "domain/accounts/permission_catalog.h"
#include "domain/accounts/reveal_scope_rule.h"
#include "domain/ledger/ledger_repository.h"
#include "regions/region_catalog.h"
#include "security/password.h"
#include "security/permissions.h"
#include "security/tokens.h"

namespace shanhai {

namespace {

constexpr const char* kSelectUser =
    "SELECT id, name, region, owner_ledger, owner_id, disabled, created_at, password_hash, must_change_password, "
    "password_changed_at, totp_secret, display_name FROM users";
constexpr size_t kDisplayNameColumn = 11;  // of kSelectUser
constexpr const char* kInsertUser =
    "INSERT INTO users (name, password_hash, region, owner_ledger, owner_id, disabled, created_at, updated_at, "
    "must_change_password, password_changed_at, display_name) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdateUser =
    "UPDATE users SET region = ?, owner_ledger = ?, owner_id = ?, disabled = ?, display_name = ?, updated_at = ? "
    "WHERE id = ?";
constexpr const char* kUpdateDisplayName = "UPDATE users SET display_name = ?, updated_at = ? WHERE id = ?";
constexpr const char* kUpdatePassword =
    "UPDATE users SET password_hash = ?, must_change_password = ?, password_changed_at = ?, updated_at = ? WHERE id = ?";
constexpr const char* kSelectUserName = "SELECT name FROM users WHERE id = ?";
constexpr const char* kInsertSession =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)";
// The session, its user and the user's grants in one round trip (every API request runs this):
// one row per grant, the session and user columns repeated.
constexpr const char* kSelectSession =
    "SELECT s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, u.id, u.name, u.region, u.owner_ledger, "
    "u.owner_id, u.disabled, u.created_at, u.must_change_password, u.password_changed_at, u.totp_secret, r.name, "
    "rp.permission FROM sessions s JOIN users u ON u.id = s.user_id "
    "LEFT JOIN user_roles ur ON ur.user_id = u.id LEFT JOIN roles r ON r.id = ur.role_id "
    "LEFT JOIN role_permissions rp ON rp.role_id = r.id WHERE s.token_hash = ?";
constexpr size_t kSessionUserColumns = 7;  // u.id .. u.created_at
constexpr size_t kSessionFlags = 4 + kSessionUserColumns;  // must_change_password, password_changed_at, totp_secret
// A live session's idle timer is written at most this often.
constexpr int64_t kTouchSeconds = 60;
constexpr const char* kTouchSession = "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE token_hash = ?";
constexpr const char* kDeleteUserSessions = "DELETE FROM sessions WHERE user_id = ?";
constexpr const char* kDeleteOtherSessions = "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?";
constexpr const char* kPurgeSessions = "DELETE FROM sessions WHERE expires_at < ? OR last_seen_at < ?";
constexpr const char* kCountUsers = "SELECT COUNT(*) FROM users";

// The user of a row whose first columns are kSelectUser's (or the session query's user columns).
UserInfo UserFromRow(const std::vector<Value>& r) {
  return {AsInt(r[0]), AsText(r[1]), {}, {AsText(r[2]), AsText(r[3]), AsInt(r[4])}, AsInt(r[5]) != 0, AsText(r[6])};
}

// The user of a kSelectUser row, with its display name.
UserInfo StoredUser(const std::vector<Value>& r) {
  UserInfo user = UserFromRow(r);
  user.display_name = AsText(r[kDisplayNameColumn]);
  return user;
}

// The audited form of a user: the login and, like every audit row, only the masked display name
// (王*): the hash-chained log is never rewritten, so the whole name stays in users alone.
std::string UserAuditJson(const UserInfo& user, bool must_change_password = false) {
  boost::json::array role_names;
  for (const std::string& r : user.roles) role_names.push_back(boost::json::string(r));
  const DataScope& scope = user.scope;
  return boost::json::serialize(boost::json::object{{"name", user.name},
                                                    {"display_name", MaskDisplayName(user.display_name)},
                                                    {"roles", std::move(role_names)},
                                                    {"region", scope.region},
                                                    {"owner_ledger", scope.owner_ledger},
                                                    {"owner_id", scope.owner_id},
                                                    {"disabled", user.disabled},
                                                    {"must_change_password", must_change_password}});
}

// The audited form of a display-name change alone (SetDisplayName): the login, the masked name.
std::string DisplayNameAuditJson(const UserInfo& user) {
  return boost::json::serialize(
      boost::json::object{{"name", user.name}, {"display_name", MaskDisplayName(user.display_name)}});
}

Status CheckRegion(const std::string& region) {
  if (region.empty()) return Status::Ok();
  // Down to a village: a town's or village's clerk sees the pairs enclosing it, and only the
  // records placed in it (see EnclosingPairSides).
  return RegionCatalog::Embedded().ValidateCode(region, RegionLevel::kProvince, RegionLevel::kVillage);
}

// The actor of kSelectSession's rows: the user's scope, role names and grants.
Actor ActorFromSessionRows(const UserInfo& user, const Rows& rows) {
  constexpr size_t kRole = kSessionFlags + 3, kGrant = kRole + 1;
  Actor actor{user.name, {}, {}, user.scope.region, user.scope.owner_ledger, user.scope.owner_id, ""};
  for (const auto& r : rows.rows) {
    if (!IsNull(r[kRole]) && std::find(actor.roles.begin(), actor.roles.end(), AsText(r[kRole])) == actor.roles.end())
      actor.roles.push_back(AsText(r[kRole]));
    if (!IsNull(r[kGrant])) actor.grants.push_back(AsText(r[kGrant]));
  }
  return actor;
}

Status BadLogin() { return Status::Unauthenticated("用户名或密码错误", "wrong user name or password"); }

Status FieldTooLong(const std::string& field, size_t max_bytes) {
  const std::string zh = "登录字段 " + field + " 过长：最多 " + std::to_string(max_bytes) + " 字节";
  const std::string en = "login field " + field + " is too long: at most " + std::to_string(max_bytes) + " bytes";
  return Status::InvalidField(field, zh, en);
}

Status CheckLoginFields(const std::string& name, const std::string& password, const std::string& totp) {
  if (name.size() > kMaxLoginNameBytes) return FieldTooLong("name", kMaxLoginNameBytes);
  for (unsigned char c : name) {
    if (c >= 0x20 && c != 0x7f) continue;
    const std::string zh = "登录字段 name 含有控制字符", en = "login field name contains control characters";
    return Status::InvalidField("name", zh, en);
  }
  if (password.size() > kMaxLoginPasswordBytes) return FieldTooLong("password", kMaxLoginPasswordBytes);
  if (totp.size() > kMaxLoginTotpBytes) return FieldTooLong("totp", kMaxLoginTotpBytes);
  return Status::Ok();
}

Status Throttled(const LoginWait& wait) {
  // Seconds while short, whole minutes (rounded up) for a lockout.
  const bool minutes = wait.seconds >= 120;
  const std::string n = std::to_string(minutes ? (wait.seconds + 59) / 60 : wait.seconds);
  const std::string zh = n + (minutes ? " 分钟" : " 秒"), en = n + (minutes ? " min" : " s");
  if (wait.locked)
    return Status::PermissionDenied("登录失败次数过多，账号已锁定，请 " + zh + "后再试或请管理员解锁",
                                    "too many failed logins: the account is locked; retry in " + en +
                                        " or ask an administrator to unlock it");
  return Status::PermissionDenied("尝试次数过多，请 " + zh + "后再试", "too many attempts; retry in " + en);
}

Status WrongOldPassword() {
  const std::string zh = "原密码不正确", en = "the current password is wrong";
  return Status::InvalidField("old_password", zh, en);
}

// The policy's error, moved to the field the caller's form names.
Status PolicyFor(const std::string& field, Status s) {
  if (s.ok()) return s;
  s.WithDetails({FieldError{0, field, s.message_zh(), s.message_en()}});
  return s;
}


// Fills each user's owner_label from the natural key of the record owning their data (a unit's
// name), one query per owner ledger, so the users page names the organisation instead of its id.
Status NameOwners(Database& db, std::vector<UserInfo>& users) {
  std::map<std::string, std::vector<int64_t>> ids;
  for (const UserInfo& u : users)
    if (u.scope.owner_id > 0) ids[u.scope.owner_ledger].push_back(u.scope.owner_id);
  for (const auto& [ledger, owner_ids] : ids) {
    const LedgerDef* def = FindLedger(ledger);
    if (!def || def->natural_key.empty()) continue;
    SH_ASSIGN_OR_RETURN(auto labels, LedgerRepository(db, *def).NaturalKeysOf(owner_ids));
    for (UserInfo& u : users)
      for (const auto& [id, label] : labels)
        if (u.scope.owner_ledger == ledger && u.scope.owner_id == id) u.owner_label = label;
  }
  return Status::Ok();
}

// Sees every region and every organisation.
bool Unlimited(const DataScope& scope) { return scope.region.empty() && scope.owner_ledger.empty(); }

bool SameRolesAndScope(const UserInfo& before, const UserChange& change) {
  std::vector<std::string> roles = change.roles;
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  std::vector<std::string> held = before.roles;
  std::sort(held.begin(), held.end());
  return roles == held && before.scope.region == change.scope.region &&
         before.scope.owner_ledger == change.scope.owner_ledger && before.scope.owner_id == change.scope.owner_id;
}

}  // namespace

Status AccountService::CheckScope(const DataScope& scope) {
  SH_RETURN_IF_ERROR(CheckRegion(scope.region));
  if (scope.owner_ledger.empty()) {
    if (scope.owner_id == 0) return Status::Ok();
    return Status::Invalid({{0, "owner_ledger", "所属单位：请指明台账", "owner_ledger: name the organisation ledger"}});
  }
  const LedgerDef* def = FindLedger(scope.owner_ledger);
  if (!def || def->owner_field != "id")
    return Status::Invalid({{0, "owner_ledger", "“" + scope.owner_ledger + "”不是单位类台账",
                             "\"" + scope.owner_ledger + "\" is not an organisation ledger"}});
  SH_ASSIGN_OR_RETURN(std::optional<Rows> found, LedgerRepository(db_, *def).Get(scope.owner_id, Scope{}));
  if (!found)
    return Status::Invalid({{0, "owner_id", def->label_zh + "中没有编号为 " + std::to_string(scope.owner_id) + " 的记录",
                             "no " + def->name + " record with id " + std::to_string(scope.owner_id)}});
  return Status::Ok();
}

bool IsAdministrator(const Actor& actor) {
  return std::any_of(kAdministratorDuties.begin(), kAdministratorDuties.end(),
                     [&](const char* duty) { return Authorize(actor, duty).ok(); });
}

AccountService::AccountService(ServiceContext& context, IdentityPolicy policy)
    : db_(*context.db),
      clock_(context.clock),
      policy_(policy),
      audit_(context.audit),
      throttle_(db_, policy_),
      history_(db_),
      totp_(context),
      roles_(context),
      reveal_grants_(context) {}

Result<UserInfo> AccountService::WithRoles(UserInfo user) {
  SH_ASSIGN_OR_RETURN(UserGrants grants, roles_.GrantsOf(user.id));
  user.roles = std::move(grants.roles);
  return user;
}

Result<Actor> AccountService::ActorFor(const UserInfo& user, const std::string& remote) {
  SH_ASSIGN_OR_RETURN(UserGrants grants, roles_.GrantsOf(user.id));
  Actor actor{user.name,          std::move(grants.roles), std::move(grants.grants), user.scope.region,
              user.scope.owner_ledger, user.scope.owner_id,     remote};
  SH_ASSIGN_OR_RETURN(actor.reveal_withheld, reveal_grants_.Withheld(user.id, actor.grants, actor.region, actor.owner_ledger));
  return actor;
}

Result<UserInfo> AccountService::WithRevealState(UserInfo user) {
  SH_ASSIGN_OR_RETURN(UserGrants grants, roles_.GrantsOf(user.id));
  SH_ASSIGN_OR_RETURN(user.reveal_awaits_approval,
                      reveal_grants_.Withheld(user.id, grants.grants, user.scope.region, user.scope.owner_ledger));
  return user;
}

Result<UserInfo> AccountService::FindUser(const std::string& name) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(std::string(kSelectUser) + " WHERE name = ?", {name}));
  if (rows.rows.empty()) return Status::NotFound("用户不存在：" + name, "no such user: " + name);
  return WithRoles(StoredUser(rows.rows[0]));
}

Result<int64_t> AccountService::CountUsers() {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kCountUsers));
  return AsInt(rows.rows[0][0]);
}

Result<UserInfo> AccountService::AddUser(const Actor& actor, const NewUser& user) {
  SH_RETURN_IF_ERROR(Authorize(actor, kUsersDuty));
  static const std::regex kName("[A-Za-z0-9_.-]{2,32}");
  if (!std::regex_match(user.name, kName))
    return Status::InvalidArgument("用户名应为 2–32 位字母、数字或 _ . -", "a user name is 2–32 letters, digits, _ . or -");
  if (boost::algorithm::iequals(user.name, kSystemActorName))
    return Status::InvalidArgument("用户名“" + user.name + "”留给命令行操作使用，请换一个",
                                   "the user name \"" + user.name + "\" is reserved for command-line work; choose another");
  SH_ASSIGN_OR_RETURN(std::string display_name, ParseDisplayName(user.display_name));
  SH_ASSIGN_OR_RETURN(std::vector<int64_t> role_ids, roles_.ResolveNames(user.roles));
  SH_ASSIGN_OR_RETURN(std::vector<std::string> granted, roles_.GrantsOfRoles(role_ids));
  SH_RETURN_IF_ERROR(roles_.CheckFitsScope(role_ids, user.scope.owner_ledger));
  SH_RETURN_IF_ERROR(RoleService::CheckWithin(actor, granted));
  SH_RETURN_IF_ERROR(CheckScope(user.scope));
  SH_RETURN_IF_ERROR(CheckRevealScoped(granted, Unlimited(user.scope)));
  SH_RETURN_IF_ERROR(CheckPasswordPolicy(user.password, user.name));
  SH_ASSIGN_OR_RETURN(std::string hash, HashPassword(user.password));
  Result<UserInfo> out = Status::Internal("not added");
  SH_RETURN_IF_ERROR(InTransaction(db_, [&]() -> Status {
    Result<UserInfo> existing = FindUser(user.name);
    if (existing.ok()) return Status::Conflict("用户名已存在：" + user.name, "user name taken: " + user.name);
    const std::string now = clock_.Iso();
    SH_ASSIGN_OR_RETURN(Rows id, db_.Query(kInsertUser, {user.name, hash, user.scope.region, user.scope.owner_ledger,
                                                         user.scope.owner_id, now, now,
                                                         int64_t{user.must_change_password ? 1 : 0}, now,
                                                         display_name}));
    SH_RETURN_IF_ERROR(roles_.SetUserRoles(AsInt(id.rows.at(0).at(0)), role_ids));
    SH_ASSIGN_OR_RETURN(UserInfo info, FindUser(user.name));
    SH_RETURN_IF_ERROR(history_.Record(info.id, hash, now, policy_.password_history));
    SH_RETURN_IF_ERROR(audit_.Write(actor, "user_add", "users", info.id, "", "",
                                    UserAuditJson(info, user.must_change_password)));
    SH_RETURN_IF_ERROR(reveal_grants_.Reconcile(actor, info.id));
    out = WithRevealState(std::move(info));
    return out.status();
    return Status::Ok();
  }));
  return out;
}

Result<UserInfo> AccountService::UpdateUser(const Actor& actor, int64_t id, const UserChange& change) {
  SH_RETURN_IF_ERROR(Authorize(actor, kUsersDuty));
  SH_ASSIGN_OR_RETURN(std::vector<int64_t> role_ids, roles_.ResolveNames(change.roles));
  SH_ASSIGN_OR_RETURN(std::vector<std::string> granted, roles_.GrantsOfRoles(role_ids));
  SH_RETURN_IF_ERROR(roles_.CheckFitsScope(role_ids, change.scope.owner_ledger));
  SH_RETURN_IF_ERROR(RoleService::CheckWithin(actor, granted));
  SH_RETURN_IF_ERROR(CheckMayManage(actor, id, OwnAccountPart::kDetails));
  SH_RETURN_IF_ERROR(CheckScope(change.scope));
  std::optional<std::string> display_name;
  if (change.display_name) {
    SH_ASSIGN_OR_RETURN(display_name, ParseDisplayName(*change.display_name));
  }
  Result<UserInfo> out = Status::Internal("not updated");
  SH_RETURN_IF_ERROR(InTransaction(db_, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(std::string(kSelectUser) + " WHERE id = ?", {id}));
    if (rows.rows.empty()) return Status::NotFound("用户不存在", "no such user");
    SH_ASSIGN_OR_RETURN(UserInfo before, WithRoles(StoredUser(rows.rows[0])));
    // An account that had these roles and this scope before keeps them (it may still be disabled
    // or renamed); any other change giving reveal to an unlimited account is refused.
    if (!SameRolesAndScope(before, change)) SH_RETURN_IF_ERROR(CheckRevealScoped(granted, Unlimited(change.scope)));
    SH_RETURN_IF_ERROR(db_.Execute(kUpdateUser, {change.scope.region, change.scope.owner_ledger, change.scope.owner_id,
                                                 int64_t{change.disabled ? 1 : 0},
                                                 display_name.value_or(before.display_name), clock_.Iso(), id})
                           .status());
    SH_RETURN_IF_ERROR(roles_.SetUserRoles(id, role_ids));
    if (change.disabled) SH_RETURN_IF_ERROR(db_.Execute(kDeleteUserSessions, {id}).status());
    SH_ASSIGN_OR_RETURN(UserInfo info, FindUser(before.name));
    SH_RETURN_IF_ERROR(audit_.Write(actor, "user_update", "users", id, "",
                                    UserAuditJson(before), UserAuditJson(info)));
    SH_RETURN_IF_ERROR(reveal_grants_.Reconcile(actor, id));
    out = WithRevealState(std::move(info));
    return out.status();
  }));
  SessionCache::Invalidate();  // roles, scope or disabling reach the user's sessions at once
  return out;
}

Result<UserInfo> AccountService::SetDisplayName(const Actor& actor, int64_t id, const std::string& raw) {
  SH_RETURN_IF_ERROR(Authorize(actor, kUsersDuty));
  SH_RETURN_IF_ERROR(CheckMayManage(actor, id, OwnAccountPart::kDetails));
  SH_ASSIGN_OR_RETURN(std::string display_name, ParseDisplayName(raw));
  Result<UserInfo> out = Status::Internal("not renamed");
  SH_RETURN_IF_ERROR(InTransaction(db_, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(std::string(kSelectUser) + " WHERE id = ?", {id}));
    if (rows.rows.empty()) return Status::NotFound("用户不存在", "no such user");
    const UserInfo before = StoredUser(rows.rows[0]);
    SH_RETURN_IF_ERROR(db_.Execute(kUpdateDisplayName, {display_name, clock_.Iso(), id}).status());
    SH_ASSIGN_OR_RETURN(UserInfo info, FindUser(before.name));
    SH_RETURN_IF_ERROR(audit_.Write(actor, "user_update", "users", id, "", DisplayNameAuditJson(before),
                                    DisplayNameAuditJson(info)));
    out = std::move(info);
    return Status::Ok();
  }));
  return out;  // sessions carry no display name: nothing to invalidate
}

Result<std::vector<UserInfo>> AccountService::ListUsers(const Actor& actor) {
  SH_RETURN_IF_ERROR(Authorize(actor, kUsersDuty));
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(std::string(kSelectUser) + " ORDER BY id"));
  SH_ASSIGN_OR_RETURN(auto roles, roles_.RolesByUser());
  std::vector<UserInfo> out;
  for (const auto& r : rows.rows) {
    out.push_back(StoredUser(r));
    out.back().roles = roles[out.back().id];
    SH_ASSIGN_OR_RETURN(out.back(), WithRevealState(std::move(out.back())));
  }
  SH_RETURN_IF_ERROR(NameOwners(db_, out));
  return out;
}

SessionFlags AccountService::FlagsFor(const Actor& actor, bool must_change, const std::string& password_changed_at,
                                      bool totp_enrolled) const {
  SessionFlags f;
  f.must_change_password = must_change;
  f.password_change_reason = must_change ? "initial" : "";
  const int64_t max_age = int64_t{policy_.password_max_age_days} * 24 * 60 * 60;
  if (!must_change && max_age > 0 && !password_changed_at.empty() && IsoUtcAt(clock_.Seconds() - max_age) > password_changed_at) {
    f.must_change_password = true;
    f.password_change_reason = "expired";
  }
  f.totp_enrolled = totp_enrolled;
  f.must_enrol_totp = policy_.require_admin_totp && !totp_enrolled && IsAdministrator(actor);
  return f;
}

Status AccountService::RecordFailedLogin(const std::string& name, const std::string& remote, int64_t now) {
  const Actor who{name, {}, {}, "", "", 0, remote};
  return InTransaction(db_, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(bool locked, throttle_.RecordFailure(name, remote, now));
    SH_RETURN_IF_ERROR(audit_.Write(who, "login_failed", "users", 0, "", "", ""));
    if (!locked) return Status::Ok();
    return audit_.Write(who, "lockout", "users", 0, "", "",
                        "{\"failures\":" + std::to_string(policy_.max_failures) +
                            ",\"minutes\":" + std::to_string(policy_.lockout_minutes) + "}");
  });
}

Result<Session> AccountService::Login(const std::string& name, const std::string& password, const std::string& remote,
                                      const std::string& totp, LoginRefusal* refusal) {
  LoginRefusal unused;
  LoginRefusal& why = refusal ? *refusal : unused;
  SH_RETURN_IF_ERROR(CheckLoginFields(name, password, totp));
  const int64_t now = clock_.Seconds();
  SH_ASSIGN_OR_RETURN(LoginWait wait, throttle_.Wait(name, remote, now));
  if (wait.seconds > 0) {
    why.retry_after_seconds = wait.seconds;
    return Throttled(wait);
  }
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(std::string(kSelectUser) + " WHERE name = ?", {name}));
  // Unknown and disabled users cost a hash check too, so timing does not tell which names exist.
  static const std::string kDummyHash = HashPassword("not-a-real-password-1").value();
  const bool known = !rows.rows.empty();
  const bool password_ok = VerifyPassword(known ? AsText(rows.rows[0][7]) : kDummyHash, password);
  // The order of the answers: password, then second factor, then whether the account may log in.
  // Only someone who has passed both factors learns that an account is disabled; every failure
  // before that is recorded once (RecordFailedLogin: throttle and audit) and looks the same
  // whatever the account's state.
  const bool ok = known && password_ok;
  const bool enrolled = known && !AsText(rows.rows[0][10]).empty();
  if (!ok) {
    SH_RETURN_IF_ERROR(RecordFailedLogin(name, remote, now));
    return BadLogin();
  }
  if (enrolled) {
    if (totp.empty()) {
      why.totp_required = true;
      return Status::Unauthenticated("请输入两步验证码", "enter the two-step verification code");
    }
    const Status code = totp_.Verify(AsInt(rows.rows[0][0]), totp);
    if (!code.ok()) {
      SH_RETURN_IF_ERROR(RecordFailedLogin(name, remote, now));
      return code;
    }
  }
  if (AsInt(rows.rows[0][5]) != 0) {
    why.disabled = true;
    const Actor who{name, {}, {}, "", "", 0, remote};
    SH_RETURN_IF_ERROR(
        InTransaction(db_, [&] { return audit_.Write(who, "login_disabled", "users", AsInt(rows.rows[0][0]), "", "", ""); }));
    return Status::PermissionDenied("账号已停用，请联系管理员", "the account is disabled; ask an administrator");
  }
  UserInfo user = UserFromRow(rows.rows[0]);
  SH_ASSIGN_OR_RETURN(Actor actor, ActorFor(user, remote));
  Session session{NewToken(), NewToken(), std::move(actor), {}};
  session.flags = FlagsFor(session.actor, AsInt(rows.rows[0][8]) != 0, AsText(rows.rows[0][9]), enrolled);
  SH_RETURN_IF_ERROR(InTransaction(db_, [&]() -> Status {
    SH_RETURN_IF_ERROR(throttle_.Clear(name, remote));
    SH_RETURN_IF_ERROR(throttle_.Purge(now));
    SH_RETURN_IF_ERROR(PurgeExpiredSessions().status());
    SH_RETURN_IF_ERROR(db_.Execute(kInsertSession, {TokenHash(session.token), user.id, session.csrf_token, IsoUtcAt(now),
                                                    IsoUtcAt(now), IsoUtcAt(now + kLifetimeSeconds)})
                           .status());
    return audit_.Write(session.actor, "login", "users", user.id, "", "", "");
  }));
  return session;
}

Result<Actor> AccountService::Authenticate(const std::string& token, std::string* csrf_out, SessionFlags* flags) {
  if (token.empty()) return Status::Unauthenticated("请先登录", "please log in");
  const std::string hash = TokenHash(token);
  const int64_t now = clock_.Seconds();
  // A hit needs the absolute timeout still ahead and no idle-timer refresh due (which would
  // write), so that serving from memory changes no timing of docs/security.md.
  if (const CachedSession* hit = sessions_.Find(hash, now);
      hit && IsoUtcAt(now) <= hit->expires && IsoUtcAt(now - kTouchSeconds) <= hit->last_seen) {
    if (csrf_out) *csrf_out = hit->csrf_token;
    if (flags) *flags = FlagsFor(hit->actor, hit->must_change_password, hit->password_changed_at, hit->totp_enrolled);
    return hit->actor;
  }
  const uint64_t generation = SessionCache::Generation();  // before the read: a change committed meanwhile wins
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSelectSession, {hash}));
  if (rows.rows.empty()) return Status::Unauthenticated("登录已失效，请重新登录", "your session has ended; log in again");
  std::string last_seen = AsText(rows.rows[0][2]);
  const std::string expires = AsText(rows.rows[0][3]);
  if (IsoUtcAt(now) > expires || IsoUtcAt(now - kIdleTimeoutSeconds) > last_seen) {
    sessions_.Forget(hash);
    SH_RETURN_IF_ERROR(db_.Execute(kDeleteSession, {hash}).status());
    return Status::Unauthenticated("登录已超时，请重新登录", "your session timed out; log in again");
  }
  const std::vector<Value> user_row(rows.rows[0].begin() + 4, rows.rows[0].begin() + 4 + kSessionUserColumns);
  if (AsInt(user_row[5]) != 0) return Status::Unauthenticated("账号已停用", "the account is disabled");
  // Touch at most once a minute: reads stay reads.
  if (IsoUtcAt(now - kTouchSeconds) > last_seen) {
    SH_RETURN_IF_ERROR(db_.Execute(kTouchSession, {IsoUtcAt(now), hash}).status());
    last_seen = IsoUtcAt(now);
  }
  Actor session_actor = ActorFromSessionRows(UserFromRow(user_row), rows);
  SH_ASSIGN_OR_RETURN(session_actor.reveal_withheld,
                      reveal_grants_.Withheld(AsInt(user_row[0]), session_actor.grants, session_actor.region,
                                              session_actor.owner_ledger));
  CachedSession entry{std::move(session_actor),
                      AsText(rows.rows[0][1]),
                      last_seen,
                      expires,
                      AsInt(rows.rows[0][kSessionFlags]) != 0,
                      AsText(rows.rows[0][kSessionFlags + 1]),
                      !AsText(rows.rows[0][kSessionFlags + 2]).empty(),
                      now,
                      generation};
  if (csrf_out) *csrf_out = entry.csrf_token;
  if (flags) *flags = FlagsFor(entry.actor, entry.must_change_password, entry.password_changed_at, entry.totp_enrolled);
  Actor actor = entry.actor;
  sessions_.Put(hash, std::move(entry));
  return actor;
}

Status AccountService::Logout(const std::string& token, const std::string& remote) {
  if (token.empty()) return Status::Ok();
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSelectSession, {TokenHash(token)}));
  if (rows.rows.empty()) return Status::Ok();
  const std::vector<Value> user_row(rows.rows[0].begin() + 4, rows.rows[0].end());
  const UserInfo user = UserFromRow(user_row);
  const Status ended = InTransaction(db_, [&]() -> Status {
    SH_RETURN_IF_ERROR(db_.Execute(kDeleteSession, {TokenHash(token)}).status());
    return audit_.Write(Actor{user.name, {}, {}, user.scope.region, user.scope.owner_ledger, user.scope.owner_id, remote},
                        "logout", "users", user.id, "", "", "");
  });
  SessionCache::Invalidate();
  return ended;
}

Status AccountService::StorePassword(int64_t user_id, const std::string& hash, bool must_change,
                                     const std::string& keep_token_hash) {
  const std::string now = clock_.Iso();
  SH_RETURN_IF_ERROR(db_.Execute(kUpdatePassword, {hash, int64_t{must_change ? 1 : 0}, now, now, user_id}).status());
  SH_RETURN_IF_ERROR(history_.Record(user_id, hash, now, policy_.password_history));
  if (keep_token_hash.empty()) return db_.Execute(kDeleteUserSessions, {user_id}).status();
  return db_.Execute(kDeleteOtherSessions, {user_id, keep_token_hash}).status();
}

Status AccountService::ChangePassword(const Actor& actor, const std::string& old_password,
                                      const std::string& new_password, const std::string& keep_session_token) {
  // The current password is a login's secret: guessing it through a taken-over session is
  // throttled and locked out like logins are.
  const int64_t now = clock_.Seconds();
  SH_ASSIGN_OR_RETURN(LoginWait wait, throttle_.Wait(actor.name, actor.remote, now));
  if (wait.seconds > 0) return Throttled(wait);
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(std::string(kSelectUser) + " WHERE name = ?", {actor.name}));
  if (rows.rows.empty() || old_password.size() > kMaxLoginPasswordBytes ||
      !VerifyPassword(AsText(rows.rows[0][7]), old_password)) {
    SH_RETURN_IF_ERROR(RecordFailedLogin(actor.name, actor.remote, now));
    return WrongOldPassword();
  }
  const int64_t id = AsInt(rows.rows[0][0]);
  SH_RETURN_IF_ERROR(PolicyFor("new_password", CheckPasswordPolicy(new_password, actor.name)));
  SH_RETURN_IF_ERROR(history_.CheckNotReused(id, new_password, policy_.password_history));
  SH_ASSIGN_OR_RETURN(std::string hash, HashPassword(new_password));
  const Status changed = InTransaction(db_, [&]() -> Status {
    SH_RETURN_IF_ERROR(StorePassword(id, hash, false, keep_session_token.empty() ? "" : TokenHash(keep_session_token)));
    return audit_.Write(actor, "password_change", "users", id, "", "", "");
  });
  SessionCache::Invalidate();  // the other sessions ended, this one's must-change flag cleared
  return changed;
}

Status AccountService::CheckMayManage(const Actor& actor, int64_t user_id, OwnAccountPart part) {
  SH_ASSIGN_OR_RETURN(Rows named, db_.Query(kSelectUserName, {user_id}));
  if (!named.rows.empty() && AsText(named.rows[0][0]) == actor.name) {
    // One's own password and second factor change only through one's own settings, which ask for
    // the current ones: a taken-over session must not replace them through the administrator routes.
    if (part == OwnAccountPart::kSecrets)
      return Status::PermissionDenied("不能用管理功能处理自己的账号，请在个人设置中修改",
                                      "you cannot manage your own account this way; use your own settings");
    // No one widens their own roles or scope, nor renames themselves: another administrator must (三员分立).
    return Status::PermissionDenied("不能修改自己账号的角色、数据范围、状态或姓名，请由另一位管理员操作",
                                    "you cannot change your own account's roles, scope, status or display name; "
                                    "ask another administrator");
  }
  SH_ASSIGN_OR_RETURN(UserGrants target, roles_.GrantsOf(user_id));
  const std::vector<std::string> beyond = DutiesBeyond(target.grants, actor.grants);
  if (beyond.empty()) return Status::Ok();
  return Status::PermissionDenied("该账号拥有您没有的管理职责（" + beyond.front() + "），您不能管理它",
                                  "that account holds an administrator duty you do not (" + beyond.front() +
                                      "): you cannot manage it");
}

Status AccountService::ResetTotp(const Actor& actor, int64_t user_id) {
  SH_RETURN_IF_ERROR(Authorize(actor, kUsersDuty));
  SH_RETURN_IF_ERROR(CheckMayManage(actor, user_id, OwnAccountPart::kSecrets));
  return totp_.Reset(actor, user_id);  // invalidates the session caches itself
}

Status AccountService::ResetPassword(const Actor& actor, int64_t user_id, const std::string& password) {
  SH_RETURN_IF_ERROR(Authorize(actor, kUsersDuty));
  SH_RETURN_IF_ERROR(CheckMayManage(actor, user_id, OwnAccountPart::kSecrets));
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSelectUserName, {user_id}));
  if (rows.rows.empty()) return Status::NotFound("用户不存在", "no such user");
  const std::string name = AsText(rows.rows[0][0]);
  SH_RETURN_IF_ERROR(PolicyFor("password", CheckPasswordPolicy(password, name)));
  SH_RETURN_IF_ERROR(PolicyFor("password", history_.CheckNotReused(user_id, password, policy_.password_history)));
  SH_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  const Status reset = InTransaction(db_, [&]() -> Status {
    SH_RETURN_IF_ERROR(StorePassword(user_id, hash, true, ""));
    SH_RETURN_IF_ERROR(audit_.Write(actor, "password_reset", "users", user_id, "", "", "{\"name\":\"" + name + "\"}"));
    return reveal_grants_.RenewAfterReset(actor, user_id);
  });
  SessionCache::Invalidate();
  return reset;
}

Status AccountService::Unlock(const Actor& actor, int64_t user_id) {
  SH_RETURN_IF_ERROR(Authorize(actor, kUsersDuty));
  SH_RETURN_IF_ERROR(CheckMayManage(actor, user_id, OwnAccountPart::kSecrets));
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSelectUserName, {user_id}));
  if (rows.rows.empty()) return Status::NotFound("用户不存在", "no such user");
  const std::string name = AsText(rows.rows[0][0]);
  return InTransaction(db_, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(bool was_throttled, throttle_.Unlock(name));
    return audit_.Write(actor, "unlock", "users", user_id, "", "",
                        "{\"name\":\"" + name + "\",\"was_locked\":" + (was_throttled ? "true" : "false") + "}");
  });
}

Result<int64_t> AccountService::PurgeExpiredSessions() {
  const int64_t now = clock_.Seconds();
  return db_.Execute(kPurgeSessions, {IsoUtcAt(now), IsoUtcAt(now - kIdleTimeoutSeconds)});
}

}  // namespace shanhai

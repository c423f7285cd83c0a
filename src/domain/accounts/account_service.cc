#include "domain/accounts/account_service.h"

#include <algorithm>
#include <ctime>
#include <regex>

#include <boost/json.hpp>

#include "domain/ledger/ledger_repository.h"
#include "regions/region_catalog.h"
#include "security/password.h"
#include "security/tokens.h"

namespace shanhai {

namespace {

constexpr const char* kSelectUser =
    "SELECT id, name, region, owner_ledger, owner_id, disabled, created_at, password_hash FROM users";
constexpr const char* kInsertUser =
    "INSERT INTO users (name, password_hash, region, owner_ledger, owner_id, disabled, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, 0, ?, ?) RETURNING id";
constexpr const char* kUpdateUser =
    "UPDATE users SET region = ?, owner_ledger = ?, owner_id = ?, disabled = ?, updated_at = ? WHERE id = ?";
constexpr const char* kUpdatePassword = "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?";
constexpr const char* kInsertSession =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)";
// The session, its user and the user's grants in one round trip (every API request runs this):
// one row per grant, the session and user columns repeated.
constexpr const char* kSelectSession =
    "SELECT s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, u.id, u.name, u.region, u.owner_ledger, "
    "u.owner_id, u.disabled, u.created_at, r.name, rp.permission FROM sessions s JOIN users u ON u.id = s.user_id "
    "LEFT JOIN user_roles ur ON ur.user_id = u.id LEFT JOIN roles r ON r.id = ur.role_id "
    "LEFT JOIN role_permissions rp ON rp.role_id = r.id WHERE s.token_hash = ?";
constexpr size_t kSessionUserColumns = 7;  // u.id .. u.created_at
constexpr const char* kTouchSession = "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE token_hash = ?";
constexpr const char* kDeleteUserSessions = "DELETE FROM sessions WHERE user_id = ?";
constexpr const char* kCountUsers = "SELECT COUNT(*) FROM users";
constexpr const char* kAdminPermission = "admin:users:admin";

UserInfo UserFromRow(const std::vector<Value>& r) {
  return {AsInt(r[0]), AsText(r[1]), {}, {AsText(r[2]), AsText(r[3]), AsInt(r[4])}, AsInt(r[5]) != 0, AsText(r[6])};
}

std::string UserAuditJson(const std::string& name, const std::vector<std::string>& roles, const DataScope& scope,
                          bool disabled) {
  boost::json::array role_names;
  for (const std::string& r : roles) role_names.push_back(boost::json::string(r));
  return boost::json::serialize(boost::json::object{{"name", name},
                                                    {"roles", std::move(role_names)},
                                                    {"region", scope.region},
                                                    {"owner_ledger", scope.owner_ledger},
                                                    {"owner_id", scope.owner_id},
                                                    {"disabled", disabled}});
}

Status CheckRegion(const std::string& region) {
  if (region.empty()) return Status::Ok();
  return RegionCatalog::Embedded().ValidateCode(region, RegionLevel::kProvince, RegionLevel::kCounty);
}

// The actor of kSelectSession's rows: the user's scope, role names and grants.
Actor ActorFromSessionRows(const UserInfo& user, const Rows& rows) {
  constexpr size_t kRole = 4 + kSessionUserColumns, kGrant = kRole + 1;
  Actor actor{user.name, {}, {}, user.scope.region, user.scope.owner_ledger, user.scope.owner_id, ""};
  for (const auto& r : rows.rows) {
    if (!IsNull(r[kRole]) && std::find(actor.roles.begin(), actor.roles.end(), AsText(r[kRole])) == actor.roles.end())
      actor.roles.push_back(AsText(r[kRole]));
    if (!IsNull(r[kGrant])) actor.grants.push_back(AsText(r[kGrant]));
  }
  return actor;
}

Status BadLogin() { return Status::Unauthenticated("用户名或密码错误", "wrong user name or password"); }

}  // namespace

AccountService::AccountService(Database& db, std::function<int64_t()> now_seconds)
    : db_(db), now_(std::move(now_seconds)), audit_(db, [this] { return IsoNow(); }), roles_(db, audit_) {}

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

Result<UserInfo> AccountService::WithRoles(UserInfo user) {
  SH_ASSIGN_OR_RETURN(UserGrants grants, roles_.GrantsOf(user.id));
  user.roles = std::move(grants.roles);
  return user;
}

Result<Actor> AccountService::ActorFor(const UserInfo& user, const std::string& remote) {
  SH_ASSIGN_OR_RETURN(UserGrants grants, roles_.GrantsOf(user.id));
  return Actor{user.name,          std::move(grants.roles), std::move(grants.grants), user.scope.region,
               user.scope.owner_ledger, user.scope.owner_id,     remote};
}

std::string AccountService::IsoAt(int64_t t) const {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string AccountService::IsoNow() const { return IsoAt(now_()); }

Result<UserInfo> AccountService::FindUser(const std::string& name) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(std::string(kSelectUser) + " WHERE name = ?", {name}));
  if (rows.rows.empty()) return Status::NotFound("用户不存在：" + name, "no such user: " + name);
  return WithRoles(UserFromRow(rows.rows[0]));
}

Result<int64_t> AccountService::CountUsers() {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kCountUsers));
  return AsInt(rows.rows[0][0]);
}

Result<UserInfo> AccountService::AddUser(const Actor& actor, const NewUser& user) {
  SH_RETURN_IF_ERROR(Authorize(actor, kAdminPermission));
  static const std::regex kName("[A-Za-z0-9_.-]{2,32}");
  if (!std::regex_match(user.name, kName))
    return Status::InvalidArgument("用户名应为 2–32 位字母、数字或 _ . -", "a user name is 2–32 letters, digits, _ . or -");
  SH_ASSIGN_OR_RETURN(std::vector<int64_t> role_ids, roles_.ResolveNames(user.roles));
  SH_RETURN_IF_ERROR(CheckScope(user.scope));
  SH_RETURN_IF_ERROR(CheckPasswordPolicy(user.password));
  SH_ASSIGN_OR_RETURN(std::string hash, HashPassword(user.password));
  Result<UserInfo> out = Status::Internal("not added");
  SH_RETURN_IF_ERROR(InTransaction(db_, [&]() -> Status {
    Result<UserInfo> existing = FindUser(user.name);
    if (existing.ok()) return Status::Conflict("用户名已存在：" + user.name, "user name taken: " + user.name);
    const std::string now = IsoNow();
    SH_ASSIGN_OR_RETURN(Rows id, db_.Query(kInsertUser, {user.name, hash, user.scope.region, user.scope.owner_ledger,
                                                         user.scope.owner_id, now, now}));
    SH_RETURN_IF_ERROR(roles_.SetUserRoles(AsInt(id.rows.at(0).at(0)), role_ids));
    SH_ASSIGN_OR_RETURN(UserInfo info, FindUser(user.name));
    SH_RETURN_IF_ERROR(audit_.Write(actor, "user_add", "users", info.id, "", "",
                                    UserAuditJson(info.name, info.roles, info.scope, false)));
    out = std::move(info);
    return Status::Ok();
  }));
  return out;
}

Result<UserInfo> AccountService::UpdateUser(const Actor& actor, int64_t id, const UserChange& change) {
  SH_RETURN_IF_ERROR(Authorize(actor, kAdminPermission));
  SH_ASSIGN_OR_RETURN(std::vector<int64_t> role_ids, roles_.ResolveNames(change.roles));
  SH_RETURN_IF_ERROR(CheckScope(change.scope));
  Result<UserInfo> out = Status::Internal("not updated");
  SH_RETURN_IF_ERROR(InTransaction(db_, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(std::string(kSelectUser) + " WHERE id = ?", {id}));
    if (rows.rows.empty()) return Status::NotFound("用户不存在", "no such user");
    SH_ASSIGN_OR_RETURN(UserInfo before, WithRoles(UserFromRow(rows.rows[0])));
    // No one widens their own roles or scope: another administrator must (三员分立).
    if (before.name == actor.name)
      return Status::PermissionDenied("不能修改自己的角色、数据范围或状态，请由另一位管理员操作",
                                      "you cannot change your own roles, scope or status; ask another administrator");
    SH_RETURN_IF_ERROR(db_.Execute(kUpdateUser, {change.scope.region, change.scope.owner_ledger, change.scope.owner_id,
                                                 int64_t{change.disabled ? 1 : 0}, IsoNow(), id})
                           .status());
    SH_RETURN_IF_ERROR(roles_.SetUserRoles(id, role_ids));
    if (change.disabled) SH_RETURN_IF_ERROR(db_.Execute(kDeleteUserSessions, {id}).status());
    SH_ASSIGN_OR_RETURN(UserInfo info, FindUser(before.name));
    SH_RETURN_IF_ERROR(audit_.Write(actor, "user_update", "users", id, "",
                                    UserAuditJson(before.name, before.roles, before.scope, before.disabled),
                                    UserAuditJson(info.name, info.roles, info.scope, info.disabled)));
    out = std::move(info);
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<UserInfo>> AccountService::ListUsers(const Actor& actor) {
  SH_RETURN_IF_ERROR(Authorize(actor, kAdminPermission));
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(std::string(kSelectUser) + " ORDER BY id"));
  SH_ASSIGN_OR_RETURN(auto roles, roles_.RolesByUser());
  std::vector<UserInfo> out;
  for (const auto& r : rows.rows) {
    out.push_back(UserFromRow(r));
    out.back().roles = roles[out.back().id];
  }
  return out;
}

Result<Session> AccountService::Login(const std::string& name, const std::string& password, const std::string& remote) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(std::string(kSelectUser) + " WHERE name = ?", {name}));
  Actor who{name, {}, {}, "", "", 0, remote};
  // Unknown and disabled users cost a hash check too, so timing does not tell which names exist.
  static const std::string kDummyHash = HashPassword("not-a-real-password-1").value();
  const bool known = !rows.rows.empty();
  const bool password_ok = VerifyPassword(known ? AsText(rows.rows[0][7]) : kDummyHash, password);
  if (!known || AsInt(rows.rows[0][5]) != 0 || !password_ok) {
    SH_RETURN_IF_ERROR(audit_.Write(who, "login_failed", "users", 0, "", "", ""));
    return BadLogin();
  }
  UserInfo user = UserFromRow(rows.rows[0]);
  SH_ASSIGN_OR_RETURN(Actor actor, ActorFor(user, remote));
  Session session{NewToken(), NewToken(), std::move(actor)};
  const int64_t now = now_();
  SH_RETURN_IF_ERROR(InTransaction(db_, [&]() -> Status {
    SH_RETURN_IF_ERROR(db_.Execute(kInsertSession, {TokenHash(session.token), user.id, session.csrf_token, IsoAt(now),
                                                    IsoAt(now), IsoAt(now + kLifetimeSeconds)})
                           .status());
    return audit_.Write(session.actor, "login", "users", user.id, "", "", "");
  }));
  return session;
}

Result<Actor> AccountService::Authenticate(const std::string& token, std::string* csrf_out) {
  if (token.empty()) return Status::Unauthenticated("请先登录", "please log in");
  const std::string hash = TokenHash(token);
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSelectSession, {hash}));
  if (rows.rows.empty()) return Status::Unauthenticated("登录已失效，请重新登录", "your session has ended; log in again");
  const int64_t now = now_();
  const std::string last_seen = AsText(rows.rows[0][2]), expires = AsText(rows.rows[0][3]);
  if (IsoAt(now) > expires || IsoAt(now - kIdleTimeoutSeconds) > last_seen) {
    SH_RETURN_IF_ERROR(db_.Execute(kDeleteSession, {hash}).status());
    return Status::Unauthenticated("登录已超时，请重新登录", "your session timed out; log in again");
  }
  const std::vector<Value> user_row(rows.rows[0].begin() + 4, rows.rows[0].begin() + 4 + kSessionUserColumns);
  if (AsInt(user_row[5]) != 0) return Status::Unauthenticated("账号已停用", "the account is disabled");
  // Touch at most once a minute: reads stay reads.
  if (IsoAt(now - 60) > last_seen) SH_RETURN_IF_ERROR(db_.Execute(kTouchSession, {IsoAt(now), hash}).status());
  if (csrf_out) *csrf_out = AsText(rows.rows[0][1]);
  return ActorFromSessionRows(UserFromRow(user_row), rows);
}

Status AccountService::Logout(const std::string& token) {
  return db_.Execute(kDeleteSession, {TokenHash(token)}).status();
}

Status AccountService::ChangePassword(const Actor& actor, const std::string& old_password,
                                      const std::string& new_password) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(std::string(kSelectUser) + " WHERE name = ?", {actor.name}));
  if (rows.rows.empty() || !VerifyPassword(AsText(rows.rows[0][7]), old_password))
    return Status::InvalidArgument("原密码不正确", "the current password is wrong");
  SH_RETURN_IF_ERROR(CheckPasswordPolicy(new_password));
  SH_ASSIGN_OR_RETURN(std::string hash, HashPassword(new_password));
  return InTransaction(db_, [&]() -> Status {
    SH_RETURN_IF_ERROR(db_.Execute(kUpdatePassword, {hash, IsoNow(), rows.rows[0][0]}).status());
    return audit_.Write(actor, "password_change", "users", AsInt(rows.rows[0][0]), "", "", "");
  });
}

}  // namespace shanhai

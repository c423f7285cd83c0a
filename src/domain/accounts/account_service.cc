#include "domain/accounts/account_service.h"

#include <ctime>
#include <regex>

#include "domain/ledger/ledger_def.h"
#include "regions/region_catalog.h"
#include "security/password.h"
#include "security/permissions.h"
#include "security/tokens.h"

namespace shanhai {

namespace {

constexpr const char* kSelectUser =
    "SELECT id, name, role, region, ledgers, disabled, created_at, password_hash FROM users";
constexpr const char* kInsertUser =
    "INSERT INTO users (name, password_hash, role, region, ledgers, disabled, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, 0, ?, ?) RETURNING id";
constexpr const char* kUpdateUser =
    "UPDATE users SET role = ?, region = ?, ledgers = ?, disabled = ?, updated_at = ? WHERE id = ?";
constexpr const char* kUpdatePassword = "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?";
constexpr const char* kInsertSession =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)";
// The session and its user in one round trip (every API request runs this).
constexpr const char* kSelectSession =
    "SELECT s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, u.id, u.name, u.role, u.region, u.ledgers, "
    "u.disabled, u.created_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?";
constexpr const char* kTouchSession = "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE token_hash = ?";
constexpr const char* kDeleteUserSessions = "DELETE FROM sessions WHERE user_id = ?";
constexpr const char* kCountUsers = "SELECT COUNT(*) FROM users";
constexpr const char* kAdminPermission = "admin:users:admin";

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    const size_t end = s.find(',', start);
    std::string part = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!part.empty()) out.push_back(part);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::string JoinComma(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

UserInfo UserFromRow(const std::vector<Value>& r) {
  return {AsInt(r[0]), AsText(r[1]), AsText(r[2]), AsText(r[3]), SplitComma(AsText(r[4])), AsInt(r[5]) != 0,
          AsText(r[6])};
}

// "visits" → "exchange:visits"; "exchange:visits" kept. Errors name the unknown ledger.
Result<std::vector<std::string>> QualifyLedgers(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const std::string& n : names) {
    const std::string entity = n.find(':') == std::string::npos ? n : n.substr(n.find(':') + 1);
    const LedgerDef* def = FindLedger(entity);
    if (!def) return Status::InvalidArgument("没有名为 " + n + " 的台账", "no ledger named " + n);
    out.push_back(def->module + ":" + def->name);
  }
  return out;
}

Status CheckRegion(const std::string& region) {
  if (region.empty()) return Status::Ok();
  return RegionCatalog::Embedded().ValidateCode(region, RegionLevel::kProvince, RegionLevel::kCounty);
}

Status BadLogin() { return Status::Unauthenticated("用户名或密码错误", "wrong user name or password"); }

}  // namespace

Actor ActorOf(const UserInfo& user, const std::string& remote) {
  return Actor{user.name, user.role, user.region, user.ledgers, remote};
}

AccountService::AccountService(Database& db, std::function<int64_t()> now_seconds)
    : db_(db), now_(std::move(now_seconds)), audit_(db, [this] { return IsoNow(); }) {}

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
  return UserFromRow(rows.rows[0]);
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
  SH_RETURN_IF_ERROR(ParseRole(user.role).status());
  SH_RETURN_IF_ERROR(CheckRegion(user.region));
  SH_ASSIGN_OR_RETURN(std::vector<std::string> ledgers, QualifyLedgers(user.ledgers));
  SH_RETURN_IF_ERROR(CheckPasswordPolicy(user.password));
  SH_ASSIGN_OR_RETURN(std::string hash, HashPassword(user.password));
  Result<UserInfo> out = Status::Internal("not added");
  SH_RETURN_IF_ERROR(InTransaction(db_, [&]() -> Status {
    Result<UserInfo> existing = FindUser(user.name);
    if (existing.ok()) return Status::Conflict("用户名已存在：" + user.name, "user name taken: " + user.name);
    const std::string now = IsoNow();
    SH_ASSIGN_OR_RETURN(Rows id, db_.Query(kInsertUser, {user.name, hash, user.role, user.region, JoinComma(ledgers), now, now}));
    SH_ASSIGN_OR_RETURN(UserInfo info, FindUser(user.name));
    SH_RETURN_IF_ERROR(audit_.Write(actor, "user_add", "users", info.id, "", "",
                                    "{\"name\":\"" + info.name + "\",\"role\":\"" + info.role + "\",\"region\":\"" +
                                        info.region + "\"}"));
    out = std::move(info);
    return Status::Ok();
  }));
  return out;
}

Result<UserInfo> AccountService::UpdateUser(const Actor& actor, int64_t id, const std::string& role,
                                            const std::string& region, const std::vector<std::string>& ledgers,
                                            bool disabled) {
  SH_RETURN_IF_ERROR(Authorize(actor, kAdminPermission));
  SH_RETURN_IF_ERROR(ParseRole(role).status());
  SH_RETURN_IF_ERROR(CheckRegion(region));
  SH_ASSIGN_OR_RETURN(std::vector<std::string> qualified, QualifyLedgers(ledgers));
  Result<UserInfo> out = Status::Internal("not updated");
  SH_RETURN_IF_ERROR(InTransaction(db_, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(int64_t changed, db_.Execute(kUpdateUser, {role, region, JoinComma(qualified),
                                                                   int64_t{disabled ? 1 : 0}, IsoNow(), id}));
    if (changed == 0) return Status::NotFound("用户不存在", "no such user");
    if (disabled) SH_RETURN_IF_ERROR(db_.Execute(kDeleteUserSessions, {id}).status());
    SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(std::string(kSelectUser) + " WHERE id = ?", {id}));
    UserInfo info = UserFromRow(rows.rows[0]);
    SH_RETURN_IF_ERROR(audit_.Write(actor, "user_update", "users", id, "", "",
                                    "{\"role\":\"" + role + "\",\"region\":\"" + region + "\",\"disabled\":" +
                                        (disabled ? "true" : "false") + "}"));
    out = std::move(info);
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<UserInfo>> AccountService::ListUsers(const Actor& actor) {
  SH_RETURN_IF_ERROR(Authorize(actor, kAdminPermission));
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(std::string(kSelectUser) + " ORDER BY id"));
  std::vector<UserInfo> out;
  for (const auto& r : rows.rows) out.push_back(UserFromRow(r));
  return out;
}

Result<Session> AccountService::Login(const std::string& name, const std::string& password, const std::string& remote) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(std::string(kSelectUser) + " WHERE name = ?", {name}));
  Actor who{name, "", "", {}, remote};
  // Unknown and disabled users cost a hash check too, so timing does not tell which names exist.
  static const std::string kDummyHash = HashPassword("not-a-real-password-1").value();
  const bool known = !rows.rows.empty();
  const bool password_ok = VerifyPassword(known ? AsText(rows.rows[0][7]) : kDummyHash, password);
  if (!known || AsInt(rows.rows[0][5]) != 0 || !password_ok) {
    SH_RETURN_IF_ERROR(audit_.Write(who, "login_failed", "users", 0, "", "", ""));
    return BadLogin();
  }
  UserInfo user = UserFromRow(rows.rows[0]);
  Session session{NewToken(), NewToken(), ActorOf(user, remote)};
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
  const std::vector<Value> user_row(rows.rows[0].begin() + 4, rows.rows[0].end());
  if (AsInt(user_row[5]) != 0) return Status::Unauthenticated("账号已停用", "the account is disabled");
  // Touch at most once a minute: reads stay reads.
  if (IsoAt(now - 60) > last_seen) SH_RETURN_IF_ERROR(db_.Execute(kTouchSession, {IsoAt(now), hash}).status());
  if (csrf_out) *csrf_out = AsText(rows.rows[0][1]);
  return ActorOf(UserFromRow(user_row), "");
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

// Users, their roles and data scopes, sessions. Passwords are Argon2id hashes; a session is a random token whose
// hash is stored, with a CSRF token and an idle timeout (30 minutes) and a lifetime (12 h).
// Logins, failed logins and user changes are written to the audit log.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "domain/accounts/role_service.h"
#include "domain/audit/audit_log.h"
#include "domain/ledger/actor.h"

namespace shanhai {

// A user's data scope: which records it sees, whatever its roles.
struct DataScope {
  std::string region;        // GB/T 2260 code ("" = every region)
  std::string owner_ledger;  // an organisation ledger ("units"; "" = no owner restriction)
  int64_t owner_id = 0;      // the organisation record of owner_ledger
};

struct UserInfo {
  int64_t id = 0;
  std::string name;
  std::vector<std::string> roles;  // role names
  DataScope scope;
  bool disabled = false;
  std::string created_at;
};

struct NewUser {
  std::string name, password;
  std::vector<std::string> roles;
  DataScope scope;
};

struct UserChange {
  std::vector<std::string> roles;
  DataScope scope;
  bool disabled = false;
};

struct Session {
  std::string token;  // goes in the HttpOnly cookie; never stored
  std::string csrf_token;
  Actor actor;
};

class AccountService {
 public:
  // now_seconds: Unix time source (injectable for timeout tests).
  AccountService(Database& db, std::function<int64_t()> now_seconds);

  static constexpr int64_t kIdleTimeoutSeconds = 30 * 60;
  static constexpr int64_t kLifetimeSeconds = 12 * 60 * 60;

  // Needs admin:users:admin (actor). Validates name ([A-Za-z0-9_.-]{2,32}), roles (existing
  // ones, at least one), the scope (a real region code; an owner record of an organisation
  // ledger) and the password policy. Conflict if the name is taken. Audited with the roles.
  Result<UserInfo> AddUser(const Actor& actor, const NewUser& user);
  // Replaces roles, scope and disabled (disabling ends the user's sessions). Audited.
  // PermissionDenied for the actor's own account.
  Result<UserInfo> UpdateUser(const Actor& actor, int64_t id, const UserChange& change);
  Result<std::vector<UserInfo>> ListUsers(const Actor& actor);
  Result<int64_t> CountUsers();

  // Unauthenticated (one message for unknown user and wrong password) or a new session.
  Result<Session> Login(const std::string& name, const std::string& password, const std::string& remote);
  // The session's actor if the token is live; refreshes its idle timer. Unauthenticated
  // (with "session expired" wording) otherwise. csrf_out receives the session's CSRF token.
  Result<Actor> Authenticate(const std::string& token, std::string* csrf_out);
  Status Logout(const std::string& token);
  Status ChangePassword(const Actor& actor, const std::string& old_password, const std::string& new_password);

  RoleService& roles() { return roles_; }

 private:
  Result<UserInfo> FindUser(const std::string& name);
  // The stored user of that row with its roles (one more query).
  Result<UserInfo> WithRoles(UserInfo user);
  // The actor of a stored user: its roles' grants (one query) and its scope.
  Result<Actor> ActorFor(const UserInfo& user, const std::string& remote);
  Status CheckScope(const DataScope& scope);
  std::string IsoNow() const;
  std::string IsoAt(int64_t unix_seconds) const;

  Database& db_;
  std::function<int64_t()> now_;
  AuditLog audit_;
  RoleService roles_;
};

}  // namespace shanhai

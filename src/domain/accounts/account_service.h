// Users, roles, sessions. Passwords are Argon2id hashes; a session is a random token whose
// hash is stored, with a CSRF token and an idle timeout (30 minutes) and a lifetime (12 h).
// Logins, failed logins and user changes are written to the audit log.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "domain/audit/audit_log.h"
#include "domain/ledger/actor.h"

namespace shanhai {

struct UserInfo {
  int64_t id = 0;
  std::string name, role, region;
  std::vector<std::string> ledgers;  // "module:entity"
  bool disabled = false;
  std::string created_at;
};

struct NewUser {
  std::string name, password, role, region;
  std::vector<std::string> ledgers;  // ledger names ("visits") or "module:entity"
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

  // Needs admin (actor). Validates name ([A-Za-z0-9_.-]{2,32}), role, region (a real code),
  // ledgers (known names) and the password policy. Conflict if the name is taken.
  Result<UserInfo> AddUser(const Actor& actor, const NewUser& user);
  Result<UserInfo> UpdateUser(const Actor& actor, int64_t id, const std::string& role, const std::string& region,
                              const std::vector<std::string>& ledgers, bool disabled);
  Result<std::vector<UserInfo>> ListUsers(const Actor& actor);
  Result<int64_t> CountUsers();

  // Unauthenticated (one message for unknown user and wrong password) or a new session.
  Result<Session> Login(const std::string& name, const std::string& password, const std::string& remote);
  // The session's actor if the token is live; refreshes its idle timer. Unauthenticated
  // (with "session expired" wording) otherwise. csrf_out receives the session's CSRF token.
  Result<Actor> Authenticate(const std::string& token, std::string* csrf_out);
  Status Logout(const std::string& token);
  Status ChangePassword(const Actor& actor, const std::string& old_password, const std::string& new_password);

 private:
  Result<UserInfo> FindUser(const std::string& name);
  std::string IsoNow() const;
  std::string IsoAt(int64_t unix_seconds) const;

  Database& db_;
  std::function<int64_t()> now_;
  AuditLog audit_;
};

// Actor for a stored user.
Actor ActorOf(const UserInfo& user, const std::string& remote);

}  // namespace shanhai

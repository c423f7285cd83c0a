// Users, their roles and data scopes, sessions. Passwords are Argon2id hashes; a session is a random token whose
// hash is stored, with a CSRF token and an idle timeout (30 minutes) and a lifetime (12 h).
// Logins are throttled (LoginThrottle) and may need a TOTP code (TotpEnrolment); a password
// set by someone else, or older than the policy allows, must be changed before anything else.
// Logins, failed logins, lockouts, unlocks, logouts, password and user changes are audited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/identity_policy.h"
#include "domain/accounts/login_throttle.h"
#include "domain/accounts/password_history.h"
#include "domain/accounts/reveal_grants.h"
#include "domain/accounts/totp_enrolment.h"
#include "domain/accounts/role_service.h"
#include "domain/accounts/session_cache.h"
#include "domain/ledger/actor.h"
#include "domain/service_context.h"

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
  std::string display_name;  // 姓名, "" = none (display_name.h)
  // The owner organisation's natural key (a unit's name), "" without one; filled by ListUsers.
  std::string owner_label;
  // Its roles reveal across a county or wider and no second administrator has approved that yet
  // (reveal_grants.h); filled by AddUser and UpdateUser.
  bool reveal_awaits_approval = false;
};

struct NewUser {
  std::string name, password;
  std::vector<std::string> roles;
  DataScope scope;
  bool must_change_password = true;  // the creator knows the password: the user must replace it
  std::string display_name;          // optional; checked by ParseDisplayName
};

struct UserChange {
  std::vector<std::string> roles;
  DataScope scope;
  bool disabled = false;
  std::optional<std::string> display_name;  // none: kept as stored; "" clears it
};

// What a session must do before it may use the API (see IsSetupRoute in the HTTP layer).
struct SessionFlags {
  bool must_change_password = false;
  std::string password_change_reason;  // "initial" (set by someone else) or "expired"; "" if none
  bool totp_enrolled = false;
  bool must_enrol_totp = false;  // an administrator without TOTP while the policy requires it
};

struct Session {
  std::string token;  // goes in the HttpOnly cookie; never stored
  std::string csrf_token;
  Actor actor;
  SessionFlags flags;
};

// Why a login was refused, beyond "wrong name or password", for the HTTP answer.
struct LoginRefusal {
  int64_t retry_after_seconds = 0;  // > 0: throttled or locked out (429 with Retry-After)
  bool totp_required = false;       // the password was right; the account's TOTP code is missing
  bool disabled = false;            // password and TOTP were right; the account is disabled (403)
};

// Longest accepted login fields, in bytes; longer ones are refused before any other work.
inline constexpr size_t kMaxLoginNameBytes = 64;
inline constexpr size_t kMaxLoginPasswordBytes = 1024;
inline constexpr size_t kMaxLoginTotpBytes = 16;

class AccountService {
 public:
  // Over context (the connection's: database, clock — injectable for timeout tests —, audit
  // log, and vault, which keeps TOTP secrets; a null vault: TOTP unavailable), which must outlive
  // the service; its roles and TOTP enrolment use the same context. policy: throttling,
  // expiry, history and TOTP rules.
  explicit AccountService(ServiceContext& context, IdentityPolicy policy = {});

  static constexpr int64_t kIdleTimeoutSeconds = 30 * 60;
  static constexpr int64_t kLifetimeSeconds = 12 * 60 * 60;

  // Needs admin:users:admin (actor). Validates name ([A-Za-z0-9_.-]{2,32}), roles (existing
  // ones, at least one), the scope (a real region code; an owner record of an organisation
  // ledger), the display name (ParseDisplayName) and the password policy. Conflict if the name
  // is taken. The password goes into the history; must_change_password is stored. Audited with
  // the roles.
  Result<UserInfo> AddUser(const Actor& actor, const NewUser& user);
  // Replaces roles, scope and disabled (disabling ends the user's sessions), and the display
  // name when change gives one (checked as AddUser does). AddUser and UpdateUser file or withdraw
  // the account's reveal requests (RevealGrants::Reconcile) in the same transaction. Audited "user_update" with the user
  // before and after (the display name masked, display_name.h). PermissionDenied for the actor's
  // own account (naming what is refused) and for one holding a duty the actor lacks.
  Result<UserInfo> UpdateUser(const Actor& actor, int64_t id, const UserChange& change);
  // Sets user id's display name alone (ParseDisplayName of raw; "" clears it), leaving roles,
  // scope and status as stored even if the scope would no longer pass CheckScope (`shanhai
  // user update --display-name`). Needs admin:users:admin; refused as UpdateUser for one's own
  // account. NotFound for an unknown id. Audited "user_update" whose before and after hold only
  // the login and the masked display name.
  Result<UserInfo> SetDisplayName(const Actor& actor, int64_t id, const std::string& raw);
  Result<std::vector<UserInfo>> ListUsers(const Actor& actor);
  Result<int64_t> CountUsers();

  // A new session, or: InvalidArgument naming the field if name, password or totp is longer
  // than its kMaxLogin* limit (checked first, nothing stored); PermissionDenied with
  // refusal->retry_after_seconds set while name or remote is throttled or name is locked out
  // (the password is not even checked). Then, in this order, so that only someone holding every
  // factor learns the account's state: Unauthenticated "wrong user name or password" (one answer
  // for an unknown user and a wrong password, whether the account is enabled or not); for an
  // account with TOTP, Unauthenticated with refusal->totp_required when no code was sent, or
  // "wrong code" for a wrong one; then PermissionDenied ("the account is disabled") with
  // refusal->disabled, audited "login_disabled" and not counted by the throttle (no guess was
  // wrong). A wrong password or code is counted by the throttle and audited "login_failed" once
  // (and "lockout" when it locks the name). A success
  // clears the failures, purges expired sessions and is audited "login".
  Result<Session> Login(const std::string& name, const std::string& password, const std::string& remote,
                        const std::string& totp = "", LoginRefusal* refusal = nullptr);
  // The session's actor if the token is live; refreshes its idle timer. Unauthenticated
  // (with "session expired" wording) otherwise. csrf_out receives the session's CSRF token,
  // flags (if not null) what the session must do first. A session validated in the last
  // SessionCache::kTtlSeconds is answered from memory (see session_cache.h for the bounds).
  Result<Actor> Authenticate(const std::string& token, std::string* csrf_out, SessionFlags* flags = nullptr);
  // Ends the session of token (audited "logout"); ok if there is none.
  Status Logout(const std::string& token, const std::string& remote = "");
  // Checks the old password, the policy (CheckPasswordPolicy with the user name) and the last
  // policy.password_history passwords; stores the new one, clears must_change_password, ends
  // the user's other sessions (all but keep_session_token's) and audits "password_change".
  Status ChangePassword(const Actor& actor, const std::string& old_password, const std::string& new_password,
                        const std::string& keep_session_token = "");
  // An administrator (admin:users:admin) sets user id's password: same checks as
  // ChangePassword but no old password; the user must change it at the next login; all the
  // user's sessions end. Audited "password_reset". An account revealing across a county or wider
  // then reveals again only once a second administrator approves (RevealGrants::RenewAfterReset).
  Status ResetPassword(const Actor& actor, int64_t user_id, const std::string& password);
  // Removes user id's TOTP secrets (a lost phone) through TotpEnrolment::Reset, after the same
  // check as ResetPassword: PermissionDenied for a user holding a duty the actor lacks.
  Status ResetTotp(const Actor& actor, int64_t user_id);
  // Lifts the lockout and forgets the failed logins of user id (admin:users:admin). Audited
  // "unlock". NotFound for an unknown id.
  Status Unlock(const Actor& actor, int64_t user_id);
  // Deletes the sessions past their lifetime or idle timeout; returns how many.
  Result<int64_t> PurgeExpiredSessions();

  TotpEnrolment& totp() { return totp_; }
  const IdentityPolicy& policy() const { return policy_; }

  RoleService& roles() { return roles_; }
  RevealGrants& reveal_grants() { return reveal_grants_; }

 private:
  Result<UserInfo> FindUser(const std::string& name);
  // The stored user of that row with its roles (one more query).
  Result<UserInfo> WithRoles(UserInfo user);
  // user with reveal_awaits_approval filled (RevealGrants::Withheld).
  Result<UserInfo> WithRevealState(UserInfo user);
  // The actor of a stored user: its roles' grants (one query), its scope, whether its reveal is
  // withheld (RevealGrants::Withheld).
  Result<Actor> ActorFor(const UserInfo& user, const std::string& remote);
  Status CheckScope(const DataScope& scope);
  // What a call changes of an account, for the refusal of one's own: its secrets (password,
  // second factor, lockout; changed in one's own settings) or its details (roles, scope, status,
  // display name; changed by another administrator).
  enum class OwnAccountPart { kSecrets, kDetails };
  // PermissionDenied if user id is the actor itself (the message naming part), or holds an
  // administrator duty the actor does not: whoever manages an account (its roles, password,
  // second factor, lockout, disabling) cannot take over another duty, nor replace its own
  // secrets without giving the current ones.
  Status CheckMayManage(const Actor& actor, int64_t user_id, OwnAccountPart part);
  SessionFlags FlagsFor(const Actor& actor, bool must_change, const std::string& password_changed_at,
                        bool totp_enrolled) const;
  // Counts a failed login of name from remote and audits it (and a lockout it causes).
  Status RecordFailedLogin(const std::string& name, const std::string& remote, int64_t now);
  // Stores hash as user id's password (with history), must_change as given; ends the user's
  // sessions except keep_token_hash's ("" = all).
  Status StorePassword(int64_t user_id, const std::string& hash, bool must_change, const std::string& keep_token_hash);

  Database& db_;
  const Clock& clock_;
  IdentityPolicy policy_;
  AuditLog& audit_;
  LoginThrottle throttle_;
  PasswordHistory history_;
  TotpEnrolment totp_;
  RoleService roles_;
  RevealGrants reveal_grants_;
  SessionCache sessions_;
};

// True if actor holds any administrator permission (admin:users/roles/audit/dictionaries/system).
bool IsAdministrator(const Actor& actor);

}  // namespace shanhai

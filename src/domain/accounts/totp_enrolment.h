// The second factor of an account: RFC 6238 TOTP secrets kept encrypted with the PII vault
// (context "users.totp_secret") in the users table, enrolled in two steps from the console
// (Begin shows a secret, Confirm switches it on once a code from the app matches) or at once
// by an operator (`shanhai user totp NAME`), checked at login with no reuse of a step, and
// reset by a security administrator. Every change is audited.
#pragma once

#include <cstdint>
#include <string>

#include "domain/service_context.h"

namespace shanhai {

inline constexpr const char* kTotpIssuer = "Shanhai";

struct TotpSecretShown {
  std::string secret_base32;  // for typing into an app by hand
  std::string uri;            // otpauth://totp/... for the QR code
};

class TotpEnrolment {
 public:
  // Over context's database, vault, audit log and clock; context must outlive the enrolment.
  // Its vault may be null (then every call but Enrolled fails Unavailable).
  explicit TotpEnrolment(ServiceContext& context);

  // A new pending secret for the actor's own account, replacing an earlier pending one; the
  // active secret (if any) stays in force until Confirm. An account that has one must give its
  // current code (a session alone, e.g. a stolen cookie, cannot bind another phone): else
  // InvalidArgument naming "current_code". Audits "totp_begin".
  Result<TotpSecretShown> Begin(const Actor& actor, const std::string& current_code = "");
  // Activates the pending secret if code is its current code (±1 step). Errors:
  // InvalidArgument (field "code") for a wrong code or no pending secret. Audits "totp_enrol".
  Status Confirm(const Actor& actor, const std::string& code);
  // Enrols user `name` with a new active secret at once (operator at the terminal). Needs
  // admin:users:admin. Audits "totp_enrol". NotFound for an unknown name.
  Result<TotpSecretShown> EnrolNow(const Actor& actor, const std::string& name);
  // Removes user id's secrets (lost phone). Needs admin:users:admin. Audits "totp_reset".
  Status Reset(const Actor& actor, int64_t user_id);

  // True if user id has an active secret.
  Result<bool> Enrolled(int64_t user_id);
  // Ok if code is user id's current code and its step is later than the last one accepted
  // (recorded, so the same code cannot be replayed). Unauthenticated otherwise.
  Status Verify(int64_t user_id, const std::string& code);

 private:
  Result<int64_t> UserId(const std::string& name);
  Status RequireVault() const;

  Database& db_;
  const PiiVault* vault_;
  AuditLog& audit_;
  Clock clock_;
};

}  // namespace shanhai

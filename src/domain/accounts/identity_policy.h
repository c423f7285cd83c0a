// The tunable rules of logging in and of passwords, set by `shanhai serve` flags (README,
// "Accounts and roles"); the defaults are what a county office gets without flags.
#pragma once

#include <cstdint>

namespace shanhai {

struct IdentityPolicy {
  // Consecutive failed logins for one user name that lock it (then lockout_minutes long).
  int max_failures = 5;
  int lockout_minutes = 15;
  // Consecutive failures from one client address after which that address must wait (growing
  // delays, never a lockout of any account); a successful login from it starts again.
  int address_free_failures = 10;
  // Days a password is valid before the user must change it; 0 = it never expires.
  int password_max_age_days = 0;
  // A new password may not equal any of the user's last password_history passwords.
  int password_history = 5;
  // Administrators (any admin:* permission) without TOTP may only enrol until they have.
  bool require_admin_totp = false;
};

// Seconds a user name (failures = consecutive failures so far) must wait before the next
// attempt: none for the first two, then 1, 2, 4 ... capped at 60 s. Pure.
int64_t UserRetryDelaySeconds(int64_t failures);

// The same for a client address, counting from policy.address_free_failures. Pure.
int64_t AddressRetryDelaySeconds(int64_t failures, const IdentityPolicy& policy);

}  // namespace shanhai

// Failed-login bookkeeping (table login_failures, migration 0004): growing delays per user name
// and per client address, and the lockout of a user name after IdentityPolicy::max_failures.
// Rows are keyed by the name as submitted, known or not, so a lockout says nothing about which
// names exist. An address is only ever slowed down, never locked, and never affects other
// addresses: an attacker elsewhere can lock an account for lockout_minutes at most, and an
// administrator (or `shanhai user unlock`) lifts that at once.
#pragma once

#include <cstdint>
#include <string>

#include "common/clock.h"
#include "common/status.h"
#include "domain/accounts/identity_policy.h"
#include "storage/database.h"

namespace shanhai {

struct LoginWait {
  int64_t seconds = 0;  // 0 = may try now
  bool locked = false;  // the user name is locked out (not merely slowed down)
};

class LoginThrottle {
 public:
  // Times are handed in as Unix seconds and stored as ISO-8601 UTC (IsoUtcAt, the clock's format).
  LoginThrottle(Database& db, const IdentityPolicy& policy) : db_(db), policy_(policy) {}

  // How long name and address must still wait at Unix time now (the longer of the two).
  Result<LoginWait> Wait(const std::string& name, const std::string& address, int64_t now);
  // Counts one failure for both; true if it locked name (the caller audits "lockout").
  // Failures older than lockout_minutes are forgotten first. Call inside a transaction.
  Result<bool> RecordFailure(const std::string& name, const std::string& address, int64_t now);
  // A successful login: forgets the failures of name and address.
  Status Clear(const std::string& name, const std::string& address);
  // Forgets the failures and lockout of name. True if there was anything to forget.
  Result<bool> Unlock(const std::string& name);
  // Deletes the records that no longer slow anyone down (last failure older than
  // lockout_minutes, no lockout in force), so guessed names do not pile up.
  Status Purge(int64_t now);

 private:
  struct Record {
    int64_t failures = 0;
    int64_t last_failure = 0;
    int64_t locked_until = 0;
  };
  Result<Record> Load(const char* scope, const std::string& subject);
  Status Store(const char* scope, const std::string& subject, const Record& record, bool exists);

  Database& db_;
  IdentityPolicy policy_;
};

}  // namespace shanhai

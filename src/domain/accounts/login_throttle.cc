#include "domain/accounts/login_throttle.h"

#include <algorithm>

namespace shanhai {

namespace {

constexpr const char* kUserScope = "user";
constexpr const char* kAddressScope = "address";
constexpr int64_t kMaxDelaySeconds = 60;

constexpr const char* kSelectFailures =
    "SELECT failures, last_failure_at, locked_until FROM login_failures WHERE scope = ? AND subject = ?";
constexpr const char* kInsertFailures =
    "INSERT INTO login_failures (failures, last_failure_at, locked_until, scope, subject) VALUES (?, ?, ?, ?, ?)";
constexpr const char* kUpdateFailures =
    "UPDATE login_failures SET failures = ?, last_failure_at = ?, locked_until = ? WHERE scope = ? AND subject = ?";
constexpr const char* kDeleteFailures = "DELETE FROM login_failures WHERE scope = ? AND subject = ?";
constexpr const char* kPurgeFailures = "DELETE FROM login_failures WHERE last_failure_at < ? AND locked_until < ?";

int64_t Doubling(int64_t exponent) { return exponent >= 6 ? kMaxDelaySeconds : std::min<int64_t>(int64_t{1} << exponent, kMaxDelaySeconds); }

}  // namespace

int64_t UserRetryDelaySeconds(int64_t failures) { return failures < 3 ? 0 : Doubling(failures - 3); }

int64_t AddressRetryDelaySeconds(int64_t failures, const IdentityPolicy& policy) {
  return failures < policy.address_free_failures ? 0 : Doubling(failures - policy.address_free_failures);
}

Result<LoginThrottle::Record> LoginThrottle::Load(const char* scope, const std::string& subject) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSelectFailures, {std::string(scope), subject}));
  if (rows.rows.empty()) return Record{};
  return Record{AsInt(rows.rows[0][0]), UnixSecondsOfIso(AsText(rows.rows[0][1])), UnixSecondsOfIso(AsText(rows.rows[0][2]))};
}

Status LoginThrottle::Store(const char* scope, const std::string& subject, const Record& r, bool exists) {
  return db_
      .Execute(exists ? kUpdateFailures : kInsertFailures,
               {r.failures, IsoUtcAt(r.last_failure), r.locked_until ? IsoUtcAt(r.locked_until) : std::string(),
                std::string(scope), subject})
      .status();
}

Result<LoginWait> LoginThrottle::Wait(const std::string& name, const std::string& address, int64_t now) {
  SH_ASSIGN_OR_RETURN(Record user, Load(kUserScope, name));
  if (user.locked_until > now) return LoginWait{user.locked_until - now, true};
  SH_ASSIGN_OR_RETURN(Record from, Load(kAddressScope, address));
  const int64_t user_wait = user.last_failure + UserRetryDelaySeconds(user.failures) - now;
  const int64_t address_wait = from.last_failure + AddressRetryDelaySeconds(from.failures, policy_) - now;
  return LoginWait{std::max<int64_t>({0, user_wait, address_wait}), false};
}

Result<bool> LoginThrottle::RecordFailure(const std::string& name, const std::string& address, int64_t now) {
  const int64_t window = int64_t{policy_.lockout_minutes} * 60;
  bool locked = false;
  for (const char* scope : {kUserScope, kAddressScope}) {
    const std::string& subject = scope == kUserScope ? name : address;
    SH_ASSIGN_OR_RETURN(Record r, Load(scope, subject));
    const bool exists = r.last_failure != 0;
    // A lockout that ran out, or failures long past, start the count again.
    if ((r.locked_until && r.locked_until <= now) || now - r.last_failure > window) r = Record{};
    ++r.failures;
    r.last_failure = now;
    if (scope == kUserScope && r.failures >= policy_.max_failures && policy_.max_failures > 0) {
      r.locked_until = now + window;
      locked = true;
    }
    SH_RETURN_IF_ERROR(Store(scope, subject, r, exists));
  }
  return locked;
}

Status LoginThrottle::Clear(const std::string& name, const std::string& address) {
  SH_RETURN_IF_ERROR(db_.Execute(kDeleteFailures, {std::string(kUserScope), name}).status());
  return db_.Execute(kDeleteFailures, {std::string(kAddressScope), address}).status();
}

Status LoginThrottle::Purge(int64_t now) {
  const std::string cutoff = IsoUtcAt(now - int64_t{policy_.lockout_minutes} * 60);
  // locked_until is '' (sorts first) or a time: either way older than now means not locked.
  return db_.Execute(kPurgeFailures, {cutoff, IsoUtcAt(now)}).status();
}

Result<bool> LoginThrottle::Unlock(const std::string& name) {
  SH_ASSIGN_OR_RETURN(int64_t removed, db_.Execute(kDeleteFailures, {std::string(kUserScope), name}));
  return removed > 0;
}

}  // namespace shanhai

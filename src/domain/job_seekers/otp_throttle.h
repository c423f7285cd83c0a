// Rate limits of the one-time-code login (table otp_events, migration 0021): each code request
// and each wrong code is one row, keyed by scope ("number" with the number's look-up hash, never
// the number; "address" with the client address) and time. A limit is "at most N in the last
// window seconds", optionally with a least interval between two rows. Nothing is ever locked:
// a subject waits until its oldest counted row leaves the window.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "storage/database.h"

namespace shanhai {

struct RateLimit {
  int64_t max_events = 0;       // in window_seconds; 0 = no limit
  int64_t window_seconds = 3600;
  int64_t min_interval_seconds = 0;  // between two events; 0 = none
};

// The subject a client address is limited as: an IPv4 address (an IPv4-mapped IPv6 one as its
// IPv4 form) as it is, an IPv6 address as its /64 network ("2001:db8:1:2::/64": one subscriber's
// line hands out a whole /64, so counting each address would give one client 2^64 limits), any
// other text as given. Pure.
std::string AddressSubject(const std::string& remote);

class OtpThrottle {
 public:
  // db must outlive the throttle. Times are Unix seconds, stored as ISO-8601 UTC.
  explicit OtpThrottle(Database& db) : db_(db) {}

  // Seconds subject must still wait at now before its next event under limit (0 = may go now).
  Result<int64_t> Wait(const std::string& scope, const std::string& subject, const RateLimit& limit, int64_t now);
  // Counts one event of subject at now (inside the caller's transaction if one is open).
  Status Record(const std::string& scope, const std::string& subject, int64_t now);
  // Forgets the events older than keep_seconds before now.
  Status Purge(int64_t now, int64_t keep_seconds);

 private:
  Database& db_;
};

}  // namespace shanhai

#include "domain/job_seekers/otp_throttle.h"

#include <algorithm>

#include "common/clock.h"

namespace shanhai {

namespace {

constexpr const char* kWindowEvents =
    "SELECT COUNT(*), MIN(at), MAX(at) FROM otp_events WHERE scope = ? AND subject = ? AND at > ?";
constexpr const char* kInsertEvent = "INSERT INTO otp_events (scope, subject, at) VALUES (?, ?, ?)";
constexpr const char* kPurgeEvents = "DELETE FROM otp_events WHERE at <= ?";

}  // namespace

Result<int64_t> OtpThrottle::Wait(const std::string& scope, const std::string& subject, const RateLimit& limit,
                                  int64_t now) {
  if (limit.max_events <= 0 && limit.min_interval_seconds <= 0) return int64_t{0};
  const int64_t span = std::max(limit.window_seconds, limit.min_interval_seconds);
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kWindowEvents, {scope, subject, IsoUtcAt(now - span)}));
  const auto& r = rows.rows.at(0);
  if (AsInt(r[0]) == 0) return int64_t{0};
  int64_t wait = 0;
  if (limit.min_interval_seconds > 0)
    wait = std::max(wait, UnixSecondsOfIso(AsText(r[2])) + limit.min_interval_seconds - now);
  if (limit.max_events > 0) {
    // Counted within the window proper (span may be the longer interval).
    SH_ASSIGN_OR_RETURN(Rows in_window, db_.Query(kWindowEvents, {scope, subject, IsoUtcAt(now - limit.window_seconds)}));
    const auto& w = in_window.rows.at(0);
    if (AsInt(w[0]) >= limit.max_events)
      wait = std::max(wait, UnixSecondsOfIso(AsText(w[1])) + limit.window_seconds - now);
  }
  return std::max<int64_t>(wait, 0);
}

Status OtpThrottle::Record(const std::string& scope, const std::string& subject, int64_t now) {
  return db_.Execute(kInsertEvent, {scope, subject, IsoUtcAt(now)}).status();
}

Status OtpThrottle::Purge(int64_t now, int64_t keep_seconds) {
  return db_.Execute(kPurgeEvents, {IsoUtcAt(now - keep_seconds)}).status();
}

}  // namespace shanhai

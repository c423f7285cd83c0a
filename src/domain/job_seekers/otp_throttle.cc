#include "domain/job_seekers/otp_throttle.h"

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v6.hpp>

#include "common/clock.h"

namespace shanhai {

namespace {

constexpr const char* kWindowEvents =
    "SELECT COUNT(*), MIN(at), MAX(at) FROM otp_events WHERE scope = ? AND subject = ? AND at > ?";
constexpr const char* kInsertEvent = "INSERT INTO otp_events (scope, subject, at) VALUES (?, ?, ?)";
constexpr const char* kPurgeEvents = "DELETE FROM otp_events WHERE at <= ?";

}  // namespace

std::string AddressSubject(const std::string& remote) {
  boost::system::error_code error;
  const boost::asio::ip::address address = boost::asio::ip::make_address(remote, error);
  if (error || !address.is_v6()) return remote;
  const boost::asio::ip::address_v6 v6 = address.to_v6();
  if (v6.is_v4_mapped())
    return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, v6).to_string();
  return boost::asio::ip::make_network_v6(v6, 64).canonical().to_string();
}

Result<int64_t> OtpThrottle::Wait(const std::string& scope, const std::string& subject, const RateLimit& limit,
                                  int64_t now) {
  if (limit.max_events <= 0 && limit.min_interval_seconds <= 0) return int64_t{0};
  SH_ASSIGN_OR_RETURN(Rows window, db_.Query(kWindowEvents, {scope, subject, IsoUtcAt(now - limit.window_seconds)}));
  int64_t count = AsInt(window.rows.at(0)[0]);
  std::string oldest = count > 0 ? AsText(window.rows[0][1]) : "", latest = count > 0 ? AsText(window.rows[0][2]) : "";
  if (limit.min_interval_seconds > limit.window_seconds) {
    // The latest event that still holds the interval may lie before the window.
    SH_ASSIGN_OR_RETURN(Rows span, db_.Query(kWindowEvents, {scope, subject, IsoUtcAt(now - limit.min_interval_seconds)}));
    latest = AsInt(span.rows.at(0)[0]) > 0 ? AsText(span.rows[0][2]) : "";
  }
  int64_t wait = 0;
  if (limit.min_interval_seconds > 0 && !latest.empty())
    wait = std::max(wait, UnixSecondsOfIso(latest) + limit.min_interval_seconds - now);
  if (limit.max_events > 0 && count >= limit.max_events)
    wait = std::max(wait, UnixSecondsOfIso(oldest) + limit.window_seconds - now);
  return std::max<int64_t>(wait, 0);
}

Status OtpThrottle::Record(const std::string& scope, const std::string& subject, int64_t now) {
  return db_.Execute(kInsertEvent, {scope, subject, IsoUtcAt(now)}).status();
}

Status OtpThrottle::Purge(int64_t now, int64_t keep_seconds) {
  return db_.Execute(kPurgeEvents, {IsoUtcAt(now - keep_seconds)}).status();
}

}  // namespace shanhai

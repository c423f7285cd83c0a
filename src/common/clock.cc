#include "common/clock.h"

#include <chrono>
#include <ctime>

#include "common/date.h"

namespace shanhai {

namespace {
int64_t SystemSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}
}  // namespace

std::string IsoUtcAt(int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int64_t UnixSecondsOfIso(const std::string& iso) {
  std::tm tm{};
  if (iso.empty() || !strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm)) return 0;
  return static_cast<int64_t>(timegm(&tm));
}

Clock::Clock() : seconds_(SystemSeconds) {}

Clock::Clock(Source seconds) : seconds_(std::move(seconds)) {}

std::string Clock::Today() const { return TodayAt(std::chrono::system_clock::time_point(std::chrono::seconds(Seconds()))); }

Clock Clock::Fixed(int64_t unix_seconds) {
  return Clock([unix_seconds] { return unix_seconds; });
}

}  // namespace shanhai

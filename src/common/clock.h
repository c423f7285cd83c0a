// The one clock of a connection's services: Unix seconds from one injectable source, and the
// ISO-8601 UTC timestamp of the same instant, so a test that moves the source moves both
// (session timeouts, error sheet expiry, audit and record timestamps alike).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace shanhai {

// "YYYY-MM-DDTHH:MM:SSZ" of unix_seconds (the format every stored timestamp uses, so they
// compare as text).
std::string IsoUtcAt(int64_t unix_seconds);
// The Unix seconds of a timestamp IsoUtcAt wrote; 0 for "" or any other text.
int64_t UnixSecondsOfIso(const std::string& iso);

// Cheap to copy; copies share the source. Thread safety: as the source's (the system clock's is safe).
class Clock {
 public:
  using Source = std::function<int64_t()>;  // Unix seconds

  // The system clock.
  Clock();
  // seconds must be callable for as long as any copy of the clock is used.
  explicit Clock(Source seconds);
  // Always at unix_seconds (tests).
  static Clock Fixed(int64_t unix_seconds);

  int64_t Seconds() const { return seconds_(); }
  // IsoUtcAt(Seconds()).
  std::string Iso() const { return IsoUtcAt(Seconds()); }
  // The date of Seconds() in China Standard Time, "YYYY-MM-DD" (TodayAt in common/date.h).
  std::string Today() const;

 private:
  Source seconds_;
};

}  // namespace shanhai

#include "common/clock.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

TEST(ClockTest, IsoIsTheUtcTimestampOfTheSeconds) {
  EXPECT_EQ(IsoUtcAt(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(IsoUtcAt(1595404800), "2020-07-22T08:00:00Z");
  EXPECT_EQ(Clock::Fixed(1595404800 + 59).Iso(), "2020-07-22T08:00:59Z");
}

TEST(ClockTest, MovingTheSourceMovesSecondsAndTimestampTogether) {
  int64_t now = 1800000000;
  const Clock clock([&now] { return now; });
  const Clock copy = clock;  // copies share the source, as services' copies do
  EXPECT_EQ(copy.Seconds(), 1800000000);
  EXPECT_EQ(copy.Iso(), "2027-01-15T08:00:00Z");
  now += 24 * 60 * 60;
  EXPECT_EQ(copy.Seconds(), 1800086400);
  EXPECT_EQ(copy.Iso(), "2027-01-16T08:00:00Z");
}

TEST(ClockTest, SystemClockIsNowish) {
  const Clock clock;
  EXPECT_GT(clock.Seconds(), 1'700'000'000);  // after 2023
  EXPECT_EQ(clock.Iso().size(), 20u);
}

TEST(ClockTest, UnixSecondsOfIsoReadsBackWhatIsoUtcAtWrote) {
  EXPECT_EQ(UnixSecondsOfIso(IsoUtcAt(1595404800)), 1595404800);
  EXPECT_EQ(UnixSecondsOfIso("2020-07-22T08:00:00Z"), 1595404800);
  EXPECT_EQ(UnixSecondsOfIso(""), 0);
  EXPECT_EQ(UnixSecondsOfIso("22/07/2020"), 0);
}

}  // namespace
}  // namespace shanhai

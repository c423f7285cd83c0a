#include "domain/labor/time_slot.h"

#include <gtest/gtest.h>

namespace shanhai::labor {
namespace {

TEST(TimeSlotTest, AcceptsAStartAndALaterEnd) {
  EXPECT_TRUE(IsTimeSlot("09:00-09:30"));
  EXPECT_TRUE(IsTimeSlot("14:00\u201315:00"));
  EXPECT_TRUE(IsTimeSlot("08:00-12:00"));  // four hours, the longest
}

TEST(TimeSlotTest, RefusesASlotLongerThanFourHours) {
  EXPECT_FALSE(IsTimeSlot("08:00-12:01"));
  EXPECT_FALSE(IsTimeSlot("00:00-23:59"));
}

TEST(TimeSlotTest, RefusesMalformedOrBackwardSlots) {
  for (const char* bad : {"", "09:00", "9:00-9:30", "09:30-09:00", "09:00-09:00", "24:00-24:30", "09:60-10:00",
                          "09:00-09:30 ", "09:00~09:30", "ab:cd-ef:gh"})
    EXPECT_FALSE(IsTimeSlot(bad)) << bad;
}

TEST(TimeSlotTest, ParsesBothEnds) {
  const std::optional<TimeSlot> slot = ParseTimeSlot("23:30\u201323:59");
  ASSERT_TRUE(slot);
  EXPECT_EQ(slot->start, "23:30");
  EXPECT_EQ(slot->end, "23:59");
  EXPECT_EQ(ParseTimeSlot("09:00-09:30")->end, "09:30");
  EXPECT_FALSE(ParseTimeSlot("09:30-09:00"));
}

}  // namespace
}  // namespace shanhai::labor

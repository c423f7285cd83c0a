// The due rules alone: the reminder windows' edges, a moved slot's new keys, the re-ask windows.
#include "domain/notifications/due_rules.h"

#include <gtest/gtest.h>

#include "common/clock.h"

namespace shanhai::notifications {
namespace {

// 2026-12-04 09:00 in China is 01:00 UTC.
const int64_t kStart = UnixSecondsOfIso("2026-12-04T01:00:00Z");

TEST(DueRules, ASlotStartsAtItsChinaTime) {
  EXPECT_EQ(SlotStart("2026-12-04", "09:00-09:30"), kStart);
  EXPECT_EQ(SlotStart("2026-12-04", "00:30-01:00"), UnixSecondsOfIso("2026-12-03T16:30:00Z"));
  EXPECT_EQ(SlotStart("2026-12-04", "09:00"), std::nullopt);
  EXPECT_EQ(SlotStart("2026-13-04", "09:00-09:30"), std::nullopt);
}

TEST(DueRules, TheDayBeforeReminderRunsFrom24HoursUntilTheHourBefore) {
  EXPECT_EQ(ReminderDue(kStart, kStart - kDaySeconds - 1), std::nullopt) << "too early";
  EXPECT_EQ(ReminderDue(kStart, kStart - kDaySeconds), ReminderKind::kDayBefore);
  EXPECT_EQ(ReminderDue(kStart, kStart - kHourSeconds - 1), ReminderKind::kDayBefore);
}

TEST(DueRules, TheHourBeforeReminderRunsUntilTheStartAndNothingAfter) {
  EXPECT_EQ(ReminderDue(kStart, kStart - kHourSeconds), ReminderKind::kHourBefore);
  EXPECT_EQ(ReminderDue(kStart, kStart - 1), ReminderKind::kHourBefore);
  EXPECT_EQ(ReminderDue(kStart, kStart), std::nullopt);
  EXPECT_EQ(ReminderDue(kStart, kStart + kHourSeconds), std::nullopt);
}

TEST(DueRules, AMovedSlotHasNewKeysAndEachKindItsOwn) {
  const std::string day = ReminderKey(12, "2026-12-04", "09:00-09:30", ReminderKind::kDayBefore);
  EXPECT_EQ(day, "interview:12:2026-12-04 09:00-09:30:day_before");
  EXPECT_NE(day, ReminderKey(12, "2026-12-04", "09:00-09:30", ReminderKind::kHourBefore));
  EXPECT_NE(day, ReminderKey(12, "2026-12-04", "10:00-10:30", ReminderKind::kDayBefore));
  EXPECT_NE(day, ReminderKey(12, "2026-12-05", "09:00-09:30", ReminderKind::kDayBefore));
  EXPECT_NE(day, ReminderKey(13, "2026-12-04", "09:00-09:30", ReminderKind::kDayBefore));
}

TEST(DueRules, TheReaskWindowCountsThirtyDaysFromTheDueDate) {
  EXPECT_EQ(ReaskWindow("2026-12-03", "2026-12-03"), std::nullopt) << "due today is still current";
  EXPECT_EQ(ReaskWindow("2026-12-04", "2026-12-03"), std::nullopt);
  EXPECT_EQ(ReaskWindow("2026-12-02", "2026-12-03"), 0);
  EXPECT_EQ(ReaskWindow("2026-11-03", "2026-12-02"), 0) << "29 days";
  EXPECT_EQ(ReaskWindow("2026-11-03", "2026-12-03"), 1) << "30 days";
  EXPECT_EQ(ReaskWindow("2026-10-04", "2026-12-03"), 2);
  EXPECT_EQ(ReaskWindow("", "2026-12-03"), 20790 / 30) << "never confirmed: due since 1970";
  EXPECT_EQ(ReaskWindow("soon", "2026-12-03"), std::nullopt);
}

}  // namespace
}  // namespace shanhai::notifications

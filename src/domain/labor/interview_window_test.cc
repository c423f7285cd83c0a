// The room's window alone: its edges to the second, across the day, month and year boundaries of
// China time (where a UTC or server-zone reading would be a day off), and the refusals' words.
#include "domain/labor/interview_window.h"

#include <gtest/gtest.h>

#include "common/clock.h"

namespace shanhai::labor {
namespace {

int64_t Utc(const char* iso) { return UnixSecondsOfIso(iso); }

TEST(InterviewRoomWindow, OpensHalfAnHourBeforeAndClosesAnHourAfterInChinaTime) {
  const std::optional<RoomWindow> w = InterviewRoomWindow("2026-12-04", "09:00-09:30");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->opens_at, Utc("2026-12-04T00:30:00Z"));  // 08:30 in Beijing
  EXPECT_EQ(w->closes_at, Utc("2026-12-04T02:30:00Z"));  // 10:30
  // Another slot of the same day (an interview rescheduled) has its own window.
  const std::optional<RoomWindow> later = InterviewRoomWindow("2026-12-04", "14:00\u201315:00");
  ASSERT_TRUE(later);
  EXPECT_EQ(later->opens_at, Utc("2026-12-04T05:30:00Z"));
  EXPECT_EQ(later->closes_at, Utc("2026-12-04T08:00:00Z"));
}

TEST(InterviewRoomWindow, CrossesMidnightTheMonthAndTheYearInChinaTime) {
  // Just after midnight: the room opens the evening before, on the last day of the year.
  std::optional<RoomWindow> w = InterviewRoomWindow("2027-01-01", "00:10-00:40");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->opens_at, Utc("2026-12-31T15:40:00Z"));  // 2026-12-31 23:40 in Beijing
  // Late in the evening: it closes after midnight, in the new year.
  w = InterviewRoomWindow("2026-12-31", "23:30-23:59");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->closes_at, Utc("2026-12-31T16:59:00Z"));  // 2027-01-01 00:59
  // Into a leap day.
  w = InterviewRoomWindow("2028-02-28", "23:40-23:50");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->closes_at, Utc("2028-02-28T16:50:00Z"));  // 2028-02-29 00:50
  // Early morning in Beijing is still the day before in UTC.
  w = InterviewRoomWindow("2026-12-04", "07:00-07:30");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->opens_at, Utc("2026-12-03T22:30:00Z"));
}

TEST(InterviewRoomWindow, HasNoneForAMalformedDateOrSlot) {
  EXPECT_FALSE(InterviewRoomWindow("2026-13-04", "09:00-09:30"));
  EXPECT_FALSE(InterviewRoomWindow("2026-02-29", "09:00-09:30"));
  EXPECT_FALSE(InterviewRoomWindow("2026-12-04", "09:00"));
  EXPECT_FALSE(InterviewRoomWindow("2026-12-04", "09:30-09:00"));
  EXPECT_FALSE(InterviewRoomWindow("", ""));
}

TEST(OpenRoomWindow, IsOpenFromItsFirstSecondUntilBeforeItsLast) {
  const int64_t opens = Utc("2026-12-04T00:30:00Z"), closes = Utc("2026-12-04T02:30:00Z");
  for (int64_t now : {opens, opens + 1, closes - 1}) {
    Result<RoomWindow> w = OpenRoomWindow("2026-12-04", "09:00-09:30", now);
    ASSERT_TRUE(w.ok()) << now << ": " << w.status().ToString();
    EXPECT_EQ(w->opens_at, opens);
    EXPECT_EQ(w->closes_at, closes);
  }
}

TEST(OpenRoomWindow, BeforeItSaysWhenTheRoomOpens) {
  const Status s = OpenRoomWindow("2027-01-01", "00:10-00:40", Utc("2026-12-31T15:39:59Z")).status();
  EXPECT_EQ(s.code(), Code::kConflict);
  EXPECT_EQ(s.message_zh(), "面试间尚未开放：面试时间为 2027-01-01 00:10-00:40，面试间于 2026-12-31 23:40（北京时间）开放");
  EXPECT_EQ(s.message_en(),
            "the interview room is not open yet: the interview is at 2027-01-01 00:10-00:40; the room opens at "
            "2026-12-31 23:40 China time");
  EXPECT_TRUE(OpenRoomWindow("2027-01-01", "00:10-00:40", Utc("2026-12-31T15:40:00Z")).ok());
}

TEST(OpenRoomWindow, AfterItSaysTheTimeHasPassed) {
  const int64_t closes = Utc("2026-12-31T16:59:00Z");  // 2027-01-01 00:59
  EXPECT_TRUE(OpenRoomWindow("2026-12-31", "23:30-23:59", closes - 1).ok());
  for (int64_t now : {closes, closes + 86400 * 365}) {
    const Status s = OpenRoomWindow("2026-12-31", "23:30-23:59", now).status();
    EXPECT_EQ(s.code(), Code::kConflict);
    EXPECT_EQ(s.message_zh(), "面试时间已过：面试时间为 2026-12-31 23:30-23:59，面试间已于 2027-01-01 00:59（北京时间）关闭");
    EXPECT_EQ(s.message_en(),
              "the interview time has passed: the interview was at 2026-12-31 23:30-23:59; the room closed at "
              "2027-01-01 00:59 China time");
  }
}

TEST(OpenRoomWindow, RefusesAnInterviewWithoutAValidTime) {
  const Status s = OpenRoomWindow("2026-12-04", "9点", Utc("2026-12-04T01:00:00Z")).status();
  EXPECT_EQ(s.code(), Code::kConflict);
  EXPECT_NE(s.message_zh().find("没有有效的面试时间"), std::string::npos) << s.message_zh();
}

}  // namespace
}  // namespace shanhai::labor

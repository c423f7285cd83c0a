#include "domain/notifications/notice_texts.h"

#include <gtest/gtest.h>

namespace shanhai::notifications {
namespace {

TEST(NoticeTexts, AReminderSaysHowTheInterviewIsHeldAndWhichDay) {
  const ReminderFacts video{"2026-12-04", "09:00-09:30", "video", "白云压缩机", "装配工", false};
  EXPECT_EQ(SeekerReminderText(video, ReminderKind::kDayBefore, "https://jiuye.example.cn/"),
            "【面试提醒·明天】您已约 12月4日 09:00-09:30 远程视频面试（白云压缩机/装配工），请打开 "
            "https://jiuye.example.cn/m/ 进入");
  ReminderFacts phone = video;
  phone.mode = "phone";
  phone.today = true;  // booked in the morning for the afternoon: the day-before reminder is today's
  EXPECT_EQ(SeekerReminderText(phone, ReminderKind::kDayBefore, ""),
            "【面试提醒·今天】您已约 12月4日 09:00-09:30 电话面试（白云压缩机/装配工），请保持电话畅通，招聘方将来电；详情见 /m/");
  EXPECT_EQ(HrReminderText(phone, "韦*兰", ReminderKind::kDayBefore).zh,
            "面试提醒（今天）：12月4日 09:00-09:30 与求职者 韦*兰 电话面试（装配工）");
  EXPECT_EQ(HrReminderText(phone, "韦*兰", ReminderKind::kHourBefore).en,
            "Interview in an hour: 2026-12-04 09:00-09:30 with job seeker 韦*兰 (装配工)");
  ReminderFacts link = video;
  link.mode = "link";
  EXPECT_NE(SeekerReminderText(link, ReminderKind::kHourBefore, "").find("【面试提醒·1小时后】"), std::string::npos);
  EXPECT_NE(SeekerReminderText(link, ReminderKind::kHourBefore, "").find("线上会议面试"), std::string::npos);
}

}  // namespace
}  // namespace shanhai::notifications

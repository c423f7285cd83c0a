// The words of each notice, in Chinese and English, apart from the runner so they are tested
// alone. Dates are ISO ("2026-12-04"), shown as offices write them ("12月4日"); money is fen.
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/notifications/due_rules.h"

namespace shanhai::notifications {

struct NoticeText {
  std::string zh, en;
};

// "2026-12-04" → "12月4日" (the text itself when it is not an ISO date).
std::string MonthDayZh(std::string_view iso);

// "新岗位：广州白云演示压缩机有限公司 装配工 5,100元起，匹配甲坝村 3 人".
NoticeText NewJobText(std::string_view employer, std::string_view title, int64_t wage_min_fen, std::string_view village,
                      int64_t matched);

// What a reminder says of its interview.
struct ReminderFacts {
  std::string_view date, slot;  // "2026-12-04", "09:00-09:30"
  std::string_view mode;        // the application's interview_mode: video | phone | link
  std::string_view employer, title;
  bool today = false;  // the interview is on the reminder's own day (a day-before reminder says 今天)
};

// To the seeker: "【面试提醒·明天】您已约 12月4日 09:00-09:30 远程视频面试（公司/岗位），请打开 <url>/m/ 进入"
// — 今天 / 明天 / 1小时后 by kind and day, the mode's own words (电话面试: keep the phone on).
// Chinese only (the phone page is Chinese).
std::string SeekerReminderText(const ReminderFacts& interview, ReminderKind kind, std::string_view public_url);

// To the employer's HR: the slot, the seeker's masked name, the mode and the job.
NoticeText HrReminderText(const ReminderFacts& interview, std::string_view masked_name, ReminderKind kind);

// The 90-day re-ask, with the phone page's link. Chinese only.
std::string ReaskText(std::string_view public_url);

}  // namespace shanhai::notifications

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

// To the seeker: "您已约 12月4日 09:00-09:30 远程视频面试（公司/岗位），请打开 <url>/m/ 进入" with
// "明天" or "1小时后" in front by kind. Chinese only (the phone page is Chinese).
std::string SeekerReminderText(std::string_view date, std::string_view slot, std::string_view employer,
                               std::string_view title, ReminderKind kind, std::string_view public_url);

// To the employer's HR: the slot, the seeker's masked name and the job.
NoticeText HrReminderText(std::string_view date, std::string_view slot, std::string_view masked_name,
                          std::string_view title, ReminderKind kind);

// The 90-day re-ask, with the phone page's link. Chinese only.
std::string ReaskText(std::string_view public_url);

}  // namespace shanhai::notifications

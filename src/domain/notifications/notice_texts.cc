#include "domain/notifications/notice_texts.h"

#include "common/date.h"
#include "common/money.h"

namespace shanhai::notifications {

namespace {

constexpr int64_t kFenPerYuan = 100;

std::string PhonePage(std::string_view public_url) {
  std::string base(public_url);
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/m/";
}

std::string S(std::string_view v) { return std::string(v); }

}  // namespace

std::string MonthDayZh(std::string_view iso) {
  if (!IsIsoDate(iso)) return S(iso);
  return std::to_string(std::stoi(S(iso.substr(5, 2)))) + "月" + std::to_string(std::stoi(S(iso.substr(8, 2)))) + "日";
}

NoticeText NewJobText(std::string_view employer, std::string_view title, int64_t wage_min_fen, std::string_view village,
                      int64_t matched) {
  const std::string wage = FormatCount(wage_min_fen / kFenPerYuan);
  return {"新岗位：" + S(employer) + " " + S(title) + " " + wage + "元起，匹配" + S(village) + " " +
              std::to_string(matched) + " 人",
          "New job: " + S(employer) + " " + S(title) + " from " + wage + " yuan, matching " + std::to_string(matched) +
              (matched == 1 ? " person of " : " people of ") + S(village)};
}

std::string SeekerReminderText(std::string_view date, std::string_view slot, std::string_view employer,
                               std::string_view title, ReminderKind kind, std::string_view public_url) {
  const char* when = kind == ReminderKind::kDayBefore ? "【面试提醒·明天】" : "【面试提醒·1小时后】";
  return S(when) + "您已约 " + MonthDayZh(date) + " " + S(slot) + " 远程视频面试（" + S(employer) + "/" + S(title) +
         "），请打开 " + PhonePage(public_url) + " 进入";
}

NoticeText HrReminderText(std::string_view date, std::string_view slot, std::string_view masked_name,
                          std::string_view title, ReminderKind kind) {
  const bool day = kind == ReminderKind::kDayBefore;
  return {S(day ? "面试提醒（明天）：" : "面试提醒（1小时后）：") + MonthDayZh(date) + " " + S(slot) + " 与求职者 " +
              S(masked_name) + " 远程面试（" + S(title) + "）",
          S(day ? "Interview tomorrow: " : "Interview in an hour: ") + S(date) + " " + S(slot) + " with job seeker " +
              S(masked_name) + " (" + S(title) + ")"};
}

std::string ReaskText(std::string_view public_url) {
  return "【山海就业】您登记的求职意向已超过90天未确认。如仍在找工作，请打开 " + PhonePage(public_url) +
         " 确认，确认后将继续为您推荐岗位。";
}

}  // namespace shanhai::notifications

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

// How the interview is held, and what the seeker does to join it (the application's interview_mode).
struct ModeWords {
  const char* name;
  const char* join;  // after "请", before the phone page's address
  const char* tail;  // after it
};
ModeWords WordsFor(std::string_view mode) {
  if (mode == "phone") return {"电话面试", "保持电话畅通，招聘方将来电；详情见 ", ""};
  if (mode == "link") return {"线上会议面试", "按会议链接进入，链接见 ", ""};
  return {"远程视频面试", "打开 ", " 进入"};
}

// The day-before reminder of an interview later the same day says 今天, not 明天.
const char* WhenZh(ReminderKind kind, bool today) {
  if (kind != ReminderKind::kDayBefore) return "1小时后";
  return today ? "今天" : "明天";
}

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

std::string SeekerReminderText(const ReminderFacts& i, ReminderKind kind, std::string_view public_url) {
  const ModeWords words = WordsFor(i.mode);
  return "【面试提醒·" + S(WhenZh(kind, i.today)) + "】您已约 " + MonthDayZh(i.date) + " " + S(i.slot) + " " + words.name +
         "（" + S(i.employer) + "/" + S(i.title) + "），请" + words.join + PhonePage(public_url) + words.tail;
}

NoticeText HrReminderText(const ReminderFacts& i, std::string_view masked_name, ReminderKind kind) {
  const bool day = kind == ReminderKind::kDayBefore;
  const char* when_en = !day ? "Interview in an hour: " : i.today ? "Interview today: " : "Interview tomorrow: ";
  return {"面试提醒（" + S(WhenZh(kind, i.today)) + "）：" + MonthDayZh(i.date) + " " + S(i.slot) + " 与求职者 " +
              S(masked_name) + " " + WordsFor(i.mode).name + "（" + S(i.title) + "）",
          S(when_en) + S(i.date) + " " + S(i.slot) + " with job seeker " + S(masked_name) + " (" + S(i.title) + ")"};
}

std::string ReaskText(std::string_view public_url) {
  return "【山海就业】您登记的求职意向已超过90天未确认。如仍在找工作，请打开 " + PhonePage(public_url) +
         " 确认，确认后将继续为您推荐岗位。";
}

}  // namespace shanhai::notifications

#include "domain/notifications/due_rules.h"

#include <chrono>

#include "common/date.h"
#include "domain/labor/time_slot.h"

namespace shanhai::notifications {

namespace {

// Days since 1970-01-01 of an ISO date the caller checked.
int64_t DayNumber(std::string_view iso) {
  const int y = std::stoi(std::string(iso.substr(0, 4)));
  const unsigned m = std::stoi(std::string(iso.substr(5, 2)));
  const unsigned d = std::stoi(std::string(iso.substr(8, 2)));
  return std::chrono::sys_days(std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)))
      .time_since_epoch()
      .count();
}

}  // namespace

const char* ReminderKindName(ReminderKind kind) {
  return kind == ReminderKind::kDayBefore ? "day_before" : "hour_before";
}

std::optional<int64_t> SlotStart(std::string_view date, std::string_view slot) {
  if (!labor::IsTimeSlot(slot)) return std::nullopt;
  return ChinaTimeSeconds(date, slot.substr(0, 5));
}

std::optional<ReminderKind> ReminderDue(int64_t start, int64_t now) {
  if (now >= start || now < start - kDaySeconds) return std::nullopt;
  return now >= start - kHourSeconds ? ReminderKind::kHourBefore : ReminderKind::kDayBefore;
}

std::string ReminderKey(int64_t application_id, std::string_view date, std::string_view slot, ReminderKind kind) {
  return "interview:" + std::to_string(application_id) + ":" + std::string(date) + " " + std::string(slot) + ":" +
         ReminderKindName(kind);
}

std::optional<int64_t> ReaskWindow(std::string_view due_date, std::string_view today) {
  if (!IsIsoDate(today)) return std::nullopt;
  if (!due_date.empty() && (!IsIsoDate(due_date) || due_date >= today)) return std::nullopt;
  const int64_t due = due_date.empty() ? 0 : DayNumber(due_date);
  return (DayNumber(today) - due) / kReaskEveryDays;
}

}  // namespace shanhai::notifications

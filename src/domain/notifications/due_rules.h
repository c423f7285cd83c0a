// When the notification runner sends what: the pure rules, apart from the database, so that the
// boundaries (the hour before, the day before, a moved slot, the 30-day re-ask) are tested alone.
// Times are Unix seconds; dates and slots are as the ledgers store them, in China Standard Time.
// Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shanhai::notifications {

enum class ReminderKind { kDayBefore, kHourBefore };

// "day_before" / "hour_before": the kind's name in keys and in the CLI's output.
const char* ReminderKindName(ReminderKind kind);

// The Unix seconds at which slot ("09:00-09:30") of date ("2026-12-04") starts in China Standard
// Time; nullopt when either is malformed (the ledger checks them, so only stale data gets here).
std::optional<int64_t> SlotStart(std::string_view date, std::string_view slot);

// The reminder due at now for an interview starting at start: the hour-before one from an hour
// before the start until the start; the day-before one from 24 hours before until the hour-before
// one takes over. None before that and from the start on (a reminder after the fact helps nobody).
// A runner that missed the day-before window sends only the hour-before one.
std::optional<ReminderKind> ReminderDue(int64_t start, int64_t now);

// The key that makes one reminder of one slot happen once: a slot moved to another time has
// another key, so its reminders are sent again. "interview:12:2026-12-04 09:00-09:30:day_before".
std::string ReminderKey(int64_t application_id, std::string_view date, std::string_view slot, ReminderKind kind);

// The re-ask's window number for a seeker whose confirmation fell due on due_date ("" = never
// confirmed, taken as due since 1970) as seen on today: 0 for the first 30 days from the due date,
// 1 for the next 30, … nullopt while the confirmation is not yet due (due_date >= today, the
// matcher's rule: due on that day means still current). One re-ask per window (its key), and
// none within 30 days of the last (checked against the sends), so at most one per 30 days.
std::optional<int64_t> ReaskWindow(std::string_view due_date, std::string_view today);

inline constexpr int kReaskEveryDays = 30;
inline constexpr int64_t kHourSeconds = 60 * 60;
inline constexpr int64_t kDaySeconds = 24 * kHourSeconds;

}  // namespace shanhai::notifications

// An interview's time slot as offices write it: "09:00-09:30" (24-hour, a hyphen or an en dash).
// Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>

namespace shanhai::labor {

// The two ends of a slot, "HH:MM" each, viewing the text they were parsed from (which must
// outlive them).
struct TimeSlot {
  std::string_view start;
  std::string_view end;
};

// The longest slot: an interview, not a day (the room stays open around the whole slot).
inline constexpr int kMaxSlotMinutes = 4 * 60;

// The ends of text when it is "HH:MM-HH:MM" with valid times, the end after the start and at
// most kMaxSlotMinutes later; nullopt otherwise.
std::optional<TimeSlot> ParseTimeSlot(std::string_view text);

// ParseTimeSlot(text) has a value.
bool IsTimeSlot(std::string_view text);

}  // namespace shanhai::labor

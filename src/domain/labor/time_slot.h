// An interview's time slot as offices write it: "09:00-09:30" (24-hour, a hyphen or an en dash).
// Pure; thread-safe.
#pragma once

#include <string_view>

namespace shanhai::labor {

// True when text is "HH:MM-HH:MM" with valid times and the end after the start.
bool IsTimeSlot(std::string_view text);

}  // namespace shanhai::labor

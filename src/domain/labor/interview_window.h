// When the video room of a remote interview is open: from kRoomOpensMinutesBefore before its slot
// starts until kRoomClosesMinutesAfter after the slot ends. Dates and slots are China Standard Time
// (as the offices write them), whatever the server's own time zone. Rescheduling moves the slot
// and so the window. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "common/status.h"

namespace shanhai::labor {

inline constexpr int64_t kRoomOpensMinutesBefore = 30;
inline constexpr int64_t kRoomClosesMinutesAfter = 60;

// A half-open span of Unix seconds: open from opens_at, closed again from closes_at on.
struct RoomWindow {
  int64_t opens_at = 0;
  int64_t closes_at = 0;
};

// The window of an interview on date ("2026-12-04") at slot ("09:00-09:30"), or nullopt when
// either is malformed (labor/time_slot.h; common/date.h's ISO date).
std::optional<RoomWindow> InterviewRoomWindow(std::string_view date, std::string_view slot);

// That window when now lies inside it. Otherwise Conflict, in Chinese and English: before the
// window, naming the slot and when the room opens; from its end on, that the interview time has
// passed and when the room closed (moments in China time, "2026-12-04 08:30"); a malformed date
// or slot (data older than the ledger's check), that the interview has no valid time.
Result<RoomWindow> OpenRoomWindow(std::string_view date, std::string_view slot, int64_t now);

}  // namespace shanhai::labor

#include "domain/labor/interview_window.h"

#include <string>

#include "common/date.h"
#include "domain/labor/time_slot.h"

namespace shanhai::labor {

std::optional<RoomWindow> InterviewRoomWindow(std::string_view date, std::string_view slot) {
  const std::optional<TimeSlot> ends = ParseTimeSlot(slot);
  if (!ends) return std::nullopt;
  const std::optional<int64_t> start = ChinaTimeSeconds(date, ends->start);
  const std::optional<int64_t> end = ChinaTimeSeconds(date, ends->end);
  if (!start || !end) return std::nullopt;
  return RoomWindow{*start - kRoomOpensMinutesBefore * 60, *end + kRoomClosesMinutesAfter * 60};
}

Result<RoomWindow> OpenRoomWindow(std::string_view date, std::string_view slot, int64_t now) {
  const std::optional<RoomWindow> window = InterviewRoomWindow(date, slot);
  if (!window)
    return Status::Conflict("这场面试没有有效的面试时间，面试间无法开放",
                            "this interview has no valid time, so its room cannot open");
  const std::string at = std::string(date) + " " + std::string(slot);
  if (now < window->opens_at) {
    const std::string opens = ChinaTimeText(window->opens_at);
    return Status::Conflict("面试间尚未开放：面试时间为 " + at + "，面试间于 " + opens + "（北京时间）开放",
                            "the interview room is not open yet: the interview is at " + at + "; the room opens at " +
                                opens + " China time");
  }
  if (now >= window->closes_at) {
    const std::string closed = ChinaTimeText(window->closes_at);
    return Status::Conflict("面试时间已过：面试时间为 " + at + "，面试间已于 " + closed + "（北京时间）关闭",
                            "the interview time has passed: the interview was at " + at + "; the room closed at " +
                                closed + " China time");
  }
  return *window;
}

}  // namespace shanhai::labor

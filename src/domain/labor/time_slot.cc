#include "domain/labor/time_slot.h"

#include <string>

namespace shanhai::labor {

namespace {

// Minutes after midnight of "HH:MM", or -1.
int MinutesOf(std::string_view t) {
  if (t.size() != 5 || t[2] != ':') return -1;
  for (size_t i : {0, 1, 3, 4})
    if (t[i] < '0' || t[i] > '9') return -1;
  const int h = (t[0] - '0') * 10 + (t[1] - '0');
  const int m = (t[3] - '0') * 10 + (t[4] - '0');
  return h < 24 && m < 60 ? h * 60 + m : -1;
}

}  // namespace

std::optional<TimeSlot> ParseTimeSlot(std::string_view text) {
  // The en dash is three bytes in UTF-8; a hyphen one.
  static const std::string kEnDash = "\u2013";
  size_t dash = text.find('-');
  size_t width = 1;
  if (dash == std::string_view::npos) {
    dash = text.find(kEnDash);
    width = kEnDash.size();
  }
  if (dash == std::string_view::npos) return std::nullopt;
  const TimeSlot slot{text.substr(0, dash), text.substr(dash + width)};
  const int start = MinutesOf(slot.start);
  const int end = MinutesOf(slot.end);
  if (start < 0 || end <= start || end - start > kMaxSlotMinutes) return std::nullopt;
  return slot;
}

bool IsTimeSlot(std::string_view text) { return ParseTimeSlot(text).has_value(); }

}  // namespace shanhai::labor

#include "common/percent.h"

#include <cmath>

#include <fmt/format.h>

namespace shanhai {

std::string FormatPercent(double percent) {
  // Rounded in hundredths first, so a value just below zero prints as 0.00%, not -0.00%.
  const long long hundredths = std::llround(percent * 100.0);
  const unsigned long long magnitude = hundredths < 0 ? 0ULL - static_cast<unsigned long long>(hundredths) : hundredths;
  return fmt::format("{}{}.{:02}%", hundredths < 0 ? "-" : "", magnitude / 100, magnitude % 100);
}

}  // namespace shanhai

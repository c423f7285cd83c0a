// The one way the product shows a percentage (a completion rate, a rate indicator): two decimals
// and the sign right after the number, no space and no grouping — "262.50%", "0.00%", "-3.10%".
// The console's formatPercent (web/src/utils/percent.ts) writes the same text.
#pragma once

#include <string>

namespace shanhai {

// percent (already ×100: 262.5 for 262.5 %) rounded half away from zero to two decimals; never
// "-0.00%". Pure, thread-safe.
std::string FormatPercent(double percent);

}  // namespace shanhai

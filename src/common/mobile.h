// Mainland China mobile phone numbers: 11 digits beginning 13–19. Pure, thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace shanhai {

// Returns the bare 11 digits, e.g. "13812345678". After NormalizeInput, spaces and '-'
// anywhere are ignored and one country prefix "+86", "0086" or "86" is removed
// ("+86 138-1234-5678" → "13812345678").
// Errors (InvalidArgument, distinct messages): empty; a character other than digits,
// blanks, '-' and a leading '+'; a country code other than +86; not 11 digits; not
// beginning with 13–19.
Result<std::string> ParseMobile(std::string_view text);

// "13812345678" → "138****5678": keeps the first 3 and last 4 characters. Input other
// than 11 characters is masked by MaskMiddle's rule (a short value is fully starred).
std::string MaskMobile(std::string_view mobile);

}  // namespace shanhai

// Province-level prefixes of GB/T 2260 administrative division codes. The full region
// catalogue lives in src/regions; this is the cheap shape check identifiers need. Pure,
// thread-safe.
#pragma once

#include <string_view>

namespace shanhai {

// True when `code` starts with two ASCII digits naming a province-level division:
// 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71 (Taiwan), 81 (Hong Kong), 82 (Macao).
// Only the first two characters are looked at.
bool HasProvincePrefix(std::string_view code);

}  // namespace shanhai

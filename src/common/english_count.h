// A count with its English noun, singular for one: "1 row", "2 rows", "0 rows", "1 Pairings
// record". Every English message that counts rows, lines or records says it so. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace shanhai {

// noun is the singular, made plural by adding "s".
inline std::string EnglishCount(int64_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

}  // namespace shanhai

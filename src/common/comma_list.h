// Lists written as one comma-separated text: role names on the command line and in the legacy
// "role" member of a user body ("staff,revealer"), field names in audit details. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace shanhai {

// The non-empty items of text split at commas ("a,,b" → {"a", "b"}); no trimming.
inline std::vector<std::string> SplitCommaList(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const size_t comma = text.find(',');
    if (comma != 0) out.emplace_back(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return out;
}

// items joined with commas ({"a", "b"} → "a,b").
inline std::string JoinCommaList(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

}  // namespace shanhai

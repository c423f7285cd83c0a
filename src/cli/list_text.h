// Comma-separated lists on the command line ("staff,revealer").
#pragma once

#include <sstream>
#include <string>
#include <vector>

namespace shanhai::cli {

// The non-empty items of s split at commas.
inline std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

// items joined with commas.
inline std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

}  // namespace shanhai::cli

#include "common/province.h"

namespace shanhai {

bool HasProvincePrefix(std::string_view code) {
  if (code.size() < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') return false;
  const int prefix = (code[0] - '0') * 10 + (code[1] - '0');
  // The first digit is the 大区 (region group); the second numbers provinces within it.
  struct Range {
    int first, last;
  };
  static constexpr Range kRanges[] = {{11, 15}, {21, 23}, {31, 37}, {41, 46}, {50, 54},
                                      {61, 65}, {71, 71}, {81, 82}};
  for (const Range& r : kRanges)
    if (prefix >= r.first && prefix <= r.last) return true;
  return false;
}

}  // namespace shanhai

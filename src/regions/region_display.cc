#include "regions/region_display.h"

#include <algorithm>
#include <vector>

#include "regions/region_names.h"

namespace shanhai {

std::string RegionDisplayName(const RegionCatalog& catalog, std::string_view code) {
  const Region* region = catalog.Find(code);
  if (!region) return "";
  std::vector<const Region*> chain;  // from the region up, placeholders left out
  for (const Region* r = region; r; r = r->parent_code.empty() ? nullptr : catalog.Find(r->parent_code))
    if (!IsPlaceholderRegionName(r->name)) chain.push_back(r);
  const bool has_city = std::any_of(chain.begin(), chain.end(), [](const Region* r) { return r->level == RegionLevel::kCity; });
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Region& r = **it;
    if (r.level == RegionLevel::kProvince && has_city) continue;
    if (r.level == RegionLevel::kCity) {
      const std::string everyday = RegionAutonomousAbbreviation(r.name);
      out += everyday.empty() ? std::string(r.name) : everyday;
    } else {
      out += RegionCommonName(r.name);
    }
  }
  return out;
}

std::vector<std::string> PairSideCodes(std::string_view pair_code) {
  const size_t dash = pair_code.find('-');
  if (dash == std::string_view::npos) return {};
  return {std::string(pair_code.substr(0, dash)), std::string(pair_code.substr(dash + 1))};
}

std::string PairDisplayName(const RegionCatalog& catalog, std::string_view pair_code) {
  const std::vector<std::string> sides = PairSideCodes(pair_code);
  if (sides.empty()) return "";
  const std::string helper = RegionDisplayName(catalog, sides[0]);
  const std::string helped = RegionDisplayName(catalog, sides[1]);
  if (helper.empty() || helped.empty()) return "";
  return helper + "—" + helped;
}

}  // namespace shanhai

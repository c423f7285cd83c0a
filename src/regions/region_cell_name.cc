#include "regions/region_cell_name.h"

#include "regions/region_display.h"
#include "regions/region_names.h"
#include "regions/region_search.h"

namespace shanhai {

bool RegionCellNames::FindsOnly(const std::string& name, const Region& region, const std::vector<std::string>& within,
                                RegionLevel deepest) const {
  if (name.empty()) return false;
  const std::vector<const Region*> found = within.empty() ? FindRegionsAnywhere(catalog_, name, deepest)
                                                          : FindRegionsByName(catalog_, within, name, deepest);
  return found.size() == 1 && found[0] == &region;
}

const std::string& RegionCellNames::Of(std::string_view code, const std::vector<std::string>& within,
                                       RegionLevel deepest) {
  std::string key;
  for (const std::string& w : within) key.append(w).push_back(',');
  key.append("|").append(std::to_string(static_cast<int>(deepest))).append("|").append(code);
  auto [it, fresh] = names_.try_emplace(std::move(key));
  if (!fresh) return it->second;
  it->second = std::string(code);
  const Region* region = catalog_.Find(code);
  if (!region || region->level > deepest) return it->second;
  for (std::string name : {RegionCommonName(region->name), RegionNameUnderParent(catalog_, *region),
                           RegionDisplayName(catalog_, code)})
    if (FindsOnly(name, *region, within, deepest)) {
      it->second = std::move(name);
      break;
    }
  return it->second;
}

}  // namespace shanhai

#include "regions/region_candidates.h"

#include "regions/region_display.h"
#include "regions/region_search.h"

namespace shanhai {

std::string NamedRegion(const RegionCatalog& catalog, std::string_view code, bool under_parent) {
  const Region* r = catalog.Find(code);
  const std::string shown = !r ? "" : under_parent ? RegionNameUnderParent(catalog, *r) : RegionDisplayName(catalog, code);
  return shown + "（" + std::string(code) + "）";
}

std::string NamedRegionList(const RegionCatalog& catalog, const std::vector<std::string>& codes, bool under_parent) {
  std::string list;
  for (size_t i = 0; i < codes.size() && i < kNamedRegionCandidates; ++i)
    list += (i ? "、" : "") + NamedRegion(catalog, codes[i], under_parent);
  if (codes.size() > kNamedRegionCandidates) list += "…";
  return list;
}

}  // namespace shanhai

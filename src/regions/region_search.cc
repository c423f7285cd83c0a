#include "regions/region_search.h"

#include <algorithm>

#include "common/text.h"
#include "regions/region_names.h"

namespace shanhai {

namespace {

// True if within[i] lies inside another of within (the first of equal codes counts as the other).
bool InsideAnother(const std::vector<std::string>& within, size_t i) {
  for (size_t j = 0; j < within.size(); ++j)
    if (j != i && RegionCatalog::Contains(within[j], within[i]) && (within[j] != within[i] || j < i)) return true;
  return false;
}

// Every region of the subtree of code (itself first), depth first in code order.
void CollectSubtree(const RegionCatalog& catalog, std::string_view code, std::vector<const Region*>& out) {
  const Region* r = catalog.Find(code);
  if (!r) return;
  out.push_back(r);
  for (const Region* child : catalog.Children(code)) CollectSubtree(catalog, child->code, out);
}

}  // namespace

std::string RegionNameUnderParent(const RegionCatalog& catalog, const Region& region) {
  const Region* parent = region.level > RegionLevel::kCounty ? catalog.Find(region.parent_code) : nullptr;
  return (parent ? RegionCommonName(parent->name) : "") + RegionCommonName(region.name);
}

std::vector<const Region*> FindRegionsByName(const RegionCatalog& catalog, const std::vector<std::string>& within,
                                             std::string_view name) {
  const std::string query = NormalizeInputLossy(name);
  if (query.empty()) return {};
  std::vector<const Region*> candidates;
  for (size_t i = 0; i < within.size(); ++i)
    if (!InsideAnother(within, i)) CollectSubtree(catalog, within[i], candidates);

  std::vector<const Region*> found;
  const std::string common = RegionCommonName(query);
  for (const Region* r : candidates)
    if (r->name == query || RegionCommonName(r->name) == common || RegionNameUnderParent(catalog, *r) == common) found.push_back(r);
  if (!found.empty()) return found;
  const std::string short_name = RegionShortName(query);
  for (const Region* r : candidates)
    if (RegionShortName(r->name) == short_name || RegionAutonomousAbbreviation(r->name) == query) found.push_back(r);
  return found;
}

}  // namespace shanhai

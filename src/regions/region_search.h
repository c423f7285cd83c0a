// Finding a region by the name people call it, inside given regions: an import's region cell
// names a town or village of the pair's two sides ("荔波县", "甲坝村", "石门街道"), whose 12-digit
// codes offices rarely have at hand.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "regions/region_catalog.h"

namespace shanhai {

// The regions inside any of `within` (each of those codes and everything below it) that name
// denotes, in the first of these tiers that finds any: the official or common name
// (RegionCommonName: "甲坝村" for "甲坝村村民委员会", "石门街道" for "石门街道办事处") or a town's or
// village's common name under its parent's (RegionNameUnderParent: "茂井镇田坝村"), then the short
// name or everyday autonomous form ("甲坝", "黔南州"). Several results mean the name is
// ambiguous there. In the order of `within`, then depth first in code order; no repeats.
// name is normalised first (NFKC, blanks trimmed). Thread-safe.
// A town or village called under its parent, which tells apart villages of the same name in
// two towns: "茂井镇田坝村"; for a county or above, its common name alone ("罗甸县").
std::string RegionNameUnderParent(const RegionCatalog& catalog, const Region& region);

std::vector<const Region*> FindRegionsByName(const RegionCatalog& catalog, const std::vector<std::string>& within,
                                             std::string_view name);

}  // namespace shanhai

// Finding a region by the name people call it: an import's region cell names a town or village
// of the pair's two sides ("荔波县", "甲坝村", "卡蒲乡甲坝村", "石门街道"), whose 12-digit codes offices
// rarely have at hand; a pairs sheet names a county or city anywhere ("广州市白云区").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "regions/region_catalog.h"

namespace shanhai {

// A town or village called under its parent, which tells apart villages of the same name in
// two towns: "茂井镇田坝村"; for a county or above, its common name alone ("罗甸县").
std::string RegionNameUnderParent(const RegionCatalog& catalog, const Region& region);

// The regions inside any of `within` (each of those codes and everything below it, down to
// deepest) that name denotes, in the first of these tiers that finds any:
//  1. one of the region's full names — official, common (RegionCommonName: "甲坝村" for
//     "甲坝村村民委员会", "石门街道" for "石门街道办事处") or plain (RegionPlainName: "卡蒲乡") —
//     alone or after names of regions above it, top down, any level left out, each called by
//     any of its names ("茂井镇田坝村", "卡蒲乡甲坝村", "黔南州平塘县卡蒲乡甲坝村", "广州市白云区");
//  2. its short name ("甲坝", "罗悃"), the same way (a name with another unit word, "石门街道"
//     for 石门县, finds nothing).
// Several results mean the name is ambiguous there. In the order of `within`, then depth first
// in code order; no repeats. name is normalised first (NFKC, blanks trimmed). Thread-safe.
std::vector<const Region*> FindRegionsByName(const RegionCatalog& catalog, const std::vector<std::string>& within,
                                             std::string_view name, RegionLevel deepest = RegionLevel::kVillage);

// As FindRegionsByName within every province: a name with no pair around it to search in
// (a pairs sheet's sides, down to county).
std::vector<const Region*> FindRegionsAnywhere(const RegionCatalog& catalog, std::string_view name,
                                               RegionLevel deepest);

}  // namespace shanhai

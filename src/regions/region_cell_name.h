// How an export writes a region so that a clerk reads a name and the import reads back the same
// code: a spreadsheet that leaves Shanhai is read by people, and goes back in through the import.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "regions/region_catalog.h"

namespace shanhai {

// Names region codes for spreadsheet cells, remembering each answer (an export names the same
// few villages on many rows). Not thread-safe: one per export.
class RegionCellNames {
 public:
  explicit RegionCellNames(const RegionCatalog& catalog) : catalog_(catalog) {}

  // The first of these that the import's region search (FindRegionsByName within `within`, or
  // FindRegionsAnywhere when within is empty, down to deepest) finds as this region alone: its
  // common name ("甲坝村", "罗甸县"), then RegionNameUnderParent ("茂井镇田坝村" where another town
  // has a 田坝村), then RegionDisplayName ("广州市白云区"); else the code itself, as is an unknown code.
  const std::string& Of(std::string_view code, const std::vector<std::string>& within, RegionLevel deepest);

 private:
  bool FindsOnly(const std::string& name, const Region& region, const std::vector<std::string>& within,
                 RegionLevel deepest) const;

  const RegionCatalog& catalog_;
  std::unordered_map<std::string, std::string> names_;  // "<within>|<deepest>|<code>" → cell text
};

}  // namespace shanhai

// How the regions a typed name could mean are named back to the user (an import cell, a list
// filter): each by a name that is itself accepted, followed by its code, so the user may copy
// either. One wording for every place that asks the user to choose.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "regions/region_catalog.h"

namespace shanhai {

// At most this many candidates are named; more are shown as "…" (a short village name can
// match dozens of villages across a province).
inline constexpr size_t kNamedRegionCandidates = 10;

// "茂井镇田坝村（522728112214）" when under_parent (the search ran within a pair's sides, where the
// parent tells villages of one name apart: RegionNameUnderParent), else "黔南州平塘县卡蒲毛南族乡
// （522727200）" (RegionDisplayName, for a name looked up in the whole catalogue). An unknown
// code is shown alone in the brackets. Thread-safe.
std::string NamedRegion(const RegionCatalog& catalog, std::string_view code, bool under_parent);

// The first kNamedRegionCandidates of codes by NamedRegion joined by "、", then "…" if there
// are more. Thread-safe.
std::string NamedRegionList(const RegionCatalog& catalog, const std::vector<std::string>& codes, bool under_parent);

// The code of a region written as its code (checked) or as a name anywhere in the catalogue
// (FindRegionsAnywhere down to village: "卡蒲毛南族乡", "平塘县卡蒲乡"), for a scope typed on the
// command line; a name that finds none, or several (named with their codes), is InvalidArgument
// that names `option`. Thread-safe.
Result<std::string> RegionCodeNamedAnywhere(const RegionCatalog& catalog, const std::string& code_or_name,
                                            const std::string& option);

}  // namespace shanhai

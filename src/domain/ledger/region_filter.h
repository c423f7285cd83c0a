// A list filter on a region field: the records placed in that region or anywhere below it (a
// town's filter finds the units of its villages too), the region given by its code or by its
// name ("甲坝村", "卡蒲乡甲坝村", "石门街道"), as people know the places they look for.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/ledger/ledger_def.h"
#include "domain/pairing/pair_scope.h"

namespace shanhai {

// Where a filter's name is looked up first: the two sides of the pair filtered on; without one,
// the sides of the pairs the user may see (every pair's for a user of the whole catalogue), or
// the user's own town or village, in which all the records they see lie. A name found nowhere
// there is looked up in the whole catalogue (an enterprise's origin, a person's home region
// may lie outside every pair).
struct RegionFilterArea {
  std::vector<std::string> sides;  // region codes, each with everything below it
  std::optional<PairScope> pair;   // the pair filtered on, whose two sides `sides` are
};

// The code of the one region called name (FindRegionsByName) within area's sides, else in the
// whole catalogue; down to county for a pair's side (FieldDef::anywhere), else to village.
// Errors: Invalid with a FieldError on field, zh/en, when no region is called so anywhere, or
// several are where it was found (named by NamedRegionList, so the user may pick one or narrow
// the list to a pair).
Result<std::string> RegionFilterCode(const FieldDef& field, const RegionFilterArea& area, const std::string& name);

// The significant prefix (RegionPrefix) every stored code inside the region value denotes starts
// with: value is a code, or a name as RegionFilterCode takes it (area is read only for a name).
// Errors: RegionFilterCode's, and Invalid on field for a string of digits that is no region code.
Result<std::string> RegionFilterPrefix(const FieldDef& field, const RegionFilterArea& area, const std::string& value);

}  // namespace shanhai

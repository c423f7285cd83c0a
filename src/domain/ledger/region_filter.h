// A list filter on a region field: the records placed in that region or anywhere below it (a
// town's filter finds the units of its villages too), the region given by its code or by its
// name ("甲坝村", "卡蒲乡甲坝村", "石门街道"), as people know the places they look for.
#pragma once

#include <optional>
#include <string>

#include "common/status.h"
#include "domain/ledger/ledger_def.h"
#include "domain/pairing/pair_scope.h"

namespace shanhai {

// The code of the one region called name (FindRegionsByName) within the two sides of pair, or
// anywhere in the catalogue without a pair; down to county for a pair's side (FieldDef::pair_side),
// else to village. Errors: Invalid with a FieldError on field, zh/en, when no region is called so
// there, or several are (named by NamedRegionList, so the user may pick one or narrow the list
// to a pair).
Result<std::string> RegionFilterCode(const FieldDef& field, const std::optional<PairScope>& pair,
                                     const std::string& name);

// The significant prefix (RegionPrefix) every stored code inside the region value denotes starts
// with: value is a code, or a name as RegionFilterCode takes it. Errors: RegionFilterCode's, and
// Invalid on field for a string of digits that is no region code.
Result<std::string> RegionFilterPrefix(const FieldDef& field, const std::optional<PairScope>& pair,
                                       const std::string& value);

}  // namespace shanhai

// A list filter on a region field given by name ("甲坝村", "卡蒲乡甲坝村", "石门街道") rather than
// by its code, as people know the places they look for.
#pragma once

#include <optional>
#include <string>

#include "common/status.h"
#include "domain/ledger/ledger_def.h"
#include "domain/pairing/pair_scope.h"

namespace shanhai {

// The code of the one region called name (FindRegionsByName) within the two sides of pair, or
// anywhere in the catalogue without a pair. Errors: Invalid with a FieldError on field, zh/en,
// when no region is called so there, or several are (the first ten named with their codes, so
// the user may pick one or narrow the list to a pair).
Result<std::string> RegionFilterCode(const FieldDef& field, const std::optional<PairScope>& pair,
                                     const std::string& name);

}  // namespace shanhai

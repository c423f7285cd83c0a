// The names an account's import template offers in drop-downs: the pairs it may write, by name,
// and the regions within those pairs' two sides, each by the name the import finds alone there.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "domain/ledger/ledger_service.h"

namespace shanhai {

struct TemplateNames {
  std::vector<std::string> pairs;    // PairDisplayName ("广州市白云区—黔南州平塘县"), in code order
  std::vector<std::string> regions;  // region cell names (RegionCellNames) of county pairs' sides, top down
  bool pairs_capped = false;         // more pairs than kMaxTemplatePairs: the first ones only
  bool regions_capped = false;       // more regions than kMaxTemplateRegions: the first ones only
};

// Beyond these, a drop-down is no help to read and the template grows: a county pair has a few
// hundred villages on its two sides, a province administrator many pairs.
inline constexpr size_t kMaxTemplatePairs = 300;
inline constexpr size_t kMaxTemplateRegions = 3000;

// The names for actor: the pairs it sees and may write (CheckPairWritable), the regions of the
// sides of its county pairs down to villages (a city's or province's side is far too large). Reads the pairs once (the validator's pair preload, ended on return).
Result<TemplateNames> TemplateNamesFor(LedgerService& service, const Actor& actor);

}  // namespace shanhai

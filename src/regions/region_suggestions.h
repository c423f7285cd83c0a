// The regions a person may mean while typing into a region picker, best first: by name ("甲坝",
// "石门"), by the start of the code ("5227"), or by pinyin initials ("jbc"), inside the regions
// the picker offers (a record's pair's two sides, or the whole catalogue). The picker shows only
// the levels it has loaded; this reaches towns and villages without opening their county.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "regions/region_catalog.h"
#include "regions/region_initials.h"

namespace shanhai {

struct RegionSuggestions {
  std::vector<const Region*> regions;  // best first, at most the limit asked for
  size_t total = 0;                    // how many regions matched in all
};

// Suggestions over a catalogue, its names and their initials indexed once. Immutable after
// construction; all methods thread-safe.
class RegionSuggester {
 public:
  // Over the embedded catalogue and pinyin table, built on first use (thread-safe).
  static const RegionSuggester& Embedded();

  RegionSuggester(const RegionCatalog& catalog, const PinyinInitials& initials);

  // The regions inside any of roots (each root with everything below it; no roots: the whole
  // catalogue) that typed finds, typed normalised first (NFKC, blanks trimmed, lower case):
  //  - all digits: the regions whose code starts with it;
  //  - ASCII letters: those with a name whose characters' pinyin initials contain it;
  //  - otherwise: those with a name containing it, or that it names as FindRegionsByName
  //    resolves a cell ("卡蒲乡甲坝村", "黔南州平塘县").
  // A region's names: official, common (甲坝村), plain (卡蒲乡), everyday (黔南州), short (甲坝).
  // Order: regions a name (or its initials, or the code) matches exactly, then those it begins,
  // then the rest; within each, higher levels first, then by code. Unknown roots match nothing.
  RegionSuggestions Suggest(const std::vector<std::string>& roots, std::string_view typed, size_t limit) const;

 private:
  struct Entry {
    const Region* region;
    std::vector<std::string> names;                   // distinct, official first
    std::vector<std::vector<InitialsMask>> initials;  // per name
  };
  const RegionCatalog& catalog_;
  std::vector<Entry> entries_;  // every region, depth first in code order
};

}  // namespace shanhai

#include "regions/region_suggestions.h"

#include <algorithm>
#include <tuple>

#include "common/text.h"
#include "regions/region_names.h"
#include "regions/region_search.h"

namespace shanhai {

namespace {

enum Rank { kExact, kBegins, kContains, kNoMatch };

bool AllAsciiLetters(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

Rank Better(Rank a, Rank b) { return std::min(a, b); }

}  // namespace

const RegionSuggester& RegionSuggester::Embedded() {
  static const RegionSuggester suggester(RegionCatalog::Embedded(), PinyinInitials::Embedded());
  return suggester;
}

RegionSuggester::RegionSuggester(const RegionCatalog& catalog, const PinyinInitials& initials) : catalog_(catalog) {
  std::vector<const Region*> pending = catalog.Children("");
  std::reverse(pending.begin(), pending.end());
  while (!pending.empty()) {
    const Region* r = pending.back();
    pending.pop_back();
    Entry entry{r, {}, {}};
    for (std::string name : {std::string(r->name), RegionCommonName(r->name), RegionPlainName(r->name),
                             RegionAutonomousAbbreviation(r->name), RegionShortName(r->name)}) {
      if (name.empty() || std::find(entry.names.begin(), entry.names.end(), name) != entry.names.end()) continue;
      entry.initials.push_back(initials.MasksOf(name));
      entry.names.push_back(std::move(name));
    }
    entries_.push_back(std::move(entry));
    std::vector<const Region*> children = catalog.Children(r->code);
    pending.insert(pending.end(), children.rbegin(), children.rend());
  }
}

RegionSuggestions RegionSuggester::Suggest(const std::vector<std::string>& roots, std::string_view typed,
                                           size_t limit) const {
  std::string query = NormalizeInputLossy(typed);
  for (char& c : query) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (query.empty()) return {};
  const bool by_code = IsAsciiDigits(query);
  const bool by_initials = !by_code && AllAsciiLetters(query);
  // Each root's prefix once (RegionCatalog::Contains would make it again for every entry).
  std::vector<std::string> prefixes;
  for (const std::string& root : roots) prefixes.push_back(RegionPrefix(root));
  const auto inside = [&](const Region& r) {
    return prefixes.empty() || std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& prefix) {
             return !prefix.empty() && r.code.starts_with(prefix);
           });
  };

  std::vector<std::pair<Rank, const Region*>> found;
  for (const Entry& e : entries_) {
    if (!inside(*e.region)) continue;
    Rank rank = kNoMatch;
    if (by_code) {
      if (e.region->code.starts_with(query)) rank = e.region->code == query ? kExact : kBegins;
    } else {
      for (size_t i = 0; i < e.names.size(); ++i) {
        if (by_initials) {
          const size_t at = FindInitials(e.initials[i], query);
          if (at != std::string::npos)
            rank = Better(rank, at > 0 ? kContains : e.initials[i].size() == query.size() ? kExact : kBegins);
        } else if (const size_t at = e.names[i].find(query); at != std::string::npos) {
          rank = Better(rank, at > 0 ? kContains : e.names[i].size() == query.size() ? kExact : kBegins);
        }
      }
    }
    if (rank != kNoMatch) found.emplace_back(rank, e.region);
  }
  // A name with the names of regions above it ("卡蒲乡甲坝村") is contained in no single name.
  if (found.empty() && !by_code && !by_initials) {
    for (const Region* r : roots.empty() ? FindRegionsAnywhere(catalog_, query, RegionLevel::kVillage)
                                         : FindRegionsByName(catalog_, roots, query))
      found.emplace_back(kExact, r);
  }

  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return std::tuple(a.first, a.second->level, a.second->code) < std::tuple(b.first, b.second->level, b.second->code);
  });
  RegionSuggestions out;
  out.total = found.size();
  for (size_t i = 0; i < found.size() && i < limit; ++i) out.regions.push_back(found[i].second);
  return out;
}

}  // namespace shanhai

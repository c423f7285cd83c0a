#include "regions/region_search.h"

#include <algorithm>

#include "common/text.h"
#include "regions/region_names.h"

namespace shanhai {

namespace {

// True if within[i] lies inside another of within (the first of equal codes counts as the other).
bool InsideAnother(const std::vector<std::string>& within, size_t i) {
  for (size_t j = 0; j < within.size(); ++j)
    if (j != i && RegionCatalog::Contains(within[j], within[i]) && (within[j] != within[i] || j < i)) return true;
  return false;
}

// Every region of the subtree of code down to deepest (itself first), depth first in code order.
void CollectSubtree(const RegionCatalog& catalog, std::string_view code, RegionLevel deepest,
                    std::vector<const Region*>& out) {
  const Region* r = catalog.Find(code);
  if (!r || r->level > deepest) return;
  out.push_back(r);
  for (const Region* child : catalog.Children(code)) CollectSubtree(catalog, child->code, deepest, out);
}

// The names a region goes by on its own: full ones (official, common, plain: "卡蒲毛南族乡",
// "卡蒲乡") and its short name ("卡蒲").
struct OwnNames {
  std::vector<std::string> full;
  std::string brief;
};

OwnNames NamesOf(const Region& r) {
  OwnNames names{{std::string(r.name), RegionCommonName(r.name)}, RegionShortName(r.name)};
  if (std::string plain = RegionPlainName(r.name); !plain.empty()) names.full.push_back(std::move(plain));
  return names;
}

// The nearest region above r that names a place (placeholders such as 市辖区 skipped), or null.
const Region* NamedParent(const RegionCatalog& catalog, const Region& r) {
  for (const Region* p = catalog.Find(r.parent_code); p; p = catalog.Find(p->parent_code))
    if (!IsPlaceholderRegionName(p->name)) return p;
  return nullptr;
}

bool CalledWithin(const RegionCatalog& catalog, const Region& r, std::string_view text,
                  const std::vector<std::string>& own);

// True if prefix names regions above r, top down, each by any of its names, levels may be left
// out: "黔南州平塘县", "平塘县", "卡蒲乡", "平塘卡蒲乡" before 甲坝村.
bool NamesAncestors(const RegionCatalog& catalog, const Region& r, std::string_view prefix) {
  for (const Region* a = NamedParent(catalog, r); a; a = NamedParent(catalog, *a)) {
    OwnNames names = NamesOf(*a);
    names.full.push_back(names.brief);
    if (CalledWithin(catalog, *a, prefix, names.full)) return true;
  }
  return false;
}

// True if text is one of r's names in own, alone or after names of regions above it.
bool CalledWithin(const RegionCatalog& catalog, const Region& r, std::string_view text,
                  const std::vector<std::string>& own) {
  return std::any_of(own.begin(), own.end(), [&](const std::string& name) {
    if (name.empty() || !text.ends_with(name)) return false;
    return text.size() == name.size() || NamesAncestors(catalog, r, text.substr(0, text.size() - name.size()));
  });
}

std::vector<const Region*> FindAmong(const RegionCatalog& catalog, const std::vector<const Region*>& candidates,
                                     std::string_view name) {
  const std::string query = NormalizeInputLossy(name);
  if (query.empty()) return {};
  const std::string common = RegionCommonName(query);
  std::vector<const Region*> found;
  for (const Region* r : candidates) {
    const OwnNames names = NamesOf(*r);
    if (CalledWithin(catalog, *r, query, names.full) || CalledWithin(catalog, *r, common, names.full)) found.push_back(r);
  }
  if (!found.empty()) return found;
  for (const Region* r : candidates)
    if (CalledWithin(catalog, *r, query, {RegionShortName(r->name)})) found.push_back(r);
  return found;
}

}  // namespace

std::string RegionNameUnderParent(const RegionCatalog& catalog, const Region& region) {
  const Region* parent = region.level > RegionLevel::kCounty ? catalog.Find(region.parent_code) : nullptr;
  return (parent ? RegionCommonName(parent->name) : "") + RegionCommonName(region.name);
}

std::vector<const Region*> FindRegionsByName(const RegionCatalog& catalog, const std::vector<std::string>& within,
                                             std::string_view name, RegionLevel deepest) {
  std::vector<const Region*> candidates;
  for (size_t i = 0; i < within.size(); ++i)
    if (!InsideAnother(within, i)) CollectSubtree(catalog, within[i], deepest, candidates);
  return FindAmong(catalog, candidates, name);
}

std::vector<const Region*> FindRegionsAnywhere(const RegionCatalog& catalog, std::string_view name,
                                               RegionLevel deepest) {
  std::vector<const Region*> candidates;
  for (const Region* province : catalog.Children("")) CollectSubtree(catalog, province->code, deepest, candidates);
  return FindAmong(catalog, candidates, name);
}

}  // namespace shanhai

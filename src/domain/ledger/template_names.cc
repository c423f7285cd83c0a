#include "domain/ledger/template_names.h"

#include <set>

#include "domain/ledger/pair_write_rule.h"
#include "regions/region_cell_name.h"
#include "regions/region_display.h"

namespace shanhai {

namespace {

// Appends to out the names of side and every region under it, breadth first (the towns before
// their villages), each once, until out holds kMaxTemplateRegions; false when it stopped short.
bool AddRegionsOf(const std::string& side, const std::vector<std::string>& sides, RegionCellNames& names,
                  std::set<std::string>& seen, std::vector<std::string>& out) {
  const RegionCatalog& catalog = RegionCatalog::Embedded();
  std::vector<std::string> level{side};
  while (!level.empty()) {
    std::vector<std::string> next;
    for (const std::string& code : level) {
      const std::string& name = names.Of(code, sides, RegionLevel::kVillage);
      if (seen.insert(name).second) {
        if (out.size() >= kMaxTemplateRegions) return false;
        out.push_back(name);
      }
      for (const Region* child : catalog.Children(code)) next.emplace_back(child->code);
    }
    level = std::move(next);
  }
  return true;
}

bool IsCountyPair(const RecordValidator::PairInfo& pair) {
  const Region* helped = RegionCatalog::Embedded().Find(pair.helped_region);
  return helped && helped->level == RegionLevel::kCounty;
}

}  // namespace

Result<TemplateNames> TemplateNamesFor(LedgerService& service, const Actor& actor) {
  RecordValidator& validator = service.validator();
  SH_RETURN_IF_ERROR(validator.PreloadPairs());
  struct EndPreload {
    RecordValidator& v;
    ~EndPreload() { v.EndPairPreload(); }
  } end{validator};
  SH_ASSIGN_OR_RETURN(Rows rows, service.db().Query("SELECT code FROM pairs ORDER BY code"));
  TemplateNames out;
  std::vector<RecordValidator::PairInfo> writable;
  for (const auto& r : rows.rows) {
    Result<RecordValidator::PairInfo> pair = validator.FindPair(actor, AsText(r[0]));
    if (!pair.ok()) {
      if (pair.status().code() == Code::kNotFound || pair.status().code() == Code::kPermissionDenied) continue;
      return pair.status();
    }
    const Status may_write = CheckPairWritable(service.db(), actor, *pair, nullptr);
    if (may_write.code() == Code::kPermissionDenied) continue;
    SH_RETURN_IF_ERROR(may_write);
    if (out.pairs.size() >= kMaxTemplatePairs) {
      out.pairs_capped = true;
      break;
    }
    out.pairs.push_back(PairDisplayName(RegionCatalog::Embedded(), pair->code));
    writable.push_back(*pair);
  }
  RegionCellNames names(RegionCatalog::Embedded());
  std::set<std::string> seen;
  for (const RecordValidator::PairInfo& pair : writable) {
    // Only county pairs: a province's or a city's side holds tens of thousands of towns and
    // villages, too many for a drop-down, and naming each alone there would take minutes.
    if (!IsCountyPair(pair)) continue;
    const std::vector<std::string> sides{pair.helper_region, pair.helped_region};
    for (const std::string& side : sides)
      if (!out.regions_capped && !AddRegionsOf(side, sides, names, seen, out.regions)) out.regions_capped = true;
  }
  return out;
}

}  // namespace shanhai

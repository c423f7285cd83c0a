#include "domain/ledger/record_names.h"

#include <functional>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "regions/region_cell_name.h"
#include "regions/region_display.h"

namespace shanhai {
namespace {

// A pair's or a region's display name ("" if unknown), remembered by the thread that made it: a
// list page names the same pair and regions on every row, and each name walks the catalogue up
// to its province. Per thread, so no lock; forgotten wholesale past a few thousand codes.
std::string DisplayNameOf(std::string_view code, bool pair) {
  thread_local std::unordered_map<std::string, std::string> names;
  if (names.size() > 4096) names.clear();
  auto [it, added] = names.try_emplace(std::string(pair ? "p" : "r").append(code));
  if (added) {
    const RegionCatalog& catalog = RegionCatalog::Embedded();
    it->second = pair ? PairDisplayName(catalog, code) : RegionDisplayName(catalog, code);
  }
  return it->second;
}

// A region's short name as a list shows it and the export writes it (RegionCellNames: the name
// the import finds alone within the record's pair, "甲坝村"); the same per-thread memory as above.
std::string CellNameOf(const std::string& code, const std::string& pair_code) {
  thread_local std::unique_ptr<RegionCellNames> names;
  thread_local size_t asked = 0;
  if (!names || ++asked > 4096) {
    names = std::make_unique<RegionCellNames>(RegionCatalog::Embedded());
    asked = 0;
  }
  return names->Of(code, PairSideCodes(pair_code), RegionLevel::kVillage);
}

// (member key, label) for the pair and the region fields whose codes code_of gives ("" when the
// record holds none); "pair" asks for the pair code.
std::vector<std::pair<std::string, std::string>> RegionLabels(
    const LedgerDef& def, const std::function<std::string(const std::string&)>& code_of) {
  std::vector<std::pair<std::string, std::string>> out;
  if (def.pair_scoped)
    if (std::string name = DisplayNameOf(code_of("pair"), true); !name.empty())
      out.emplace_back("pair_label", std::move(name));
  for (const FieldDef& f : def.fields) {
    if (f.type != FieldType::kRegion) continue;
    const std::string code = code_of(f.key);
    if (code.empty()) continue;
    if (std::string name = DisplayNameOf(code, false); !name.empty()) {
      out.emplace_back(f.key + "_label", std::move(name));
      // A pair's side is named whole, as the pair is (广州市白云区—黔南州平塘县), and so is a region
      // that may lie outside the pair (an enterprise's origin): there is no short name within it.
      if (!f.anywhere) out.emplace_back(f.key + "_name", CellNameOf(code, code_of("pair")));
    }
  }
  return out;
}

}  // namespace

std::string RegionLabelMembers(const LedgerDef& def, const Record& record) {
  std::string out;
  for (auto& [key, name] : RegionLabels(def, [&](const std::string& key) {
         if (key == "pair") return record.pair_code;
         const Value* v = record.Get(key);
         return v && !IsNull(*v) ? AsText(*v) : std::string();
       })) {
    if (!out.empty()) out += ',';
    out += boost::json::serialize(boost::json::string(key)) + ':' + boost::json::serialize(boost::json::string(name));
  }
  return out;
}

void AddRegionLabels(const LedgerDef& def, boost::json::object& record) {
  for (auto& [key, name] : RegionLabels(def, [&](const std::string& key) {
         const boost::json::value* v = record.if_contains(key);
         return v && v->is_string() ? std::string(v->as_string()) : std::string();
       }))
    record[key] = name;
}

}  // namespace shanhai

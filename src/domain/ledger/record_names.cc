#include "domain/ledger/record_names.h"

#include <functional>
#include <utility>
#include <vector>

#include "regions/region_display.h"

namespace shanhai {
namespace {

// (member key, label) for the pair and the region fields whose codes code_of gives ("" when the
// record holds none); "pair" asks for the pair code.
std::vector<std::pair<std::string, std::string>> RegionLabels(
    const LedgerDef& def, const std::function<std::string(const std::string&)>& code_of) {
  const RegionCatalog& catalog = RegionCatalog::Embedded();
  std::vector<std::pair<std::string, std::string>> out;
  if (def.pair_scoped)
    if (std::string name = PairDisplayName(catalog, code_of("pair")); !name.empty())
      out.emplace_back("pair_label", std::move(name));
  for (const FieldDef& f : def.fields) {
    if (f.type != FieldType::kRegion) continue;
    const std::string code = code_of(f.key);
    if (code.empty()) continue;
    if (std::string name = RegionDisplayName(catalog, code); !name.empty())
      out.emplace_back(f.key + "_label", std::move(name));
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

#include "domain/ledger/region_filter.h"

#include <vector>

#include "common/text.h"
#include "regions/region_candidates.h"
#include "regions/region_search.h"

namespace shanhai {

namespace {

Status FilterError(const FieldDef& field, const std::string& zh, const std::string& en) {
  return Status::Invalid({{0, field.key, field.label_zh + "：" + zh, field.label_en + ": " + en}});
}

}  // namespace

Result<std::string> RegionFilterCode(const FieldDef& field, const std::optional<PairScope>& pair,
                                     const std::string& name) {
  const RegionCatalog& catalog = RegionCatalog::Embedded();
  const RegionLevel deepest = field.pair_side ? RegionLevel::kCounty : RegionLevel::kVillage;
  const std::vector<const Region*> found =
      pair ? FindRegionsByName(catalog, {pair->helper_region(), pair->helped_region()}, name, deepest)
           : FindRegionsAnywhere(catalog, name, deepest);
  if (found.size() == 1) return std::string(found[0]->code);
  const std::string where_zh = pair ? "帮扶关系 " + pair->code() + " 的两方地区内" : "行政区划中";
  const std::string where_en = pair ? "within pair " + pair->code() : "in the region catalogue";
  if (found.empty())
    return FilterError(field, where_zh + "没有名为“" + name + "”的地区", "no region called \"" + name + "\" " + where_en);
  std::vector<std::string> codes;
  for (const Region* r : found) codes.emplace_back(r->code);
  const std::string list = NamedRegionList(catalog, codes, pair.has_value());
  return FilterError(field,
                     "“" + name + "”可指" + where_zh + "的 " + std::to_string(found.size()) + " 个地区：" + list +
                         "，请填写代码或选定帮扶关系",
                     "\"" + name + "\" could mean " + std::to_string(found.size()) + " regions " + where_en + ": " +
                         list + "; give a code or choose a pair");
}

Result<std::string> RegionFilterPrefix(const FieldDef& field, const std::optional<PairScope>& pair,
                                       const std::string& value) {
  std::string code = value;
  if (!IsAsciiDigits(value)) {
    SH_ASSIGN_OR_RETURN(code, RegionFilterCode(field, pair, value));
  }
  const std::string prefix = RegionPrefix(code);
  if (prefix.empty())
    return FilterError(field, "“" + value + "”不是行政区划代码", "\"" + value + "\" is not a region code");
  return prefix;
}

}  // namespace shanhai

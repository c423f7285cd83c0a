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

Result<std::string> RegionFilterCode(const FieldDef& field, const RegionFilterArea& area, const std::string& name) {
  const RegionCatalog& catalog = RegionCatalog::Embedded();
  const RegionLevel deepest = field.anywhere ? RegionLevel::kCounty : RegionLevel::kVillage;
  std::vector<const Region*> found = FindRegionsByName(catalog, area.sides, name, deepest);
  const bool in_area = !found.empty();
  if (!in_area) found = FindRegionsAnywhere(catalog, name, deepest);
  if (found.size() == 1) return std::string(found[0]->code);
  if (found.empty())
    return FilterError(field, "行政区划中没有名为“" + name + "”的地区", "no region called \"" + name + "\" in the region catalogue");
  const std::string where_zh = !in_area   ? "行政区划中"
                               : area.pair ? "帮扶关系 " + area.pair->code() + " 的两方地区内"
                                           : "您可查看的帮扶关系的地区内";
  const std::string where_en = !in_area   ? "in the region catalogue"
                               : area.pair ? "within pair " + area.pair->code()
                                           : "within the regions of the pairs you may see";
  std::vector<std::string> codes;
  for (const Region* r : found) codes.emplace_back(r->code);
  const std::string list = NamedRegionList(catalog, codes, in_area && area.pair.has_value());
  return FilterError(field,
                     "“" + name + "”可指" + where_zh + "的 " + std::to_string(found.size()) + " 个地区：" + list +
                         "，请填写代码或选定帮扶关系",
                     "\"" + name + "\" could mean " + std::to_string(found.size()) + " regions " + where_en + ": " +
                         list + "; give a code or choose a pair");
}

Result<std::string> RegionFilterPrefix(const FieldDef& field, const RegionFilterArea& area, const std::string& value) {
  std::string code = value;
  if (!IsAsciiDigits(value)) {
    SH_ASSIGN_OR_RETURN(code, RegionFilterCode(field, area, value));
  }
  const std::string prefix = RegionPrefix(code);
  if (prefix.empty())
    return FilterError(field, "“" + value + "”不是行政区划代码", "\"" + value + "\" is not a region code");
  return prefix;
}

}  // namespace shanhai

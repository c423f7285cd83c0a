#include "domain/ledger/region_filter.h"

#include <vector>

#include "regions/region_search.h"

namespace shanhai {

namespace {

constexpr size_t kNamedCandidates = 10;

Status FilterError(const FieldDef& field, const std::string& zh, const std::string& en) {
  return Status::Invalid({{0, field.key, field.label_zh + "：" + zh, field.label_en + ": " + en}});
}

}  // namespace

Result<std::string> RegionFilterCode(const FieldDef& field, const std::optional<PairScope>& pair,
                                     const std::string& name) {
  const RegionCatalog& catalog = RegionCatalog::Embedded();
  std::vector<std::string> within;
  if (pair) {
    within = {pair->helper_region(), pair->helped_region()};
  } else {
    for (const Region* province : catalog.Children("")) within.emplace_back(province->code);
  }
  const std::vector<const Region*> found = FindRegionsByName(catalog, within, name);
  if (found.size() == 1) return std::string(found[0]->code);
  const std::string where_zh = pair ? "帮扶关系 " + pair->code() + " 的两方地区内" : "行政区划中";
  const std::string where_en = pair ? "within pair " + pair->code() : "in the region catalogue";
  if (found.empty())
    return FilterError(field, where_zh + "没有名为“" + name + "”的地区", "no region called \"" + name + "\" " + where_en);
  std::string list;
  for (size_t i = 0; i < found.size() && i < kNamedCandidates; ++i)
    list += (i ? "、" : "") + catalog.FullName(found[i]->code) + "（" + std::string(found[i]->code) + "）";
  if (found.size() > kNamedCandidates) list += "…";
  return FilterError(field,
                     "“" + name + "”可指" + where_zh + "的 " + std::to_string(found.size()) + " 个地区：" + list +
                         "，请填写代码或选定帮扶关系",
                     "\"" + name + "\" could mean " + std::to_string(found.size()) + " regions " + where_en + ": " +
                         list + "; give a code or choose a pair");
}

}  // namespace shanhai

#include "regions/region_candidates.h"

#include "common/text.h"
#include "regions/region_display.h"
#include "regions/region_search.h"

namespace shanhai {

std::string NamedRegion(const RegionCatalog& catalog, std::string_view code, bool under_parent) {
  const Region* r = catalog.Find(code);
  const std::string shown = !r ? "" : under_parent ? RegionNameUnderParent(catalog, *r) : RegionDisplayName(catalog, code);
  return shown + "（" + std::string(code) + "）";
}

std::string NamedRegionList(const RegionCatalog& catalog, const std::vector<std::string>& codes, bool under_parent) {
  std::string list;
  for (size_t i = 0; i < codes.size() && i < kNamedRegionCandidates; ++i)
    list += (i ? "、" : "") + NamedRegion(catalog, codes[i], under_parent);
  if (codes.size() > kNamedRegionCandidates) list += "…";
  return list;
}

Result<std::string> RegionCodeNamedAnywhere(const RegionCatalog& catalog, const std::string& code_or_name,
                                            const std::string& option) {
  if (IsAsciiDigits(code_or_name)) {
    SH_RETURN_IF_ERROR(catalog.ValidateCode(code_or_name, RegionLevel::kProvince, RegionLevel::kVillage));
    return code_or_name;
  }
  std::vector<std::string> codes;
  for (const Region* r : FindRegionsAnywhere(catalog, code_or_name, RegionLevel::kVillage)) codes.emplace_back(r->code);
  if (codes.size() == 1) return codes[0];
  if (codes.empty())
    return Status::InvalidArgument(option + "：没有名为“" + code_or_name + "”的地区（请写名称，如 卡蒲毛南族乡，或行政区划代码）",
                                   option + ": no region is called \"" + code_or_name +
                                       "\" (write a name, e.g. 卡蒲毛南族乡, or a region code)");
  const std::string list = NamedRegionList(catalog, codes, false);
  return Status::InvalidArgument(option + "：“" + code_or_name + "”可指多个地区：" + list + "，请写其中之一的名称全称或代码",
                                 option + ": \"" + code_or_name + "\" could mean several regions: " + list +
                                     "; write one of them in full or its code");
}

}  // namespace shanhai

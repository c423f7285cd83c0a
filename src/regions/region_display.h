// The names the console shows for region codes and pairs, so that a reader sees 黔南州平塘县 and
// 广州市白云区—黔南州平塘县 where the data holds 522727 and 440111-522727.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "regions/region_catalog.h"

namespace shanhai {

// A region as people name it: a province by its official name ("贵州省"); anything below from its
// prefecture down, the prefecture in its everyday form ("黔南州平塘县", "广州市白云区",
// "黔南州平塘县塘边镇甲坝村" with committee suffixes replaced by RegionCommonName). Placeholder
// levels ("市辖区", "省直辖县级行政区划") are skipped; a county straight under its province (a
// municipality's district) is named with the province ("北京市东城区"). "" if code is unknown.
std::string RegionDisplayName(const RegionCatalog& catalog, std::string_view code);

// "440111-522727" → "广州市白云区—黔南州平塘县": both sides by RegionDisplayName joined by an em
// dash. "" if the text is not two known codes joined by '-'.
std::string PairDisplayName(const RegionCatalog& catalog, std::string_view pair_code);

// "440111-522727" → {"440111", "522727"}: a pair code's two side codes, unchecked; {} when the
// text holds no '-'.
std::vector<std::string> PairSideCodes(std::string_view pair_code);

}  // namespace shanhai

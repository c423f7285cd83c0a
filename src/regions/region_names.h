// The name forms people type for a region, derived from its official name, so that
// "甲坝村", "甲坝" and "甲坝村村民委员会" all find the same village.
#pragma once

#include <string>
#include <string_view>

namespace shanhai {

// The official name with its committee/office suffix replaced by the common unit word:
// 村民委员会/村委会 -> 村, 居民委员会/居委会 -> 社区, 街道办事处/街道办 -> 街道, without doubling it
// ("甲坝村村民委员会" -> "甲坝村", "甲坝村民委员会" -> "甲坝村", "多福巷社区居委会" -> "多福巷社区").
// Names without such a suffix come back unchanged. Callers normalise typed input first
// (NormalizeInput); official names need nothing. Pure; thread-safe.
std::string RegionCommonName(std::string_view official);

// The bare place name: RegionCommonName without its unit suffix (省, 市, 自治州, 县, 区, 镇, 乡,
// 街道, 村, 社区, ...) and without trailing ethnic-group names ("黔南布依族苗族自治州" -> "黔南",
// "卡蒲毛南族乡" -> "卡蒲", "平塘县" -> "平塘"). Never strips a name down to nothing.
// Pure; thread-safe.
std::string RegionShortName(std::string_view official);

// How autonomous prefectures, counties and banners are called in everyday use: the short name
// plus the plain unit word ("黔南布依族苗族自治州" -> "黔南州", "三都水族自治县" -> "三都县",
// "鄂伦春自治旗" -> "鄂伦春旗"). "" for other names. Pure; thread-safe.
std::string RegionAutonomousAbbreviation(std::string_view official);

// The name without its ethnic-group words, the unit word kept plain: "卡蒲毛南族乡" -> "卡蒲乡",
// "下帅壮族瑶族乡" -> "下帅乡", "黔南布依族苗族自治州" -> "黔南州", "三都水族自治县" -> "三都县" — how an
// office names an ethnic town in a cell ("卡蒲乡甲坝村"). "" for names without ethnic words and for
// autonomous regions (people call those by their short name). Pure; thread-safe.
std::string RegionPlainName(std::string_view official);

}  // namespace shanhai

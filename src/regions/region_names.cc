#include "regions/region_names.h"

#include <array>

namespace shanhai {
namespace {

struct Replacement {
  std::string_view suffix;
  std::string_view unit;
};

// Longer suffixes first: "村民委员会" must win over "委员会"-like tails.
constexpr std::array<Replacement, 6> kCommitteeSuffixes = {{
    {"村民委员会", "村"},
    {"居民委员会", "社区"},
    {"街道办事处", "街道"},
    {"街道办", "街道"},
    {"村委会", "村"},
    {"居委会", "社区"},
}};

// Longest first, so "自治州" is removed rather than just "州"-less "自治" leftovers.
constexpr std::array<std::string_view, 19> kUnitSuffixes = {
    "特别行政区", "自治区", "自治州", "自治县", "自治旗", "街道", "社区", "地区", "林区", "苏木",
    "省", "市", "县", "区", "旗", "盟", "镇", "乡", "村"};

// The 56 nationalities; autonomous units name theirs between place name and unit word.
constexpr std::array<std::string_view, 57> kEthnicGroups = {
    "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族",
    "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族",
    "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
    "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族",
    "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族",
    "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
    "汉族", "各族"};

// Removes the longest suffix of s found in candidates, unless that would leave nothing.
template <size_t N>
bool StripLongestSuffix(std::string_view& s, const std::array<std::string_view, N>& candidates) {
  size_t best = 0;
  for (std::string_view c : candidates) {
    if (c.size() > best && c.size() < s.size() && s.ends_with(c)) best = c.size();
  }
  s.remove_suffix(best);
  return best > 0;
}

// Removes the ethnic-group names that end s, once its unit word is gone ("卡蒲毛南族" -> "卡蒲"),
// unless that would leave nothing.
void StripEthnicWords(std::string_view& s) {
  while (StripLongestSuffix(s, kEthnicGroups)) {
  }
  // "XX民族乡" names no group; after 乡 is gone, drop the generic word as well.
  constexpr std::string_view kGeneric = "民族";
  if (s.size() > kGeneric.size() && s.ends_with(kGeneric)) s.remove_suffix(kGeneric.size());
}

}  // namespace

std::string RegionCommonName(std::string_view official) {
  std::string_view name = official;
  for (const Replacement& r : kCommitteeSuffixes) {
    if (name.size() <= r.suffix.size() || !name.ends_with(r.suffix)) continue;
    std::string_view base = name.substr(0, name.size() - r.suffix.size());
    std::string common(base);
    if (!base.ends_with(r.unit)) common += r.unit;
    return common;
  }
  return std::string(name);
}

std::string RegionShortName(std::string_view official) {
  const std::string common = RegionCommonName(official);
  std::string_view name = common;
  StripLongestSuffix(name, kUnitSuffixes);
  StripEthnicWords(name);
  return std::string(name);
}

std::string RegionPlainName(std::string_view official) {
  const std::string everyday = RegionAutonomousAbbreviation(official);
  if (!everyday.empty()) return everyday;
  const std::string common = RegionCommonName(official);
  std::string_view name = common;
  if (!StripLongestSuffix(name, kUnitSuffixes)) return {};
  const std::string_view unit = std::string_view(common).substr(name.size());
  if (unit == "自治区") return {};
  const size_t before = name.size();
  StripEthnicWords(name);
  if (name.size() == before) return {};
  return std::string(name) + std::string(unit);
}

std::string RegionAutonomousAbbreviation(std::string_view official) {
  constexpr std::array<Replacement, 3> kAutonomous = {{
      {"自治州", "州"}, {"自治县", "县"}, {"自治旗", "旗"}}};
  const std::string_view name = official;
  for (const Replacement& r : kAutonomous) {
    if (name.ends_with(r.suffix)) return RegionShortName(name) + std::string(r.unit);
  }
  return {};
}

}  // namespace shanhai

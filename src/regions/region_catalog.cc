#include "regions/region_catalog.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "common/text.h"
#include "regions/region_names.h"

// Bounds of the embedded regions.tsv (region_data.S).
extern "C" const char shanhai_regions_tsv_begin[];
extern "C" const char shanhai_regions_tsv_end[];

namespace shanhai {
namespace {

struct LevelInfo {
  RegionLevel level;
  const char* name;
  const char* zh;
  size_t code_length;
};

constexpr std::array<LevelInfo, 5> kLevels = {{
    {RegionLevel::kProvince, "province", "省级", 6},
    {RegionLevel::kCity, "city", "地市级", 6},
    {RegionLevel::kCounty, "county", "县级", 6},
    {RegionLevel::kTown, "town", "乡镇级", 9},
    {RegionLevel::kVillage, "village", "村级", 12},
}};

const LevelInfo& InfoFor(RegionLevel level) { return kLevels[static_cast<size_t>(level)]; }

// City-level units that only group counties; addresses skip them.
constexpr std::array<std::string_view, 4> kPlaceholderNames = {
    "市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"};

bool IsWellFormedCode(std::string_view code) {
  return (code.size() == 6 || code.size() == 9 || code.size() == 12) && IsAsciiDigits(code);
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  for (size_t tab; (tab = line.find('\t', start)) != std::string_view::npos; start = tab + 1) {
    fields.push_back(line.substr(start, tab - start));
  }
  fields.push_back(line.substr(start));
  return fields;
}

Status BadLine(size_t line_no, const std::string& why) {
  const std::string where = "regions table line " + std::to_string(line_no) + ": ";
  return Status::InvalidArgument("行政区划表第 " + std::to_string(line_no) + " 行有误：" + why,
                                 where + why);
}

std::string LevelRange(RegionLevel min_level, RegionLevel max_level, bool zh) {
  const LevelInfo& lo = InfoFor(min_level);
  const LevelInfo& hi = InfoFor(max_level);
  if (min_level == max_level) return zh ? lo.zh : std::string("a ") + lo.name;
  return zh ? std::string(lo.zh) + "至" + hi.zh : std::string(lo.name) + " to " + hi.name;
}

bool IsValidParent(const Region* parent, const Region& child) {
  if (parent == nullptr) return false;
  const bool one_up = static_cast<int>(parent->level) + 1 == static_cast<int>(child.level);
  // Towns of cities without counties (东莞, 中山, 儋州) sit directly under the city.
  const bool town_of_countyless_city =
      child.level == RegionLevel::kTown && parent->level == RegionLevel::kCity;
  return (one_up || town_of_countyless_city) && RegionCatalog::Contains(parent->code, child.code);
}

}  // namespace

const char* RegionLevelName(RegionLevel level) { return InfoFor(level).name; }

std::string RegionPrefix(std::string_view code) {
  if (!IsWellFormedCode(code)) return {};
  std::string_view s = code;
  // 12-digit statistical codes of towns, counties and above end in zero groups.
  if (s.size() == 12 && s.ends_with("000")) s.remove_suffix(3);
  if (s.size() == 9 && s.ends_with("000")) s.remove_suffix(3);
  if (s.size() == 6) {
    while (s.size() > 2 && s.ends_with("00")) s.remove_suffix(2);
    if (s == "00") return {};
  }
  return std::string(s);
}

bool RegionCatalog::Contains(std::string_view ancestor, std::string_view code) {
  const std::string prefix = RegionPrefix(ancestor);
  return !prefix.empty() && IsWellFormedCode(code) && code.starts_with(prefix);
}

const RegionCatalog& RegionCatalog::Embedded() {
  // Leaked on purpose: regions are read from static destructors' callers too, so it must outlive them.
  static const RegionCatalog* const catalog = [] {
    auto parsed = Parse(std::string(shanhai_regions_tsv_begin, shanhai_regions_tsv_end));
    if (!parsed.ok()) {
      std::fprintf(stderr, "embedded regions table is broken: %s\n",
                   parsed.status().ToString().c_str());
      std::abort();
    }
    return std::move(parsed).value().release();
  }();
  return *catalog;
}

Result<std::unique_ptr<RegionCatalog>> RegionCatalog::Parse(std::string tsv) {
  std::unique_ptr<RegionCatalog> catalog(new RegionCatalog());
  catalog->text_ = std::move(tsv);
  const std::string_view text = catalog->text_;
  catalog->regions_.reserve(std::count(text.begin(), text.end(), '\n') + 1);
  std::vector<size_t> line_of;  // line number of each region, for parent errors
  size_t line_no = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty()) continue;
    if (line.starts_with('#')) {
      if (catalog->source_note_.empty()) {
        line.remove_prefix(line.starts_with("# ") ? 2 : 1);
        catalog->source_note_ = std::string(line);
      }
      continue;
    }
    const std::vector<std::string_view> f = SplitTabs(line);
    if (f.size() != 4) return BadLine(line_no, "expected 4 tab-separated fields");
    const auto info = std::find_if(kLevels.begin(), kLevels.end(),
                                   [&](const LevelInfo& l) { return f[3] == l.name; });
    if (info == kLevels.end()) return BadLine(line_no, "unknown level " + std::string(f[3]));
    if (!IsWellFormedCode(f[0]) || f[0].size() != info->code_length) {
      return BadLine(line_no, "bad " + std::string(info->name) + " code " + std::string(f[0]));
    }
    if (f[1].empty()) return BadLine(line_no, "empty name");
    if (!catalog->by_code_.emplace(f[0], catalog->regions_.size()).second) {
      return BadLine(line_no, "duplicate code " + std::string(f[0]));
    }
    catalog->regions_.push_back(Region{f[0], f[1], f[2], info->level});
    line_of.push_back(line_no);
  }
  for (size_t i = 0; i < catalog->regions_.size(); ++i) {
    const Region& r = catalog->regions_[i];
    if (r.level == RegionLevel::kProvince) {
      if (!r.parent_code.empty()) return BadLine(line_of[i], "a province has no parent");
    } else {
      if (!IsValidParent(catalog->Find(r.parent_code), r)) {
        return BadLine(line_of[i], "parent " + std::string(r.parent_code) + " of " +
                                       std::string(r.code) + " is missing or not one level up");
      }
    }
    catalog->children_[r.parent_code].push_back(i);
    if (r.level == RegionLevel::kTown) {
      auto& detailed = catalog->detailed_provinces_;
      std::string province = std::string(r.code.substr(0, 2)) + "0000";
      if (std::find(detailed.begin(), detailed.end(), province) == detailed.end()) {
        detailed.push_back(std::move(province));
      }
    }
  }
  for (auto& [parent, indexes] : catalog->children_) {
    std::sort(indexes.begin(), indexes.end(), [&](size_t a, size_t b) {
      return catalog->regions_[a].code < catalog->regions_[b].code;
    });
  }
  std::sort(catalog->detailed_provinces_.begin(), catalog->detailed_provinces_.end());
  return catalog;
}

const Region* RegionCatalog::Find(std::string_view code) const {
  const auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : &regions_[it->second];
}

std::vector<const Region*> RegionCatalog::Children(std::string_view code) const {
  std::vector<const Region*> out;
  const auto it = children_.find(code);
  if (it == children_.end()) return out;
  out.reserve(it->second.size());
  for (size_t i : it->second) out.push_back(&regions_[i]);
  return out;
}

bool IsPlaceholderRegionName(std::string_view name) {
  return std::find(kPlaceholderNames.begin(), kPlaceholderNames.end(), name) != kPlaceholderNames.end();
}

std::string RegionCatalog::FullName(std::string_view code) const {
  std::vector<std::string_view> names;
  for (const Region* r = Find(code); r != nullptr; r = Find(r->parent_code)) {
    if (!IsPlaceholderRegionName(r->name)) names.push_back(r->name);
    if (r->parent_code.empty()) break;
  }
  std::string full;
  for (auto it = names.rbegin(); it != names.rend(); ++it) full += *it;
  return full;
}

Status RegionCatalog::ValidateCode(std::string_view code, RegionLevel min_level,
                                   RegionLevel max_level) const {
  const std::string shown(code);
  if (!IsWellFormedCode(code)) {
    return Status::InvalidArgument(
        "行政区划代码 \"" + shown + "\" 格式错误：应为 6、9 或 12 位数字",
        "region code \"" + shown + "\" is malformed: expected 6, 9 or 12 digits");
  }
  const Region* region = Find(code);
  if (region == nullptr) {
    std::string zh = "行政区划代码 " + shown + " 不存在";
    std::string en = "region code " + shown + " does not exist";
    const std::string province = shown.substr(0, 2) + "0000";
    const bool below_county = code.size() > 6;
    if (below_county && std::find(detailed_provinces_.begin(), detailed_provinces_.end(),
                                  province) == detailed_provinces_.end()) {
      std::string names;
      for (const std::string& p : detailed_provinces_) {
        if (!names.empty()) names += "、";
        names += Find(p)->name;
      }
      zh += "（乡镇和村只收录：" + names + "）";
      en += " (towns and villages are included only for " + names + ")";
    }
    return Status::InvalidArgument(std::move(zh), std::move(en));
  }
  if (region->level < min_level || region->level > max_level) {
    const LevelInfo& info = InfoFor(region->level);
    return Status::InvalidArgument(
        "行政区划代码 " + shown + "（" + std::string(region->name) + "）是" + info.zh +
            "，此处需要" + LevelRange(min_level, max_level, true),
        "region code " + shown + " (" + std::string(region->name) + ") is a " + info.name +
            ", expected " + LevelRange(min_level, max_level, false));
  }
  return Status::Ok();
}

const Region* RegionCatalog::FindByName(std::string_view parent_code, std::string_view name) const {
  const std::vector<const Region*> siblings = Children(parent_code);
  const std::string query = NormalizeInputLossy(name);
  if (query.empty()) return nullptr;
  for (const Region* r : siblings) {
    if (r->name == query) return r;
  }
  const std::string wanted_common = RegionCommonName(query);
  for (const Region* r : siblings) {
    if (RegionCommonName(r->name) == wanted_common) return r;
  }
  const std::string wanted_short = RegionShortName(query);
  const Region* found = nullptr;
  for (const Region* r : siblings) {
    if (RegionShortName(r->name) != wanted_short &&
        RegionAutonomousAbbreviation(r->name) != query) {
      continue;
    }
    if (found != nullptr) return nullptr;  // ambiguous: better no answer than a wrong one
    found = r;
  }
  return found;
}

size_t RegionCatalog::CountAt(RegionLevel level) const {
  return std::count_if(regions_.begin(), regions_.end(),
                       [&](const Region& r) { return r.level == level; });
}

}  // namespace shanhai

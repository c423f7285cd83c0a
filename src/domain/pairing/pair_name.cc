#include "domain/pairing/pair_name.h"

#include <algorithm>

#include "domain/ledger/option_match.h"
#include "regions/region_display.h"
#include "regions/region_search.h"

namespace shanhai {

namespace {

constexpr const char* kSelectPairs = "SELECT code, helper_region, helped_region FROM pairs ORDER BY code";

Status SeveralPairsNamed(const RegionCatalog& catalog, std::string_view typed, const std::vector<std::string>& codes) {
  std::string named;
  for (const std::string& code : codes) named += (named.empty() ? "" : "、") + PairDisplayName(catalog, code) + "（" + code + "）";
  const std::string text(typed);
  return Status::InvalidArgument("“" + text + "”对应多个帮扶关系：" + named + "；请写出双方的名称或帮扶关系代码",
                                 "\"" + text + "\" names several pairs: " + named +
                                     "; give both sides' names or the pair's code");
}

// True if name is one of the names of the region side (a province, city or county) itself.
bool SideIsNamed(const RegionCatalog& catalog, std::string_view side, std::string_view name) {
  const Region* region = catalog.Find(side);
  if (!region || name.empty()) return false;
  const std::vector<const Region*> found = FindRegionsByName(catalog, {std::string(side)}, name, region->level);
  return std::any_of(found.begin(), found.end(), [&](const Region* r) { return r->code == side; });
}

}  // namespace

Status NoPairNamed(std::string_view typed) {
  const std::string text(typed);
  return Status::NotFound("帮扶关系“" + text + "”不存在：请填写已建立的帮扶关系的代码（如 440111-522727）、名称（如 "
                              "广州市白云区—黔南州平塘县）或一方的名称（如 平塘县），新的帮扶关系先在“帮扶关系”台账中建立",
                          "pair \"" + text + "\" does not exist: give the code (440111-522727), the name "
                              "(广州市白云区—黔南州平塘县) or one side's name (平塘县) of a pair in the pairs ledger, "
                              "where a new one is created first");
}

bool IsPairCode(std::string_view text) {
  const size_t dash = text.find('-');
  const auto digits = [](std::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  return dash != std::string_view::npos && digits(text.substr(0, dash)) && digits(text.substr(dash + 1));
}

Result<std::string> PairCodeNamed(const RegionCatalog& catalog, const std::vector<std::string>& pair_codes,
                                  std::string_view typed) {
  if (IsPairCode(typed)) return std::string(typed);
  // Split where the sides meet: every dash, arrow and "到" is '-' once folded ("——" is "--").
  const std::string folded = FoldedSpelling(typed);
  if (IsPairCode(folded)) return folded;  // " 440111－522727 "
  const size_t dash = folded.find('-');
  const bool both = dash != std::string::npos;
  const size_t right = both ? folded.find_first_not_of('-', dash) : std::string::npos;
  if (folded.empty() || (both && (dash == 0 || right == std::string::npos ||
                                  folded.find('-', right) != std::string::npos)))
    return NoPairNamed(typed);
  const std::string left = both ? folded.substr(0, dash) : folded;
  const std::string helped = both ? folded.substr(right) : std::string();

  std::vector<std::string> named;
  for (const std::string& code : pair_codes) {
    const size_t at = code.find('-');
    if (at == std::string::npos) continue;
    const std::string_view helper_side = std::string_view(code).substr(0, at);
    const std::string_view helped_side = std::string_view(code).substr(at + 1);
    const bool match = both ? SideIsNamed(catalog, helper_side, left) && SideIsNamed(catalog, helped_side, helped)
                            : SideIsNamed(catalog, helper_side, left) || SideIsNamed(catalog, helped_side, left);
    if (match) named.push_back(code);
  }
  if (named.empty()) return NoPairNamed(typed);
  if (named.size() > 1) return SeveralPairsNamed(catalog, typed, named);
  return named[0];
}

Result<std::string> StoredPairCodeNamed(Database& db, std::string_view typed, const Actor* seen_by) {
  if (IsPairCode(typed)) return std::string(typed);
  SH_ASSIGN_OR_RETURN(Rows rows, db.Query(kSelectPairs));
  std::vector<std::string> codes;
  codes.reserve(rows.rows.size());
  for (const auto& r : rows.rows)
    if (!seen_by || PairVisibleTo(*seen_by, AsText(r[1]), AsText(r[2]))) codes.push_back(AsText(r[0]));
  return PairCodeNamed(RegionCatalog::Embedded(), codes, typed);
}

Result<PairScope> PairScopeNamed(Database& db, std::string_view typed, const Actor* seen_by) {
  // Digits alone are a code however malformed ("440111"): Parse says how a pair's code is written.
  if (!typed.empty() && typed.find_first_not_of("0123456789-") == std::string_view::npos) return PairScope::Parse(typed);
  SH_ASSIGN_OR_RETURN(const std::string code, StoredPairCodeNamed(db, typed, seen_by));
  return PairScope::Parse(code);
}

}  // namespace shanhai

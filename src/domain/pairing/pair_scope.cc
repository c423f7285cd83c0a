#include "domain/pairing/pair_scope.h"

#include "domain/ledger/ledger_repository.h"
#include "regions/region_catalog.h"

namespace shanhai {

Result<PairScope> PairScope::Parse(std::string_view text) {
  const std::string code(text);
  const size_t dash = code.find('-');
  if (dash == std::string::npos || code.find('-', dash + 1) != std::string::npos)
    return Status::InvalidArgument("帮扶关系应写作“帮扶方代码-受帮扶方代码”，如 440111-522727，而不是“" + code + "”",
                                   "a pair is written HELPER-HELPED, e.g. 440111-522727, not \"" + code + "\"");
  std::string helper = code.substr(0, dash), helped = code.substr(dash + 1);
  // Both sides must be real units of a level pairs are made at: a prefix of something else
  // ("44-52", or a village) would silently select other records than the user meant.
  const RegionCatalog& regions = RegionCatalog::Embedded();
  for (const std::string* side : {&helper, &helped}) {
    Status valid = regions.ValidateCode(*side, RegionLevel::kProvince, RegionLevel::kCounty);
    if (!valid.ok())
      return Status::InvalidArgument("帮扶关系“" + code + "”：" + valid.message_zh(),
                                     "pair \"" + code + "\": " + valid.message_en());
  }
  if (regions.Find(helper)->level != regions.Find(helped)->level)
    return Status::InvalidArgument("帮扶双方应为同一层级（省对省、市对市、县对县）：" + code,
                                   "both sides of a pair must be of the same level: " + code);
  return PairScope(code, std::move(helper), std::move(helped));
}

Result<std::optional<PairScope>> PairScope::ParseIfGiven(std::string_view code) {
  if (code.empty()) return std::optional<PairScope>();
  SH_ASSIGN_OR_RETURN(PairScope pair, Parse(code));
  return std::optional<PairScope>(std::move(pair));
}

void PairScope::Narrow(Scope& scope) const {
  scope.pair_helper_prefix = RegionPrefix(helper_);
  scope.pair_helped_prefix = RegionPrefix(helped_);
}

}  // namespace shanhai

// A pair scope: the records of one pair of regions and of every pair inside it, as the list
// (?pair=), the indicators and the report select them. Written "HELPER-HELPED" with two region
// codes of the same level — county to county ("440111-522727"), city to city ("440100-522700")
// or province to province ("440000-520000", which rolls up every pair between Guangdong and
// Guizhou). Parsed once, where the text arrives; a value afterwards. Immutable; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace shanhai {

struct Scope;

class PairScope {
 public:
  // Errors (InvalidArgument, zh/en, quoting the text): not "CODE-CODE"; a code that is not a
  // province, city or county of the region table; the two codes of different levels.
  static Result<PairScope> Parse(std::string_view code);
  // As Parse, for an optional filter: "" → no pair scope (every pair).
  static Result<std::optional<PairScope>> ParseIfGiven(std::string_view code);

  const std::string& code() const { return code_; }          // "440111-522727"
  const std::string& helper_region() const { return helper_; }  // "440111"
  const std::string& helped_region() const { return helped_; }  // "522727"

  // Limits scope to the records of pairs inside this one (its pair prefixes, see RegionPrefix).
  void Narrow(Scope& scope) const;

 private:
  PairScope(std::string code, std::string helper, std::string helped)
      : code_(std::move(code)), helper_(std::move(helper)), helped_(std::move(helped)) {}
  std::string code_, helper_, helped_;
};

}  // namespace shanhai

// The reasons of a match (match_rules.h) in plain words, Chinese and English, for the villager's and
// the staff's pages and the CLI: "月薪比期望高12%" / "wage 12% above expectation". A pure function:
// the engine holds no database, so the caller names regions and occupations (MatchNames). The
// priority reason tells a household's poverty status, which only staff may see: it is given only
// when the caller says the viewer may see it, never on an employer's page.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "matching/match_rules.h"

namespace shanhai::matching {

// What the caller knows of codes: names as the registry writes them ("广州市", "广东省", "车工").
// An empty string means unknown; the text then shows the code.
class MatchNames {
 public:
  virtual ~MatchNames() = default;
  virtual std::string CityName(uint32_t city) const = 0;          // 4 digits: 4401
  virtual std::string ProvinceName(uint32_t province) const = 0;  // 2 digits: 44
  virtual std::string OccupationName(OccupationCode code) const = 0;
};

struct ReasonText {
  std::string zh;
  std::string en;
  bool operator==(const ReasonText&) const = default;
};

enum class PovertyVisibility : uint8_t { kHidden, kVisible };  // kVisible: staff who may see the status

// One reason's words; nullopt for the priority reason when the status is hidden.
std::optional<ReasonText> DescribeReason(const Reason& reason, const MatchNames& names, PovertyVisibility poverty);
// Every reason in order, leaving out what the viewer may not see.
std::vector<ReasonText> DescribeReasons(const std::vector<Reason>& reasons, const MatchNames& names,
                                        PovertyVisibility poverty);

}  // namespace shanhai::matching

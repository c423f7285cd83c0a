// The indicator catalogue. Each indicator is declared once, with its key, Chinese label,
// unit, written definition and the computation itself: an aggregate over one ledger's
// records, of a pair (and the pairs inside it) in a period, optionally narrowed by a
// condition. Because the computation is a ledger + condition, the records behind any
// figure can be listed with the very same condition (drill-down / evidence).
//
// A published key keeps its meaning: change a definition by adding a new key.
#pragma once

#include <string>
#include <vector>

namespace shanhai {

// The article's grouping, which the dashboard and the report follow.
enum class IndicatorGroup { kLeadership, kTalent, kFunds, kPairing, kNeeds, kProjects, kInvestment, kPeople };

struct IndicatorDef {
  std::string key;             // "leadership.visit_batches"
  IndicatorGroup group;
  std::string label_zh;        // "交流互访批次"
  std::string label_en;
  std::string unit_zh;         // "批", "人次", "个", "元" (money: value in fen)
  std::string definition_zh;   // what is counted, in words
  std::string ledger;          // the records behind it
  std::string aggregate;       // SQL aggregate over alias r, e.g. "COUNT(*)", "SUM(r.person_times)"
  std::string condition;       // SQL condition over alias r ("" = all records of the ledger)
  bool money = false;          // value is fen
  // The "其中脱贫人口" sub-count, published as "<key>.poverty": an aggregate over the same
  // records. kRegistryPoverty counts people whose poverty status is 脱贫户 (decrypted: IndicatorSelection).
  std::string poverty_aggregate;
  // The records that make up the sub-count (with condition): those the drill-down of
  // "<key>.poverty" lists, e.g. "r.poverty_person_times > 0". Implied by kRegistryPoverty.
  std::string poverty_condition;
  // Place among the headline figures the dashboard shows first (1 = first; 0 = not one): the
  // figures the article reports first. A new module (消费, 劳务) adds its own by numbering them.
  int headline = 0;
  // For rates: value = 100 * numerator / denominator (both keys of this catalogue), a
  // percentage with two decimals; ledger/aggregate are then empty.
  std::string numerator, denominator;
  // The key of the figure this one is a part of, when its labels read only beside it (其中镇街,
  // "of which towns/streets" under 与村结对的帮扶单位): where it stands alone — a drop-down, a
  // targets sheet or list — it is named with that figure (FullLabelZh). "" = it reads alone.
  std::string part_of;

  bool IsRate() const { return !numerator.empty(); }
};

// Marker for poverty_aggregate: count people registered as poverty-lifted (脱贫户).
inline constexpr const char* kRegistryPoverty = "registry:lifted";

// Every indicator, grouped in report order. Keys are unique (checked by a test).
const std::vector<IndicatorDef>& IndicatorCatalogue();
const IndicatorDef* FindIndicator(const std::string& key);
// All publishable keys: every indicator's key and, where it has one, "<key>.poverty".
std::vector<std::string> AllIndicatorKeys();
// The indicator's name standing alone: its label, after the label of the figure it is part of
// (IndicatorDef::part_of): "与村结对的帮扶单位·其中镇街", "Helper units paired with villages, of
// which towns/streets". Unique across the catalogue, as the labels are (a test checks both).
std::string FullLabelZh(const IndicatorDef& def);
std::string FullLabelEn(const IndicatorDef& def);
// The indicator of that Chinese or English name, standing alone (与村结对的帮扶单位·其中镇街) or
// as the catalogue lists it (其中镇街, which earlier exports wrote); full-width and half-width
// characters alike. nullptr if none.
const IndicatorDef* FindIndicatorNamed(const std::string& name);
const char* GroupLabelZh(IndicatorGroup group);
const char* GroupKey(IndicatorGroup group);

// Per-group declarations (one file each).
std::vector<IndicatorDef> LeadershipIndicators();
std::vector<IndicatorDef> TalentIndicators();
std::vector<IndicatorDef> FundsIndicators();
std::vector<IndicatorDef> PairingIndicators();
std::vector<IndicatorDef> NeedsIndicators();
std::vector<IndicatorDef> ProjectsIndicators();
std::vector<IndicatorDef> InvestmentIndicators();
std::vector<IndicatorDef> PeopleIndicators();

}  // namespace shanhai

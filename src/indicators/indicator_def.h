// The indicator catalogue. Each indicator is declared once, with its key, Chinese label,
// unit, written definition and the computation itself: an aggregate over one ledger's
// records, of a pair (and the pairs inside it) in a period, optionally narrowed by a
// condition. Because the computation is a ledger + condition, the records behind any
// figure can be listed with the very same condition (drill-down / evidence).
//
// A published key keeps its meaning: change a definition by adding a new key.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "storage/database.h"

namespace shanhai {

// The article's grouping, which the dashboard and the report follow.
enum class IndicatorGroup { kLeadership, kTalent, kFunds, kPairing, kNeeds, kProjects, kInvestment, kLabor, kPeople };

// One record a folded figure reads (IndicatorDef::fold): the person it is about (people.id, so
// one person in two ledgers or pairs is one), whether their household is 脱贫户 or 监测对象, and
// the rest of the declared columns in order.
struct PersonRow {
  int64_t person = 0;
  bool poor = false;
  std::vector<Value> values;
};
// A folded figure and its 其中脱贫人口.
struct FoldedFigure {
  int64_t value = 0, poverty = 0;
};
// Folds the records of a figure in the period [from, to] (`to` always given: an open period
// ends today) into the figure. Pure; thread-safe.
using PeopleFold =
    std::function<FoldedFigure(const std::vector<PersonRow>& rows, const std::string& from, const std::string& to)>;

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
  // How a record lies in the period when not by the ledger's date_field alone: period_field is
  // the date used instead ("" = the ledger's), and with period_end_field the record spans
  // [period_field, period_end_field] (an empty end: still open) and counts when the span shares
  // a day with the period (a spell in work during it).
  std::string period_field, period_end_field;
  // A figure SQL cannot aggregate — people counted once across their records, runs of work
  // chained across spells —: the engine reads `columns` of the records (ledger, condition,
  // scope and period as for any figure; the first column is the person's people.id, the second
  // their sealed people.poverty_status_enc), opens the status and `fold` makes the figure and
  // its 其中脱贫人口. aggregate and poverty_aggregate are then empty.
  std::string columns;
  PeopleFold fold;

  bool IsRate() const { return !numerator.empty(); }
  bool HasPoverty() const { return !poverty_aggregate.empty() || fold != nullptr; }
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
std::vector<IndicatorDef> LaborIndicators();
std::vector<IndicatorDef> PeopleIndicators();

}  // namespace shanhai

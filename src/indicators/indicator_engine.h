// Computes the catalogue for a pair and a period from the records, and lists the records
// behind any figure. A pair scope (domain/pairing/pair_scope.h) selects the records of every
// pair whose two regions lie inside its two regions, so 440000-520000 rolls up 440111-522727.
// A figure reads its ledger through the same authorisation as a list of that ledger: the
// ledger's list permission, and only the records of the actor's region and owner scope
// (ScopeOf). A figure over a ledger the actor may not list is withheld, not computed.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/ledger/ledger_service.h"
#include "indicators/indicator_def.h"

namespace shanhai {

// Who may read figures, the records behind them and the report.
inline constexpr const char* kIndicatorsPermission = "indicators:report:read";

struct Period {
  std::string from;  // ISO date, inclusive; "" = open
  std::string to;    // ISO date, inclusive; "" = open
};

// What one published key selects: its indicator, the figure's aggregate, and the condition
// (with parameters) a record meets to be one of the records making up the figure. The card's
// value and the drill-down both come from it, so they cannot disagree.
struct IndicatorSelection {
  const IndicatorDef* def = nullptr;
  std::string aggregate;
  std::string condition;
  std::vector<Value> params;
  // A sensitive enum field of the ledger and the option a record holds in it to count (the
  // registry's 脱贫户): such a field has no look-up hash, so SQL cannot compare it; the records
  // meeting condition are counted after decrypting it (aggregate is then COUNT(*)). "" = none.
  std::string sealed_field, sealed_value;
  // The 其中脱贫人口 of a folded figure (IndicatorDef::fold): its records are the figure's, and
  // the fold tells which people are counted (the drill-down lists no records for it).
  bool fold_poverty = false;
};

struct IndicatorValue {
  const IndicatorDef* def = nullptr;
  Value actual;                      // int64 (counts, fen) or double (rates); NULL if a rate's denominator is 0
                                     // or the figure is withheld
  bool withheld = false;             // the actor may not list the ledger (a rate: either of its parts')
  // The actor's data scope cannot place the ledger's records (ExcludedByScope: a town's clerk and
  // a ledger without a region field, an organisation's account and a ledger it owns nothing of; a
  // rate: either of its parts'): no value, no sub-count and no target, rather than a 0 that would
  // read as "nothing happened". Not set on a withheld figure (withheld says enough).
  ScopeExclusion not_in_scope = ScopeExclusion::kNone;
  std::optional<int64_t> poverty;    // 其中脱贫人口, where the indicator has it
  // The period's target: the sum of the yearly targets of every calendar year the period touches
  // (2019-03-01..2020-06-30 → 2019's + 2020's), set only when the period has both ends and every
  // pair the comparison covers has a target for this indicator in each of those years. It covers
  // the pairs in the pair scope whose records the figure counts and those with a target in one of
  // those years (a withheld figure: only the latter): a city pair rolled up from two county pairs
  // has a target only if both (and the city pair itself, if it has records) have one each year.
  // Otherwise none, and no completion.
  std::optional<int64_t> target;
  // The indicator has targets in the scope (in any year) but none comparable with this period
  // (open, a year or a pair without one): no target, and the dashboard and report say "—".
  bool target_partial = false;
  std::optional<double> completion;  // 100 * actual / target, two decimals; none without a target or a figure
};

class IndicatorEngine {
 public:
  explicit IndicatorEngine(LedgerService& service) : service_(service) {}

  // Every indicator of the catalogue, in catalogue order, with targets and completion; a
  // figure whose ledger the actor may not list is withheld (and its target not shown unless
  // the actor may list the targets ledger). Errors: InvalidArgument for a bad period;
  // PermissionDenied if the actor may not read indicators.
  Result<std::vector<IndicatorValue>> ComputeAll(const Actor& actor, const PairScope& pair, const Period& period);
  // The calendar years of the period for which no annual target of any indicator is set in the
  // pair scope (no targets record of that year of any pair in it), oldest first: the dashboard and
  // the report name them ("2026年未设目标") rather than show no target or 0%. Empty when there
  // are no years to name or no targets to look at: an open period, an actor without the targets
  // ledger's list permission (targets are not shown), or a scope that cannot place targets (a
  // town's clerk: targets are the whole pair's). Errors: as ComputeAll.
  Result<std::vector<int64_t>> TargetMissingYears(const Actor& actor, const PairScope& pair, const Period& period);
  // The records behind one indicator (same ledger, scope, period and condition). Errors:
  // PermissionDenied without the ledger's list permission (or its reveal permission, for a
  // condition on a sensitive field); NotFound for an unknown key; InvalidArgument for a rate.
  Result<RecordPage> RecordsBehind(const Actor& actor, const std::string& key, const PairScope& pair,
                                   const Period& period, int64_t page, int64_t page_size);
  // Those records, all of them, written to path (.xlsx or .csv) as a ledger export is
  // (ExportLedger: needs the ledger's export permission too; audited). Returns the count.
  Result<int64_t> ExportBehind(const Actor& actor, const std::string& key, const PairScope& pair,
                               const Period& period, const std::string& path);

  // One figure (a key as Select takes it) for each of the years first..last (a calendar year
  // each), oldest first: the dashboard's trend in one request. Errors: as Select; PermissionDenied
  // without the figure's ledger's list permission; InvalidArgument for more than 20 years. A
  // figure not counted for the actor's scope has no values and says why (as IndicatorValue).
  struct Yearly {
    std::vector<int64_t> values;
    ScopeExclusion not_in_scope = ScopeExclusion::kNone;
  };
  Result<Yearly> ByYear(const Actor& actor, const std::string& key, const PairScope& pair, int64_t first,
                        int64_t last);

  // The selection of a key ("<key>" or "<key>.poverty"). Errors: NotFound for an unknown key;
  // InvalidArgument for a rate, which has no records of its own.
  Result<IndicatorSelection> Select(const std::string& key);

  // The ledgers the catalogue's figures read (targets included), each once.
  static std::vector<const LedgerDef*> LedgersRead();

 private:
  Result<Scope> ScopeFor(const Actor& actor, const PairScope& pair);
  // The ledger and list request of the records behind key, once the actor may read figures.
  struct Behind {
    const LedgerDef* ledger = nullptr;
    ListRequest request;
  };
  Result<Behind> BehindRequest(const Actor& actor, const std::string& key, const PairScope& pair,
                               const Period& period);
  // The figure selection makes in the period over repo's ledger: its aggregate in SQL, with a
  // sealed field the records whose decrypted value is the one counted, or its fold.
  Result<Value> Figure(LedgerRepository& repo, const IndicatorSelection& selection, const Scope& scope,
                       const Period& period);
  // def's fold over its records meeting condition (with params; the period's condition included)
  // in scope, read with the repository's own period filter from..to; period is the figure's.
  Result<FoldedFigure> Fold(LedgerRepository& repo, const IndicatorDef& def, const std::string& condition,
                            const std::vector<Value>& params, const Scope& scope, const Period& period);
  // One indicator's targets: pair id → year → target value.
  using YearlyTargets = std::map<int64_t, std::map<int64_t, int64_t>>;
  // Indicator key → its targets in scope, every year; empty without the targets ledger's list permission.
  Result<std::map<std::string, YearlyTargets>> TargetsInScope(const Actor& actor, const Scope& scope);
  // The ids of the pairs whose records make up def's figure in the period (a rate: its parts').
  Result<std::set<int64_t>> PairsCounted(const IndicatorDef& def, const Scope& scope, const Period& period);
  // v's target for the period as IndicatorValue::target says, from its indicator's targets.
  Result<std::optional<int64_t>> PeriodTarget(const IndicatorValue& v, const YearlyTargets& targets,
                                              const Scope& scope, const Period& period);

  LedgerService& service_;
};

// Checks a targets record names a published indicator key; injected into LedgerService.
RecordCheck TargetKeyCheck();

}  // namespace shanhai

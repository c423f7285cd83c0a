// Computes the catalogue for a pair and a period from the records, and lists the records
// behind any figure. A pair scope (domain/pairing/pair_scope.h) selects the records of every
// pair whose two regions lie inside its two regions, so 440000-520000 rolls up 440111-522727.
// A figure reads its ledger through the same authorisation as a list of that ledger: the
// ledger's list permission, and only the records of the actor's region and owner scope
// (ScopeOf). A figure over a ledger the actor may not list is withheld, not computed.
#pragma once

#include <optional>
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
};

struct IndicatorValue {
  const IndicatorDef* def = nullptr;
  Value actual;                      // int64 (counts, fen) or double (rates); NULL if a rate's denominator is 0
                                     // or the figure is withheld
  bool withheld = false;             // the actor may not list the ledger (a rate: either of its parts')
  std::optional<int64_t> poverty;    // 其中脱贫人口, where the indicator has it
  // The period's target: the sum of the yearly targets of every calendar year the period touches
  // (2019-03-01..2020-06-30 → 2019's + 2020's), set only when the period has both ends and each of
  // those years has a target for this indicator (in the pair scope); otherwise none, and no completion.
  std::optional<int64_t> target;
  // There are targets for the indicator, but not for every year of the period (or the period is
  // open): no target, and the dashboard and report say "—" where it would be.
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
  // without the figure's ledger's list permission; InvalidArgument for more than 20 years.
  Result<std::vector<int64_t>> ByYear(const Actor& actor, const std::string& key, const PairScope& pair,
                                      int64_t first, int64_t last);

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
  // Indicator key → the period's target as IndicatorValue::target says, or nullopt for a key that
  // has targets but no target for the period (IndicatorValue::target_partial); keys without any left out.
  Result<std::map<std::string, std::optional<int64_t>>> Targets(const Actor& actor, const Scope& scope,
                                                                const Period& period);

  LedgerService& service_;
};

// Checks a targets record names a published indicator key; injected into LedgerService.
RecordCheck TargetKeyCheck();

}  // namespace shanhai

// Computes the catalogue for a pair and a period from the records, and lists the records
// behind any figure. A pair code "HELPER-HELPED" selects the records of every pair whose
// two regions lie inside those two regions, so 440000-520000 rolls up 440111-522727.
// Only records the actor may see are counted.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/ledger/ledger_service.h"
#include "indicators/indicator_def.h"

namespace shanhai {

struct Period {
  std::string from;  // ISO date, inclusive; "" = open
  std::string to;    // ISO date, inclusive; "" = open
};

struct IndicatorValue {
  const IndicatorDef* def = nullptr;
  Value actual;                      // int64 (counts, fen) or double (rates); NULL if a rate's denominator is 0
  std::optional<int64_t> poverty;    // 其中脱贫人口, where the indicator has it
  std::optional<int64_t> target;     // sum of the yearly targets of the years the period touches
  std::optional<double> completion;  // 100 * actual / target, two decimals
};

// Splits and validates "440111-522727": two region codes of the same level that exist.
Result<std::pair<std::string, std::string>> ParsePairCode(const std::string& code);

class IndicatorEngine {
 public:
  explicit IndicatorEngine(LedgerService& service) : service_(service) {}

  // Every indicator of the catalogue, in catalogue order, with targets and completion.
  // Errors: InvalidArgument for a bad pair code or period; PermissionDenied if the actor may
  // not read indicators.
  Result<std::vector<IndicatorValue>> ComputeAll(const Actor& actor, const std::string& pair, const Period& period);
  // The records behind one indicator (same ledger, scope, period and condition).
  Result<RecordPage> RecordsBehind(const Actor& actor, const std::string& key, const std::string& pair,
                                   const Period& period, int64_t page, int64_t page_size);

 private:
  Result<Scope> ScopeFor(const Actor& actor, const std::string& pair);
  Result<std::map<std::string, int64_t>> Targets(const Scope& scope, const Period& period);

  LedgerService& service_;
};

// Checks a targets record names a published indicator key; injected into LedgerService.
RecordCheck TargetKeyCheck();

}  // namespace shanhai

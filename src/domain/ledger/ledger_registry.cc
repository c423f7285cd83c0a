// The list of every ledger. Adding a ledger: declare it in its module, add it here and
// create its table in a migration (ledger_schema_test checks the two agree).
#include "domain/exchange/exchange_ledgers.h"
#include "domain/funds/funds_ledgers.h"
#include "domain/investment/investment_ledgers.h"
#include "domain/labor/labor_ledgers.h"
#include "domain/needs/needs_ledgers.h"
#include "domain/pairing/pairing_ledgers.h"
#include "domain/people/people_ledgers.h"
#include "domain/projects/projects_ledgers.h"
#include "domain/talent/talent_ledgers.h"
#include "domain/targets/targets_ledgers.h"

namespace shanhai {

const std::vector<const LedgerDef*>& AllLedgers() {
  static const std::vector<const LedgerDef*> all = {
      &PairsLedger(),    &UnitsLedger(),       &VisitsLedger(),     &MeetingsLedger(),
      &AgreementsLedger(), &SecondmentsLedger(), &TrainingsLedger(), &FundsLedger(),
      &FundTranchesLedger(),
      &ProjectsLedger(), &MilestonesLedger(),  &OutcomesLedger(),   &PairingsLedger(),
      &NeedsLedger(),    &InvestmentsLedger(), &SeekersLedger(),    &EmployersLedger(),
      &JobsLedger(),     &JobReportsLedger(),  &ApplicationsLedger(), &SpellsLedger(),
      &PeopleLedger(),     &TargetsLedger()};
  return all;
}

}  // namespace shanhai

#include "domain/ledger/ledger_menu.h"

namespace shanhai {

namespace {

// The groups follow the "223" structure of the paired-assistance report (two sides' forces,
// pairing, two modes, three priorities), then the people registry and the annual targets.
std::vector<LedgerMenuGroup> DeclaredMenu() {
  auto ledgers = [](std::initializer_list<const char*> names) {
    std::vector<const LedgerDef*> out;
    for (const char* name : names) out.push_back(FindLedger(name));
    return out;
  };
  return {
      {"forces", "两方力量", "Both sides", "Connection", false,
       ledgers({"visits", "meetings", "agreements", "secondments", "trainings"})},
      {"pairing", "结对帮扶", "Pairing", "Coin", false, ledgers({"pairs", "units", "pairings", "funds", "fund_tranches"})},
      {"modes", "两种模式", "Two modes", "Briefcase", false, ledgers({"needs", "projects", "milestones", "outcomes"})},
      {"priorities", "三个重点", "Key areas", "Flag", false, ledgers({"investments"})},
      {"labor", "劳务协作", "Labour cooperation", "Van", false,
       ledgers({"seekers", "employers", "jobs", "job_reports", "applications", "spells"})},
      {"people", "人员库", "People", "User", true, ledgers({"people"})},
      {"targets", "年度目标", "Annual targets", "Histogram", true, ledgers({"targets"})},
  };
}

}  // namespace

const std::vector<LedgerMenuGroup>& LedgerMenu() {
  static const std::vector<LedgerMenuGroup> menu = DeclaredMenu();
  return menu;
}

}  // namespace shanhai

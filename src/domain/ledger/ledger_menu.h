// The console's side menu of ledgers, declared here beside the ledger registry so the menu is
// the server's (served by /api/v1/meta/ledgers) and never a second hand-kept list in the console:
// business areas as clerks know them ("两方力量", "结对帮扶" …), in order, each with its ledgers
// in order and an icon key. Adding a ledger: put it in one group (a test checks each ledger is
// in exactly one). Immutable after first use; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "domain/ledger/ledger_def.h"

namespace shanhai {

struct LedgerMenuGroup {
  std::string key;        // stable id, e.g. "forces"
  std::string label_zh;
  std::string label_en;
  std::string icon;       // icon key the console maps to a picture ("Connection", "Coin" …)
  bool flat = false;      // one ledger shown directly, without a sub-menu
  std::vector<const LedgerDef*> ledgers;  // in menu order
};

// The groups in menu order.
const std::vector<LedgerMenuGroup>& LedgerMenu();

}  // namespace shanhai

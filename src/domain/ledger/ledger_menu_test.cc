#include "domain/ledger/ledger_menu.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace shanhai {
namespace {

TEST(LedgerMenu, EveryLedgerIsInExactlyOneGroup) {
  std::map<const LedgerDef*, int> seen;
  std::set<std::string> keys;
  for (const LedgerMenuGroup& g : LedgerMenu()) {
    EXPECT_TRUE(keys.insert(g.key).second) << g.key << " twice";
    EXPECT_FALSE(g.label_zh.empty() || g.label_en.empty() || g.icon.empty()) << g.key;
    EXPECT_FALSE(g.ledgers.empty()) << g.key;
    EXPECT_TRUE(!g.flat || g.ledgers.size() == 1) << g.key << ": a flat group shows one ledger";
    for (const LedgerDef* def : g.ledgers) {
      ASSERT_NE(def, nullptr) << g.key << " names a ledger that is not declared";
      ++seen[def];
    }
  }
  for (const LedgerDef* def : AllLedgers()) EXPECT_EQ(seen[def], 1) << def->name;
  EXPECT_EQ(seen.size(), AllLedgers().size());
}

}  // namespace
}  // namespace shanhai

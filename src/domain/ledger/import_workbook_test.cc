#include "domain/ledger/import_workbook.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace shanhai {
namespace {

size_t Position(const std::string& name) {
  const auto& order = ImportOrder();
  return static_cast<size_t>(
      std::find_if(order.begin(), order.end(), [&](const LedgerDef* d) { return d->name == name; }) - order.begin());
}

TEST(ImportOrder, EveryLedgerComesAfterTheLedgersItRefersTo) {
  const auto& order = ImportOrder();
  ASSERT_GE(order.size(), 2u);
  EXPECT_EQ(order[0]->name, "pairs");
  EXPECT_EQ(order[1]->name, "units");
  for (const LedgerDef* def : order) {
    if (def->pair_scoped) EXPECT_GT(Position(def->name), Position("pairs")) << def->name;
    for (const FieldDef& f : def->fields)
      if (f.type == FieldType::kRef && f.ref_ledger != def->name)
        EXPECT_GT(Position(def->name), Position(f.ref_ledger)) << def->name << " before " << f.ref_ledger;
  }
}

TEST(ImportOrder, HoldsEveryLedgerButTheLineLedgersOnce) {
  for (const LedgerDef* def : AllLedgers()) {
    const auto n = std::count(ImportOrder().begin(), ImportOrder().end(), def);
    EXPECT_EQ(n, def->line_of.empty() ? 1 : 0) << def->name;
  }
}

TEST(LedgerOfSheet, NamesALedgerByItsChineseLabelEnglishLabelOrName) {
  EXPECT_EQ(LedgerOfSheet("结对单位"), FindLedger("units"));
  EXPECT_EQ(LedgerOfSheet("Units"), FindLedger("units"));
  EXPECT_EQ(LedgerOfSheet(" units "), FindLedger("units"));
  EXPECT_EQ(LedgerOfSheet("JOINT MEETINGS"), FindLedger("meetings"));
  EXPECT_EQ(LedgerOfSheet("说明"), nullptr);
  EXPECT_EQ(LedgerOfSheet(""), nullptr);
}

}  // namespace
}  // namespace shanhai

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
    if (def->pair_scoped) {
      EXPECT_GT(Position(def->name), Position("pairs")) << def->name;
    }
    for (const FieldDef& f : def->fields) {
      if (f.type == FieldType::kRef && f.ref_ledger != def->name) {
        EXPECT_GT(Position(def->name), Position(f.ref_ledger)) << def->name << " before " << f.ref_ledger;
      }
    }
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

// The one place a workbook's counts are added up (the HTTP answer's and the CLI's totals).
TEST(WorkbookReport, TotalsAddUpEveryCountOfEverySheet) {
  WorkbookReport report;
  report.sheets.push_back({"结对单位", nullptr, {.rows = 3, .valid = 2, .invalid = 1, .stored = 2, .already_stored = 1, .updated = 1}});
  report.sheets.push_back({"交流互访", nullptr, {.rows = 5, .valid = 5, .invalid = 0, .stored = 4, .already_stored = 1, .updated = 0, .stored_refused = 1}});
  const ImportReport total = report.Totals();
  EXPECT_EQ(total.rows, 8);
  EXPECT_EQ(total.valid, 7);
  EXPECT_EQ(total.invalid, 1);
  EXPECT_EQ(total.stored, 6);
  EXPECT_EQ(total.already_stored, 2);
  EXPECT_EQ(total.updated, 1);
  EXPECT_EQ(total.stored_refused, 1);
  EXPECT_EQ(total.Refused(), 2);
}

}  // namespace
}  // namespace shanhai

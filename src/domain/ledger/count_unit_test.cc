#include "domain/ledger/count_unit.h"

#include <gtest/gtest.h>

#include "domain/exchange/exchange_ledgers.h"
#include "domain/investment/investment_ledgers.h"
#include "domain/ledger/field_builders.h"
#include "domain/ledger/field_parser.h"
#include "domain/talent/talent_ledgers.h"

namespace shanhai {
namespace {

using fields::Integer;

TEST(CountUnitOf, ReadsTheUnitFromTheLabel) {
  EXPECT_EQ(CountUnitOf(Integer("jobs", "带动就业（人）", "Jobs")), "人");
  EXPECT_EQ(CountUnitOf(Integer("p", "其中脱贫人口（人次）", "of whom")), "人次");
  EXPECT_EQ(CountUnitOf(Integer("p", "人次", "Person-times")), "人次");
  EXPECT_EQ(CountUnitOf(Integer("p", "参会人数", "Participants")), "人");
  EXPECT_EQ(CountUnitOf(Integer("s", "期数", "Sessions")), "期");
  EXPECT_EQ(CountUnitOf(Integer("b", "批数", "Batches")), "批");
  EXPECT_EQ(CountUnitOf(Integer("y", "年度", "Year")), "年");
  EXPECT_EQ(CountUnitOf(Integer("v", "数值", "Value")), "");
}

TEST(CountWithoutUnit, TakesTheColumnsUnitAndNamesItWhenWrong) {
  EXPECT_EQ(*CountWithoutUnit("3人", "人"), "3");
  EXPECT_EQ(*CountWithoutUnit("12 人次", "人次"), "12");
  EXPECT_EQ(*CountWithoutUnit("5批", "批"), "5");
  EXPECT_EQ(*CountWithoutUnit("3名", "人"), "3");
  EXPECT_EQ(*CountWithoutUnit("1,036", "人"), "1,036");
  EXPECT_EQ(*CountWithoutUnit("三人", "人"), "三人");  // no number: the integer parser's to refuse
  Result<std::string_view> wrong = CountWithoutUnit("3万", "人");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().message_zh(), "“3万”的单位应为“人”（如 3人 或 3）");
  EXPECT_EQ(wrong.status().message_en(), "\"3万\": the unit of this column is 人 (e.g. 3人 or 3)");
  EXPECT_EQ(*CountWithoutUnit("3人", "人次"), "3");  // a delegation of three is 3 人次
  EXPECT_EQ(*CountWithoutUnit("3位", "人次"), "3");
  EXPECT_FALSE(CountWithoutUnit("12人次", "人").ok());  // people counted once each are not person-times
  EXPECT_FALSE(CountWithoutUnit("5批", "人次").ok());
  EXPECT_FALSE(CountWithoutUnit("3人", "").ok());
}

TEST(ParseCountCell, ASpreadsheetCellMayCarryTheUnitTheApiMayNot) {
  const FieldDef& person_times = *VisitsLedger().Field("person_times");
  EXPECT_EQ(std::get<int64_t>(*ParseFieldValue(person_times, "12 人次", InputSource::kSpreadsheet)), 12);
  EXPECT_EQ(std::get<int64_t>(*ParseFieldValue(person_times, "1,036", InputSource::kSpreadsheet)), 1036);
  EXPECT_EQ(std::get<int64_t>(*ParseFieldValue(person_times, "１２人次", InputSource::kSpreadsheet)), 12);
  Result<Value> wrong = ParseFieldValue(person_times, "3万", InputSource::kSpreadsheet);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().details()[0].message_zh, "人次：“3万”的单位应为“人次”（如 3人次 或 3）");
  EXPECT_FALSE(ParseFieldValue(person_times, "12人次", InputSource::kApi).ok());
  const FieldDef& jobs = *InvestmentsLedger().Field("jobs");
  EXPECT_EQ(std::get<int64_t>(*ParseFieldValue(jobs, "3人", InputSource::kSpreadsheet)), 3);
}

}  // namespace
}  // namespace shanhai

#include <gtest/gtest.h>

#include "domain/ledger/field_parser.h"
#include "domain/talent/talent_ledgers.h"
#include "indicators/indicator_def.h"

namespace shanhai {
namespace {

// The dashboard's wording of each training category, written out as a county office reads it:
// the figure is named by it, and an import cell holding it stores the category.
TEST(TalentIndicators, TheDashboardsWordingNamesTheOption) {
  const FieldDef& category = *TrainingsLedger().Field("category");
  const std::pair<const char*, const char*> wordings[] = {
      {"党政干部培训", "cadre"},
      {"专业技术人才培训", "professional"},
      {"致富带头人培训", "leader"},
      {"残疾人创业就业培训", "disabled"},
      {"劳动力技能培训", "labor_skill"},
  };
  for (const auto& [wording, code] : wordings) {
    const IndicatorDef* sessions = FindIndicator(std::string("talent.training.") + code + ".sessions");
    ASSERT_NE(sessions, nullptr) << code;
    EXPECT_EQ(sessions->label_zh, std::string(wording) + "期数");
    Result<Value> typed = ParseFieldValue(category, wording, InputSource::kSpreadsheet);
    ASSERT_TRUE(typed.ok()) << wording;
    EXPECT_EQ(AsText(*typed), code) << wording;
  }
}

}  // namespace
}  // namespace shanhai

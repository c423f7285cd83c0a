#include <gtest/gtest.h>

#include "domain/ledger/option_match.h"
#include "domain/talent/talent_ledgers.h"
#include "indicators/indicator_def.h"

namespace shanhai {
namespace {

TEST(TalentIndicators, TheDashboardsWordingNamesTheOption) {
  const auto& category = TrainingsLedger().Field("category")->options;
  // Every training figure of the dashboard names its category in words the import reads back.
  int named = 0;
  for (const IndicatorDef& d : IndicatorCatalogue()) {
    if (!d.key.starts_with("talent.training.") || !d.key.ends_with(".sessions")) continue;
    const std::string code = d.key.substr(16, d.key.size() - 16 - 9);
    const std::string wording = d.label_zh.substr(0, d.label_zh.size() - std::string("期数").size());
    const OptionMatch m = MatchOption(category, wording);
    ASSERT_NE(m.option, nullptr) << wording;
    EXPECT_EQ(m.option->code, code) << wording;
    ++named;
  }
  EXPECT_EQ(named, 5);
}

}  // namespace
}  // namespace shanhai

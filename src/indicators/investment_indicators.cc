// 三个重点 · 招商引资: enterprises brought in, planned and actual investment, jobs.
#include "indicators/indicator_def.h"

namespace shanhai {

namespace {
// Counted once talks turn into a signed agreement.
constexpr const char* kSignedOrLater = "r.stage IN ('signed', 'landed', 'producing')";
}  // namespace

std::vector<IndicatorDef> InvestmentIndicators() {
  const auto g = IndicatorGroup::kInvestment;
  return {
      {.key = "investment.enterprises", .group = g, .label_zh = "引进企业", .label_en = "Enterprises brought in",
       .unit_zh = "家", .definition_zh = "期间内签约（含已落地、已投产）到受帮扶方投资的企业家数。",
       .ledger = "investments", .aggregate = "COUNT(*)", .condition = kSignedOrLater},
      {.key = "investment.planned_fen", .group = g, .label_zh = "计划投资总额", .label_en = "Planned investment",
       .unit_zh = "元", .definition_zh = "上述企业计划投资额之和。", .ledger = "investments",
       .aggregate = "COALESCE(SUM(r.planned_fen), 0)", .condition = kSignedOrLater, .money = true},
      {.key = "investment.actual_fen", .group = g, .label_zh = "实际到位投资", .label_en = "Actual investment",
       .unit_zh = "元", .definition_zh = "上述企业实际到位投资之和。", .ledger = "investments",
       .aggregate = "COALESCE(SUM(r.actual_fen), 0)", .condition = kSignedOrLater, .money = true},
      {.key = "investment.landed", .group = g, .label_zh = "已落地（投产）企业", .label_en = "Enterprises landed",
       .unit_zh = "家", .definition_zh = "上述企业中阶段为落地或投产的家数。", .ledger = "investments",
       .aggregate = "COUNT(*)", .condition = "r.stage IN ('landed', 'producing')"},
      {.key = "investment.jobs", .group = g, .label_zh = "带动就业", .label_en = "Jobs created", .unit_zh = "人",
       .definition_zh = "上述企业带动就业人数之和；其中脱贫人口按企业登记数合计。", .ledger = "investments",
       .aggregate = "COALESCE(SUM(r.jobs), 0)", .condition = kSignedOrLater,
       .poverty_aggregate = "COALESCE(SUM(r.poverty_jobs), 0)", .poverty_condition = "r.poverty_jobs > 0"},
  };
}

}  // namespace shanhai

// 资金支持: fiscal aid and social aid with their direction, paid out and utilisation.
#include "indicators/indicator_def.h"

namespace shanhai {

std::vector<IndicatorDef> FundsIndicators() {
  const auto g = IndicatorGroup::kFunds;
  return {
      {.key = "funds.fiscal_fen", .group = g, .label_zh = "财政援助资金", .label_en = "Fiscal aid", .unit_zh = "元",
       .definition_zh = "期间内帮扶方投入受帮扶方的财政援助资金（方向东部→西部）。", .ledger = "funds",
       .aggregate = "COALESCE(SUM(r.amount_fen), 0)", .condition = "r.kind = 'fiscal' AND r.direction = 'to_helped'",
       .money = true, .headline = 9},
      {.key = "funds.fiscal_paid_fen", .group = g, .label_zh = "财政援助资金已拨付", .label_en = "Fiscal aid paid out",
       .unit_zh = "元", .definition_zh = "上述财政援助资金中已拨付的金额。", .ledger = "funds",
       .aggregate = "COALESCE(SUM(r.paid_fen), 0)", .condition = "r.kind = 'fiscal' AND r.direction = 'to_helped'",
       .money = true},
      {.key = "funds.fiscal_utilisation_rate", .group = g, .label_zh = "财政援助资金拨付率",
       .label_en = "Fiscal aid utilisation", .unit_zh = "%", .definition_zh = "已拨付 ÷ 财政援助资金 × 100。",
       .numerator = "funds.fiscal_paid_fen", .denominator = "funds.fiscal_fen"},
      {.key = "funds.social_fen", .group = g, .label_zh = "社会帮扶资金（含捐赠）", .label_en = "Social aid and donations",
       .unit_zh = "元", .definition_zh = "期间内东部→西部的社会帮扶资金和捐赠（含经结对关系给予的资金）。",
       .ledger = "funds", .aggregate = "COALESCE(SUM(r.amount_fen), 0)",
       .condition = "r.kind = 'social' AND r.direction = 'to_helped'", .money = true, .headline = 10},
      {.key = "funds.to_helper_fen", .group = g, .label_zh = "受帮扶方投入帮扶方资金",
       .label_en = "Funds west to east", .unit_zh = "元", .definition_zh = "方向为西部→东部的各类资金。",
       .ledger = "funds", .aggregate = "COALESCE(SUM(r.amount_fen), 0)", .condition = "r.direction = 'to_helper'",
       .money = true},
      {.key = "funds.projects_funded", .group = g, .label_zh = "资金资助项目", .label_en = "Projects funded",
       .unit_zh = "个", .definition_zh = "期间内有资金记录指向的不同项目个数。", .ledger = "funds",
       .aggregate = "COUNT(DISTINCT r.project_id)", .condition = "r.project_id IS NOT NULL"},
  };
}

}  // namespace shanhai

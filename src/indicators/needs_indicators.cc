// 订单式帮扶: needs posted, claimed, delivered and the value delivered.
#include "indicators/indicator_def.h"

namespace shanhai {

std::vector<IndicatorDef> NeedsIndicators() {
  const auto g = IndicatorGroup::kNeeds;
  return {
      {.key = "needs.posted", .group = g, .label_zh = "发布需求", .label_en = "Needs posted", .unit_zh = "项",
       .definition_zh = "期间内受帮扶方发布的需求项数（不含已取消）。", .ledger = "needs", .aggregate = "COUNT(*)",
       .condition = "r.status <> 'cancelled'"},
      {.key = "needs.claimed", .group = g, .label_zh = "已认领需求", .label_en = "Needs claimed", .unit_zh = "项",
       .definition_zh = "上述需求中已被帮扶方认领（含已交付）的项数。", .ledger = "needs", .aggregate = "COUNT(*)",
       .condition = "r.status IN ('claimed', 'delivered')"},
      {.key = "needs.delivered", .group = g, .label_zh = "已交付需求", .label_en = "Needs delivered", .unit_zh = "项",
       .definition_zh = "上述需求中已交付的项数。", .ledger = "needs", .aggregate = "COUNT(*)",
       .condition = "r.status = 'delivered'"},
      {.key = "needs.delivered_value_fen", .group = g, .label_zh = "已交付需求价值", .label_en = "Value delivered",
       .unit_zh = "元", .definition_zh = "已交付需求的估算价值之和。", .ledger = "needs",
       .aggregate = "COALESCE(SUM(r.value_fen), 0)", .condition = "r.status = 'delivered'", .money = true},
  };
}

}  // namespace shanhai

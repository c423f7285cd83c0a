// 两方力量 · 组织领导: visits, joint meetings, agreements.
#include "indicators/indicator_def.h"

namespace shanhai {

std::vector<IndicatorDef> LeadershipIndicators() {
  const auto g = IndicatorGroup::kLeadership;
  return {
      {.key = "leadership.visit_batches", .group = g, .label_zh = "交流互访、实地考察批次", .label_en = "Visit batches",
       .unit_zh = "批", .definition_zh = "期间内开始的党委、政府交流互访和实地考察，每批（每个代表团）计1批，双向合计。",
       .ledger = "visits", .aggregate = "COUNT(*)", .headline = 1},
      {.key = "leadership.visit_person_times", .group = g, .label_zh = "交流互访人次", .label_en = "Visit person-times",
       .unit_zh = "人次", .definition_zh = "上述各批次参加人数之和。", .ledger = "visits",
       .aggregate = "COALESCE(SUM(r.person_times), 0)", .headline = 2},
      {.key = "leadership.visit_batches.to_helped", .group = g, .label_zh = "帮扶方赴受帮扶方考察批次",
       .label_en = "Visit batches east to west", .unit_zh = "批", .definition_zh = "方向为东部→西部的互访批次。",
       .ledger = "visits", .aggregate = "COUNT(*)", .condition = "r.direction = 'to_helped'"},
      {.key = "leadership.visit_batches.to_helper", .group = g, .label_zh = "受帮扶方赴帮扶方考察批次",
       .label_en = "Visit batches west to east", .unit_zh = "批", .definition_zh = "方向为西部→东部的互访批次。",
       .ledger = "visits", .aggregate = "COUNT(*)", .condition = "r.direction = 'to_helper'"},
      {.key = "leadership.joint_meetings", .group = g, .label_zh = "党政联席会议", .label_en = "Joint meetings",
       .unit_zh = "次", .definition_zh = "期间内召开的党政联席会议次数（会议类型为“党政联席会议”）。",
       .ledger = "meetings", .aggregate = "COUNT(*)", .condition = "r.kind = 'joint'", .headline = 3},
      {.key = "leadership.agreements", .group = g, .label_zh = "签订协议", .label_en = "Agreements signed",
       .unit_zh = "份", .definition_zh = "期间内签订的各类帮扶协议份数。", .ledger = "agreements",
       .aggregate = "COUNT(*)"},
  };
}

}  // namespace shanhai

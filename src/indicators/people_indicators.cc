// The people registry: people registered, with the 其中脱贫人口 sub-count.
#include "indicators/indicator_def.h"

namespace shanhai {

std::vector<IndicatorDef> PeopleIndicators() {
  return {
      {.key = "people.registered", .group = IndicatorGroup::kPeople, .label_zh = "人员库登记人数",
       .label_en = "People registered", .unit_zh = "人",
       .definition_zh = "人员库中受帮扶方登记的人数（同一身份证号只计一人）；其中脱贫人口为帮扶对象类别为“脱贫户”的人数。",
       .ledger = "people", .aggregate = "COUNT(*)", .poverty_aggregate = kRegistryPoverty},
  };
}

}  // namespace shanhai

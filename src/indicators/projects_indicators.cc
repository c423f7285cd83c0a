// 组团式 and other funded projects: count, budget, spending, projects in use.
#include "indicators/indicator_def.h"

namespace shanhai {

std::vector<IndicatorDef> ProjectsIndicators() {
  const auto g = IndicatorGroup::kProjects;
  return {
      {.key = "projects.count", .group = g, .label_zh = "帮扶项目", .label_en = "Projects", .unit_zh = "个",
       .definition_zh = "期间内开工的帮扶项目个数。", .ledger = "projects", .aggregate = "COUNT(*)"},
      {.key = "projects.education", .group = g, .label_zh = "教育项目", .label_en = "Education projects",
       .unit_zh = "个", .definition_zh = "上述项目中类别为教育的个数。", .ledger = "projects", .aggregate = "COUNT(*)",
       .condition = "r.category = 'education'"},
      {.key = "projects.medical", .group = g, .label_zh = "医疗卫生项目", .label_en = "Medical projects",
       .unit_zh = "个", .definition_zh = "上述项目中类别为医疗卫生的个数。", .ledger = "projects",
       .aggregate = "COUNT(*)", .condition = "r.category = 'medical'"},
      {.key = "projects.in_use", .group = g, .label_zh = "已投入使用项目", .label_en = "Projects in use",
       .unit_zh = "个", .definition_zh = "上述项目中阶段为“投入使用”的个数。", .ledger = "projects",
       .aggregate = "COUNT(*)", .condition = "r.stage = 'in_use'"},
      {.key = "projects.budget_fen", .group = g, .label_zh = "项目估算投入帮扶资金", .label_en = "Project budgets",
       .unit_zh = "元", .definition_zh = "上述项目估算投入帮扶资金之和。", .ledger = "projects",
       .aggregate = "COALESCE(SUM(r.budget_fen), 0)", .money = true},
      {.key = "projects.spent_fen", .group = g, .label_zh = "项目已使用资金", .label_en = "Project spending",
       .unit_zh = "元", .definition_zh = "上述项目已使用资金之和。", .ledger = "projects",
       .aggregate = "COALESCE(SUM(r.spent_fen), 0)", .money = true},
  };
}

}  // namespace shanhai

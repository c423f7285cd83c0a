#include "domain/projects/projects_ledgers.h"

#include "domain/ledger/field_builders.h"

namespace shanhai {
using namespace fields;

const LedgerDef& ProjectsLedger() {
  static const F start = Date("start_date", "开工日期", "Works began").Required();
  static const F end = Date("end_date", "完工/投用日期", "Completed / in use");
  static const LedgerDef def{
      .name = "projects", .module = "projects", .label_zh = "帮扶项目", .label_en = "Projects",
      .fields = {
          Text("name", "项目名称", "Name").MaxChars(kMaxNameChars).Required().Searchable().Hint("同一帮扶关系内唯一"),
          Enum("category", "项目类别", "Category",
               {{"education", "教育", "education"},
                {"medical", "医疗卫生", "medical"},
                {"industry", "产业", "industry"},
                {"infrastructure", "基础设施", "infrastructure"},
                {"labor", "劳务就业", "labour"},
                {"other", "其他", "other"}}).Required(),
          Enum("stage", "项目阶段", "Stage",
               {{"planned", "谋划", "planned"},
                {"approved", "立项", "approved"},
                {"construction", "在建", "under construction"},
                {"completed", "竣工", "completed"},
                {"in_use", "投入使用", "in use"}}).Required(),
          Money("budget_fen", "估算投入帮扶资金（元）", "Budget of aid funds (yuan)").Min(0),
          Money("spent_fen", "已使用（元）", "Spent (yuan)").Min(0),
          start,
          end,
          Text("description", "项目内容", "Description")},
      .date_field = "start_date",
      .natural_key = "name",
      .check = DatesInOrder(start, end)};
  return def;
}

const LedgerDef& MilestonesLedger() {
  static const LedgerDef def{
      .name = "milestones", .module = "projects", .label_zh = "项目节点", .label_en = "Milestones",
      .fields = {
          Ref("project_id", "项目", "Project", "projects").Required(),
          Text("title", "节点", "Milestone").MaxChars(kMaxNameChars).Required().Searchable(),
          Date("milestone_date", "日期", "Date").Required(),
          Text("note", "说明", "Note")},
      .date_field = "milestone_date"};
  return def;
}

const LedgerDef& OutcomesLedger() {
  static const LedgerDef def{
      .name = "outcomes", .module = "projects", .label_zh = "项目成效", .label_en = "Outcomes",
      .fields = {
          Ref("project_id", "项目", "Project", "projects").Required(),
          Text("metric", "成效指标", "Metric").Required().Searchable().Hint("如：累计收治胸痛病人"),
          Integer("value", "数值", "Value").Required(),
          Text("unit", "单位", "Unit").MaxChars(kMaxNameChars).Hint("如：例、人、所"),
          Date("as_of", "截至日期", "As of").Required(),
          Text("note", "说明", "Note")},
      .date_field = "as_of"};
  return def;
}

}  // namespace shanhai

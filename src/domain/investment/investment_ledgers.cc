#include "domain/investment/investment_ledgers.h"

#include "domain/ledger/field_builders.h"

namespace shanhai {
using namespace fields;

const LedgerDef& InvestmentsLedger() {
  static const LedgerDef def{
      .name = "investments", .module = "investment", .label_zh = "招商引资", .label_en = "Investments",
      .fields = {
          Text("enterprise_name", "企业名称", "Enterprise").MaxChars(kMaxNameChars).Required().Searchable(),
          CreditCode("credit_code", "统一社会信用代码", "Unified social credit code"),
          Text("industry", "行业", "Industry").Searchable(),
          Region("origin_region", "企业来源地（行政区划代码）", "Comes from (region code)"),
          Enum("stage", "阶段", "Stage",
               {{"negotiating", "洽谈", "negotiating"},
                {"signed", "签约", "signed"},
                {"landed", "落地", "landed"},
                {"producing", "投产", "producing"}}).Required(),
          Money("planned_fen", "计划投资（元）", "Planned investment (yuan)").Min(0),
          Money("actual_fen", "实际到位投资（元）", "Actual investment (yuan)").Min(0),
          Integer("jobs", "带动就业（人）", "Jobs created").Min(0),
          Integer("poverty_jobs", "其中脱贫人口（人）", "of whom poverty-lifted").Min(0),
          Date("signed_date", "签约/洽谈日期", "Signed / first talks on").Required(),
          Text("note", "备注", "Note")},
      .date_field = "signed_date",
      .natural_key = "enterprise_name",
      .check = PartNotAboveWhole("jobs", "poverty_jobs")};
  return def;
}

}  // namespace shanhai

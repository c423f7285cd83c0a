#include "domain/investment/investment_ledgers.h"

#include "domain/ledger/field_builders.h"
#include "domain/ledger/workflow.h"

namespace shanhai {
using namespace fields;

namespace {

// Landing is the money arriving: the land transition records the actual investment and refuses
// none; production, which may restate it, may not take it back to none either. Records entered as landed or producing from the past may lack the figure (offices do not
// always have it), so the landed state itself does not require it.
Status ActualInvestmentArrived(TransitionContext&, const Record&, const Record& after, std::vector<FieldError>& errors) {
  const Value* actual = after.Get("actual_fen");
  if (actual && !IsNull(*actual) && AsInt(*actual) <= 0)
    errors.push_back({0, "actual_fen", "实际到位投资：落地后须大于 0", "actual investment: must be above 0 once landed"});
  return Status::Ok();
}

// Signing comes after the first talks, whose date the record carries until it is signed.
Status SignedAfterTalks(TransitionContext&, const Record& before, const Record& after, std::vector<FieldError>& errors) {
  const std::string talks = AsText(*before.Get("signed_date")), signed_on = AsText(*after.Get("signed_date"));
  if (signed_on < talks)
    errors.push_back({0, "signed_date", "签约日期不能早于洽谈日期（" + talks + "）",
                      "signed on must not be before the talks began (" + talks + ")"});
  return Status::Ok();
}

const Workflow& InvestmentsWorkflow() {
  static const Workflow w{
      .state_field = "stage",
      .states = {{"negotiating", "洽谈", "negotiating"},
                 {"signed", "签约", "signed"},
                 {"landed", "落地", "landed"},
                 {"producing", "投产", "producing", true}},
      .transitions = {
          {.name = "sign", .label_zh = "签约", .label_en = "Sign", .done_zh = "签约", .done_en = "signed",
           .from = {"negotiating"}, .to = "signed", .required = {"signed_date"}, .optional = {"planned_fen"},
           .check = SignedAfterTalks},
          {.name = "land", .label_zh = "落地", .label_en = "Land", .done_zh = "确认落地", .done_en = "landed",
           .from = {"signed"}, .to = "landed", .required = {"actual_fen"}, .optional = {"jobs", "poverty_jobs"},
           .check = ActualInvestmentArrived},
          {.name = "produce", .label_zh = "投产", .label_en = "Start production", .done_zh = "确认投产",
           .done_en = "put into production", .from = {"landed"}, .to = "producing",
           .optional = {"actual_fen", "jobs", "poverty_jobs"}, .check = ActualInvestmentArrived}},
      // What landing and production record is theirs: a plain update (without their permissions
      // and the land check) cannot rewrite it. The date stays editable: before signing it is the
      // date talks began, which the office keeps up to date.
      .transition_fields = {"actual_fen", "jobs", "poverty_jobs"}};
  return w;
}

}  // namespace

const LedgerDef& InvestmentsLedger() {
  static const LedgerDef def{
      .name = "investments", .module = "investment", .label_zh = "招商引资", .label_en = "Investments",
      .fields = {
          Text("enterprise_name", "企业名称", "Enterprise").MaxChars(kMaxNameChars).Required().Searchable(),
          CreditCode("credit_code", "统一社会信用代码", "Unified social credit code"),
          Text("industry", "行业", "Industry").Searchable(),
          Region("origin_region", "企业来源地", "Comes from").FromAnywhere().Hint("省、市或县，如 深圳市"),
          // Places the investment for a helped-side town's or village's figures (the scope's rule:
          // a record lies where one of its region fields lies).
          Region("landing_region", "落地地", "Lands in").Hint("受帮扶地的县、乡镇或村"),
          Enum("stage", "阶段", "Stage", InvestmentsWorkflow().Options()).Required(),
          Money("planned_fen", "计划投资（元）", "Planned investment (yuan)").Min(0),
          Money("actual_fen", "实际到位投资（元）", "Actual investment (yuan)").Min(0),
          Integer("jobs", "带动就业（人）", "Jobs created").Min(0),
          Integer("poverty_jobs", "其中脱贫人口（人）", "of whom poverty-lifted").Min(0),
          Date("signed_date", "签约/洽谈日期", "Signed / first talks on").Required(),
          Text("note", "备注", "Note")},
      .date_field = "signed_date",
      .natural_key = "enterprise_name",
      .check = PartNotAboveWhole("jobs", "poverty_jobs"),
      .workflow = &InvestmentsWorkflow()};
  return def;
}

}  // namespace shanhai

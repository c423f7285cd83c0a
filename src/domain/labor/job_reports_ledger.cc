// 岗位举报: a seeker (through staff) or staff report a job that breaks the rules (a fee, false terms,
// discrimination); upholding the report takes the job down in the same step.
#include "domain/labor/job_withdrawal.h"
#include "domain/labor/labor_ledgers.h"
#include "domain/labor/labor_options.h"
#include "domain/ledger/field_builders.h"

namespace shanhai {
using namespace fields;

namespace {

const Workflow& JobReportsWorkflow() {
  static const Workflow w{
      .state_field = "status",
      .states = {{"open", "待处理", "open"},
                 {"upheld", "已查实", "upheld", true, {"handling_note"}},
                 {"dismissed", "不予采纳", "dismissed", true, {"handling_note"}}},
      .transitions = {
          {.name = "uphold", .label_zh = "查实并撤下岗位", .label_en = "Uphold", .done_zh = "查实", .done_en = "upheld",
           .from = {"open"}, .to = "upheld", .required = {"handling_note"},
           .effect = [](TransitionContext& context, const Record&, const Record& after) {
             return labor::WithdrawJob(context, AsInt(*after.Get("job_id")),
                                       "举报查实（举报编号 " + std::to_string(after.id) + "）",
                                       "report " + std::to_string(after.id) + " upheld");
           }},
          {.name = "dismiss", .label_zh = "不予采纳", .label_en = "Dismiss", .done_zh = "不予采纳", .done_en = "dismissed",
           .from = {"open"}, .to = "dismissed", .required = {"handling_note"}}},
      .transition_fields = {"handling_note"}};
  return w;
}

}  // namespace

const LedgerDef& JobReportsLedger() {
  static const LedgerDef def{
      .name = "job_reports", .module = "labor", .label_zh = "岗位举报", .label_en = "Job reports",
      .fields = {
          Ref("job_id", "被举报岗位", "Job reported", "jobs").Required().Hint("填写岗位名称"),
          Enum("reason", "举报事由", "Reason",
               {{"fee", "收费或押金", "fee or deposit"},
                {"false_terms", "待遇与发布不符", "terms not as published"},
                {"discrimination", "就业歧视", "discrimination"},
                {"unpaid_wage", "拖欠工资", "unpaid wages"},
                {"other", "其他", "other"}}).Required(),
          Text("detail", "举报内容", "Details").Required(),
          Date("reported_date", "举报日期", "Reported on").Required(),
          Text("reporter", "举报人", "Reported by").MaxChars(kMaxNameChars).Hint("求职者或工作人员；可匿名"),
          Enum("status", "处理状态", "Status", JobReportsWorkflow().Options()).Required(),
          Text("handling_note", "处理意见", "Handling note")},
      .date_field = "reported_date",
      .check = labor::StartsInState("open", "待处理", "open"),
      .workflow = &JobReportsWorkflow()};
  return def;
}

}  // namespace shanhai

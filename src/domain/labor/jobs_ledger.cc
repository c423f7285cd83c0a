// 岗位: an employer's job openings. A job is published only by an employer that staff verified and
// only with the terms a worker far from home must know before setting out (hours, rest days, how
// the wage is made up, social insurance); it never charges the seeker, and states a gender only
// with its legal reason.
#include "domain/labor/labor_ledgers.h"
#include "domain/labor/labor_options.h"
#include "domain/labor/seeker_fee_rule.h"
#include "domain/ledger/ledger_service.h"
#include "domain/ledger/workflow.h"

namespace shanhai {
using namespace fields;

namespace {

Status EmployerVerified(TransitionContext& context, const Record&, const Record& after, std::vector<FieldError>& errors) {
  const Value* employer_id = after.Get("employer_id");
  Result<Record> employer = context.service.ReadVisible(context.actor, EmployersLedger(), AsInt(*employer_id));
  if (!employer.ok() && employer.status().code() != Code::kNotFound) return employer.status();
  if (employer.ok() && StateOf(EmployersLedger(), *employer) == "verified") return Status::Ok();
  errors.push_back({0, "employer_id", "用工企业须经核验通过（状态为“已核验”）才能发布岗位",
                    "the employer must be verified before its jobs are published"});
  return Status::Ok();
}

const Workflow& JobsWorkflow() {
  static const Workflow w{
      .state_field = "status",
      .states = {{"draft", "草稿", "draft"},
                 {"published", "已发布", "published", false,
                  {"working_hours", "rest_days", "wage_composition", "social_insurance"}},
                 {"withdrawn", "已撤下", "withdrawn"}},
      .transitions = {
          {.name = "publish", .label_zh = "发布", .label_en = "Publish", .done_zh = "发布", .done_en = "published",
           .from = {"draft", "withdrawn"}, .to = "published", .check = EmployerVerified},
          {.name = "withdraw", .label_zh = "撤下", .label_en = "Withdraw", .done_zh = "撤下", .done_en = "withdrawn",
           .from = {"published"}, .to = "withdrawn"}}};
  return w;
}

// No text of a job may charge the seeker (seeker_fee_rule.h); the error stands beside the field.
void NoChargeToSeeker(const Record*, const Record& r, std::vector<FieldError>& errors) {
  for (const auto& [key, value] : r.values) {
    if (!std::holds_alternative<std::string>(value)) continue;
    const std::string charge = labor::SeekerChargeIn(std::get<std::string>(value));
    if (!charge.empty())
      errors.push_back({0, key, "岗位不得向求职者收取费用或押金（“" + charge + "”）",
                        "a job must not charge the seeker a fee or deposit (\"" + charge + "\")"});
  }
}

// A job open to one sex only says why the law allows it (e.g. 《女职工劳动保护特别规定》's list of
// work women may not be given); without the reason it is refused.
void GenderRuleHasReason(const Record*, const Record& r, std::vector<FieldError>& errors) {
  const Value* rule = r.Get("gender_rule");
  const Value* reason = r.Get("gender_reason");
  if (!rule || IsNull(*rule) || AsText(*rule) == "any") return;
  if (!reason || IsNull(*reason) || AsText(*reason).empty())
    errors.push_back({0, "gender_reason", "限定性别须写明法定理由（如 国家规定女职工禁忌从事的劳动），否则不得限定",
                      "a job for one sex only must state the legal reason for it"});
}

// Upper bounds not below lower ones.
RecordCheck NotBelow(std::string low, std::string high, std::string zh, std::string en) {
  return [=](const Record*, const Record& r, std::vector<FieldError>& errors) {
    const Value* a = r.Get(low);
    const Value* b = r.Get(high);
    if (a && b && !IsNull(*a) && !IsNull(*b) && AsInt(*b) < AsInt(*a)) errors.push_back({0, high, zh, en});
  };
}

}  // namespace

const LedgerDef& JobsLedger() {
  static const LedgerDef def{
      .name = "jobs", .module = "labor", .label_zh = "岗位", .label_en = "Jobs",
      .fields = {
          Ref("employer_id", "用工企业", "Employer", "employers").Required().Hint("填写统一社会信用代码"),
          Text("title", "岗位名称", "Job title")
              .MaxChars(kMaxNameChars)
              .Required()
              .Searchable()
              .Hint("同一帮扶关系内唯一，可冠企业简称，如 白云压缩机·装配工"),
          Text("occupation_code", "职业代码", "Occupation code").Hint("《职业分类大典》代码，如 6-31-01-03"),
          Integer("headcount", "招聘人数", "Openings").Required().Min(1),
          Money("wage_min_fen", "月薪下限（元）", "Monthly wage from (yuan)").TypedInYuan().Required().Min(0),
          Money("wage_max_fen", "月薪上限（元）", "Monthly wage up to (yuan)").TypedInYuan().Min(0),
          Text("wage_composition", "工资构成", "Wage composition").Hint("如 底薪2300元＋计件＋加班费，扣社保后约4500元"),
          Enum("social_insurance", "社会保险", "Social insurance",
               {{"five_and_fund", "五险一金", "five insurances and housing fund"},
                {"five", "五险", "five insurances"},
                {"partial", "部分险种（须在工资构成中写明）", "some insurances (stated in the wage composition)"}}),
          Bool("board", "包吃", "Meals provided"),
          Bool("lodging", "包住", "Lodging provided"),
          Region("work_region", "工作地", "Work place").FromAnywhere().NotPlacing().Hint("如 广州市白云区"),
          Text("work_address", "工作地址", "Work address").MaxChars(kMaxNameChars),
          Text("working_hours", "工作时间", "Working hours").Hint("如 8:00–17:30，每天8小时，加班另计"),
          Text("rest_days", "休息休假", "Rest days").Hint("如 每月休4天，法定节假日休息"),
          Date("start_date", "到岗日期", "Start date"),
          Integer("min_age", "最低年龄", "Minimum age").Min(16).Hint("不低于16周岁"),
          Integer("max_age", "最高年龄", "Maximum age").Min(16),
          Enum("gender_rule", "性别要求", "Gender",
               {{"any", "不限", "any", {"男女不限"}}, {"male_only", "限男性", "men only", {"男"}},
                {"female_only", "限女性", "women only", {"女"}}}).Required(),
          Text("gender_reason", "限定性别的法定理由", "Legal reason for a gender requirement"),
          Enum("min_education", "最低文化程度", "Minimum education", labor::EducationSet()),
          Text("certificates", "所需证书", "Certificates required").Hint("多个用；分隔"),
          Text("skills", "所需技能（职业代码）", "Skills required (occupation codes)").Hint("多个用；或,分隔"),
          Text("description", "岗位说明", "Description").Searchable(),
          Enum("status", "状态", "Status", JobsWorkflow().Options()).Required()},
      .natural_key = "title",
      .check = AllChecks({labor::StartsInState("draft", "草稿", "as a draft"), NoChargeToSeeker, GenderRuleHasReason,
                          labor::OccupationCodesValid("occupation_code", 1), labor::OccupationCodesValid("skills", 10),
                          NotBelow("wage_min_fen", "wage_max_fen", "月薪上限不能低于下限", "the top wage is below the lowest"),
                          NotBelow("min_age", "max_age", "最高年龄不能低于最低年龄", "the maximum age is below the minimum")}),
      // An employer's HR accounts see and write its jobs.
      .owner_field = "employer_id",
      // labor:jobs:match: the people recommended for a job (domain/matching).
      .extra_actions = {"match"},
      // A published job is open demand: town and village staff read it to recommend it.
      .open_state = "published",
      .workflow = &JobsWorkflow()};
  return def;
}

}  // namespace shanhai

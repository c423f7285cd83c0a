// 劳动力台账: the helped county's labour ledger. Health and disability are sensitive (stored
// encrypted, shown masked, read whole only with labor:seekers:reveal), as a person's poverty
// status is in the people registry.
#include "common/date.h"
#include "domain/labor/labor_ledgers.h"
#include "domain/labor/labor_options.h"
#include "domain/ledger/workflow.h"

namespace shanhai {
using namespace fields;

namespace {

// A seeker confirmed "still looking" this many days ago is due to be asked again.
constexpr int kConfirmDays = 90;
// Skills a seeker lists; more would make every job match.
constexpr size_t kMaxSkills = 10;

const Workflow& SeekersWorkflow() {
  static const Workflow w{
      .state_field = "status",
      .states = {{"seeking", "求职中", "seeking", false, {"confirmed_date"}},
                 {"employed", "已就业", "employed"},
                 {"not_now", "暂不外出", "not looking now"}},
      .transitions = {
          // Asked again (by phone, at the village), the person is still looking: dated today.
          {.name = "confirm", .label_zh = "确认仍在求职", .label_en = "Confirm still looking", .done_zh = "确认仍在求职",
           .done_en = "confirmed still looking", .from = {"seeking", "employed", "not_now"}, .to = "seeking",
           .dates_today = {"confirmed_date"}},
          {.name = "hold", .label_zh = "暂不外出", .label_en = "Not looking now", .done_zh = "登记暂不外出",
           .done_en = "marked not looking now", .from = {"seeking"}, .to = "not_now"},
          {.name = "employ", .label_zh = "登记就业", .label_en = "Mark employed", .done_zh = "登记就业",
           .done_en = "marked employed", .from = {"seeking", "not_now"}, .to = "employed"}},
      .transition_fields = {"confirmed_date"}};
  return w;
}

// A floor above the wage hoped for is no floor.
void WageFloorNotAboveExpected(const Record*, const Record& r, std::vector<FieldError>& errors) {
  const Value* expected = r.Get("expected_wage_fen");
  const Value* floor = r.Get("wage_floor_fen");
  if (expected && floor && !IsNull(*expected) && !IsNull(*floor) && AsInt(*floor) > AsInt(*expected))
    errors.push_back({0, "wage_floor_fen", "最低可接受月薪不能高于期望月薪",
                      "the lowest acceptable wage must not be above the expected wage"});
}

}  // namespace

const LedgerDef& SeekersLedger() {
  static const LedgerDef def{
      .name = "seekers", .module = "labor", .label_zh = "劳动力台账", .label_en = "Labour ledger",
      .fields = {
          Ref("person_id", "人员", "Person", "people").Required().Hint("填写人员库中的身份证号；每人只登记一次"),
          Enum("education", "文化程度", "Education", labor::EducationSet()),
          Text("skills", "技能（职业代码）", "Skills (occupation codes)")
              .Searchable()
              .Hint("《职业分类大典》代码，如 6-31-01-03；多个用；或,分隔"),
          Text("certificates", "证书", "Certificates").Hint("多个用；分隔，如 电工证；叉车证"),
          SensitiveEnum("health", "健康状况", "Health",
                        {{"good", "健康", "good"}, {"fair", "一般（慢性病）", "fair (chronic illness)"},
                         {"poor", "较差", "poor"}}),
          SensitiveEnum("disability", "残疾情况", "Disability",
                        {{"none", "无残疾", "none"}, {"grade_1", "一级残疾", "grade 1"}, {"grade_2", "二级残疾", "grade 2"},
                         {"grade_3", "三级残疾", "grade 3"}, {"grade_4", "四级残疾", "grade 4"}}),
          Bool("willing_in_county", "愿在县内就业", "Willing to work in the county"),
          Bool("willing_in_province", "愿在省内县外就业", "Willing to work in the province outside the county"),
          Bool("willing_out_of_province", "愿到省外就业", "Willing to work outside the province"),
          Region("preferred_place_1", "意向地1", "Preferred place 1").FromAnywhere().NotPlacing().Hint("如 广州市 或 广东省"),
          Region("preferred_place_2", "意向地2", "Preferred place 2").FromAnywhere().NotPlacing(),
          Region("preferred_place_3", "意向地3", "Preferred place 3").FromAnywhere().NotPlacing(),
          Money("expected_wage_fen", "期望月薪（元）", "Expected monthly wage (yuan)").TypedInYuan().Min(0),
          Money("wage_floor_fen", "最低可接受月薪（元）", "Lowest acceptable monthly wage (yuan)").TypedInYuan().Min(0),
          Date("earliest_start_date", "最早到岗日期", "Earliest start"),
          Enum("status", "求职状态", "Status", SeekersWorkflow().Options()).Required(),
          Date("confirmed_date", "确认求职日期", "Confirmed looking on"),
          Date("confirm_due_date", "应再确认日期", "Confirmation due").Computed(),
          Text("note", "备注", "Note")},
      .natural_key = "person_id",
      .check = AllChecks({labor::OccupationCodesValid("skills", kMaxSkills), WageFloorNotAboveExpected}),
      .derive = [](Record& r) {
        const Value* confirmed = r.Get("confirmed_date");
        const Result<std::string> due =
            confirmed && !IsNull(*confirmed) ? AddDays(AsText(*confirmed), kConfirmDays) : Result<std::string>("");
        r.Set("confirm_due_date", due.ok() && !due->empty() ? Value{*due} : Value{});
      },
      // labor:seekers:match: the jobs recommended to a seeker (domain/matching).
      .extra_actions = {"match"},
      // An application, a spell lies where its seeker's person lives (record_placement.h).
      .places_referrers = true,
      .workflow = &SeekersWorkflow()};
  return def;
}

}  // namespace shanhai

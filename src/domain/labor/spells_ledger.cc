// 就业记录: a person's employment spells — with an employer (a placement through the platform) or
// on their own (found work themselves, recorded by staff) — from which "in work on a date",
// months worked and stable at 3 / 6 months are derived (employment_spells.h), never typed in. One
// person's spells never overlap; each month in work is confirmed (by call-back, payroll or a
// social-insurance record), and a separation with its reason puts the person back in the pool.
#include <chrono>

#include "common/date.h"
#include "domain/labor/employment_spells.h"
#include "domain/labor/labor_ledgers.h"
#include "domain/labor/labor_options.h"
#include "domain/labor/placement.h"
#include "domain/ledger/field_builders.h"
#include "domain/ledger/ledger_service.h"
#include "domain/ledger/stored_reader.h"
#include "domain/ledger/workflow.h"
#include "regions/region_catalog.h"
#include "regions/region_display.h"

namespace shanhai {
using namespace fields;

namespace {

// The month confirmed lies within the spell and is not in the future (China Standard Time).
Status MonthWithinSpell(TransitionContext& context, const Record&, const Record& after,
                        std::vector<FieldError>& errors) {
  const std::string month = after.Text("confirmed_month");
  const std::string today = context.service.context().clock.Today();
  const bool shaped = month.size() == 7 && IsIsoDate(month + "-01");
  if (!shaped)
    errors.push_back({0, "confirmed_month", "确认月份应写作 2020-04", "the month confirmed is written as 2020-04"});
  else if (month < after.Text("start_date").substr(0, 7) || month > today.substr(0, 7))
    errors.push_back({0, "confirmed_month", "确认月份须在到岗之后、不晚于本月",
                      "the month confirmed must lie between the start and this month"});
  return Status::Ok();
}

const Workflow& SpellsWorkflow() {
  static const Workflow w{
      .state_field = "status",
      .states = {{"in_work", "在岗", "in work"},
                 {"separated", "已离职", "separated", true, {"end_date", "separation_reason"}}},
      .transitions = {
          // Each month in work is confirmed once the person is reached or the payroll seen; the
          // history keeps every confirmation, by whom and when.
          {.name = "confirm_month", .label_zh = "确认在岗", .label_en = "Confirm month in work",
           .done_zh = "确认在岗", .done_en = "confirmed in work for a month", .from = {"in_work"}, .to = "in_work",
           .required = {"confirmed_month", "confirm_method"}, .check = MonthWithinSpell},
          {.name = "separate", .label_zh = "登记离职", .label_en = "Record separation", .done_zh = "登记离职",
           .done_en = "marked separated", .from = {"in_work"}, .to = "separated",
           .required = {"end_date", "separation_reason"}, .optional = {"separation_note"},
           .effect = labor::ReturnSeekerToPool}},
      .transition_fields = {"end_date", "separation_reason", "separation_note", "confirmed_month", "confirm_method"}};
  return w;
}

// "编号 12（2020-03-02 至今，广州市白云区）": another spell, as an overlap error names it.
std::string SpellNamed(const Record& spell, bool zh) {
  const std::string end = spell.Text("end_date");
  const std::string place = RegionDisplayName(RegionCatalog::Embedded(), spell.Text("place_region"));
  if (zh)
    return "编号 " + std::to_string(spell.id) + "（" + spell.Text("start_date") + " 至 " +
           (end.empty() ? "今" : end) + (place.empty() ? "" : "，" + place) + "）";
  return "no. " + std::to_string(spell.id) + " (" + spell.Text("start_date") + " to " +
         (end.empty() ? "now" : end) + (place.empty() ? "" : ", " + place) + ")";
}

// A person works one spell at a time: the spell must share no day with the person's others.
Status NoOverlapWithOtherSpells(const StoredReader& reader, const Record*, Record& after,
                                std::vector<FieldError>& errors) {
  // Two spells of one person written at once would each miss the other: the person's seeker row
  // is held first, so the second writer waits and then sees the first's spell.
  const Value* seeker = after.Get("seeker_id");
  if (!seeker || IsNull(*seeker)) return Status::Ok();  // required: refused by the field check
  SH_RETURN_IF_ERROR(reader.Lock(SeekersLedger(), AsInt(*seeker)));
  SH_ASSIGN_OR_RETURN(std::vector<Record> stored,
                      reader.WhereEquals(SpellsLedger(), "seeker_id", *seeker));
  std::vector<Record> others;
  std::vector<EmploymentSpell> spells{{after.Text("start_date"), after.Text("end_date")}};
  for (Record& r : stored) {
    if (r.id == after.id) continue;  // its own stored version
    spells.push_back({r.Text("start_date"), r.Text("end_date")});
    others.push_back(std::move(r));
  }
  // The first overlap among the others alone was refused when they were written; check each
  // against this one.
  for (size_t i = 0; i < others.size(); ++i) {
    if (!FirstOverlap({spells[0], spells[i + 1]})) continue;
    errors.push_back({0, "start_date", "与此人已有的就业记录" + SpellNamed(others[i], true) + "时间重叠",
                      "overlaps this person's employment spell " + SpellNamed(others[i], false)});
    break;
  }
  return Status::Ok();
}

// A spell still in work has no end: it ends by the "separate" step, with its reason.
void InWorkHasNoEnd(const Record*, const Record& r, std::vector<FieldError>& errors) {
  if (r.Text("status") == "in_work" && !r.Text("end_date").empty())
    errors.push_back({0, "end_date", "在岗的就业记录不填离职日期（离职请用“登记离职”，并写明原因）",
                      "a spell in work has no end date (record the separation, with its reason)"});
}

}  // namespace

const LedgerDef& SpellsLedger() {
  static const LedgerDef def = [] {
    LedgerDef d{
        .name = "spells", .module = "labor", .label_zh = "就业记录", .label_en = "Employment spells",
        .fields = {
            Ref("seeker_id", "就业人员", "Person", "seekers").Required().Hint("填写人员的身份证号"),
            Ref("employer_id", "用工企业", "Employer", "employers").Hint("自主就业可不填；填写统一社会信用代码"),
            // Set by the placement that opened the spell (placement.h), never typed.
            Ref("application_id", "求职申请", "Application", "applications").Computed(),
            fields::Region("place_region", "就业地", "Place of work").FromAnywhere().NotPlacing().Required().Hint("如 广州市白云区"),
            Date("start_date", "到岗日期", "Started on").Required(),
            Date("end_date", "离职日期", "Ended on"),
            Money("monthly_wage_fen", "月薪（元）", "Monthly wage (yuan)").TypedInYuan().Required().Min(0),
            Enum("verification", "核实方式", "Verified by", labor::VerificationSet()),
            Enum("source", "来源", "Source",
                 {{"placement", "平台安置", "placement through the platform"},
                  {"self_reported", "自主就业", "found work themselves"}}).Computed(),
            Enum("separation_reason", "离职原因", "Reason for leaving",
                 {{"contract_ended", "合同期满", "contract ended"}, {"resigned", "本人辞职", "resigned"},
                  {"dismissed", "被辞退", "dismissed"}, {"health", "健康原因", "health"},
                  {"family", "家庭原因", "family"}, {"other", "其他", "other"}}),
            Text("separation_note", "离职说明", "Separation note"),
            Text("confirmed_month", "最近确认在岗月份", "Last month confirmed in work").MaxChars(7).Hint("如 2020-04"),
            Enum("confirm_method", "确认方式", "Confirmed by", labor::VerificationSet()),
            Enum("status", "状态", "Status", SpellsWorkflow().Options()).Required()},
        .date_field = "start_date",
        .owner_field = "employer_id",
        .workflow = &SpellsWorkflow()};
    d.check = AllChecks({DatesInOrder(*d.Field("start_date"), *d.Field("end_date")), InWorkHasNoEnd});
    // A spell is a placement's when a placement opened it; every other is recorded by staff.
    d.derive = [](Record& r) {
      r.Set("source", std::string(r.Text("application_id").empty() ? "self_reported" : "placement"));
    };
    d.stored_rule = NoOverlapWithOtherSpells;
    return d;
  }();
  return def;
}

}  // namespace shanhai

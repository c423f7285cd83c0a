#include "domain/talent/talent_ledgers.h"

#include "domain/ledger/field_builders.h"

namespace shanhai {
using namespace fields;

const LedgerDef& SecondmentsLedger() {
  static const F start = Date("start_date", "开始日期", "Start date").Required();
  static const F end = Date("end_date", "结束日期", "End date");
  static const LedgerDef def{
      .name = "secondments", .module = "talent", .label_zh = "挂职派驻", .label_en = "Secondments",
      .fields = {
          Text("person_name", "姓名", "Name").MaxChars(kMaxNameChars).Required().Searchable(),
          Enum("category", "人员类别", "Category",
               {{"cadre", "党政干部", "party/government cadre"},
                {"doctor", "医生", "doctor"},
                {"teacher", "教师", "teacher"},
                {"technician", "其他专业技术人才", "other professional"}}).Required(),
          Enum("rank", "职级", "Rank",
               {{"county_level", "县处级", "county level"},
                {"township_level", "乡科级", "township level"},
                {"none", "其他", "other"}}),
          Enum("direction", "方向", "Direction", DirectionSet()).Required(),
          Text("home_unit", "派出单位", "Home unit").MaxChars(kMaxNameChars).Searchable(),
          Text("host_unit", "挂职/派驻单位", "Host unit").MaxChars(kMaxNameChars).Searchable(),
          Text("post", "挂职职务", "Post").MaxChars(kMaxNameChars),
          start,
          end},
      .date_field = "start_date",
      .check = DatesInOrder(start, end)};
  return def;
}

const LedgerDef& TrainingsLedger() {
  static const LedgerDef def{
      .name = "trainings", .module = "talent", .label_zh = "培训", .label_en = "Trainings",
      .fields = {
          Text("title", "培训名称", "Title").MaxChars(kMaxNameChars).Required().Searchable(),
          Enum("category", "培训类别", "Category",
               {{"cadre", "党政干部培训", "cadre training"},
                {"professional", "专业技术人才培训（医生、教师等）", "professional (doctors, teachers …)"},
                {"leader", "致富带头人培训", "rural business leaders"},
                {"disabled", "残疾人创业就业培训", "entrepreneurship/employment for the disabled"},
                {"labor_skill", "劳动力技能培训", "labour skills"},
                {"other", "其他", "other"}}).Required(),
          Enum("direction", "方向", "Direction", DirectionSet()).Required(),
          Integer("sessions", "期数", "Sessions").Required().Min(0),
          Integer("person_times", "人次", "Person-times").Required().Min(0),
          Integer("poverty_person_times", "其中脱贫人口（人次）", "of whom poverty-lifted").Min(0),
          Text("organiser", "主办单位", "Organiser").Searchable(),
          Date("start_date", "开始日期", "Start date").Required()},
      .date_field = "start_date",
      .check = PartNotAboveWhole("person_times", "poverty_person_times")};
  return def;
}

}  // namespace shanhai

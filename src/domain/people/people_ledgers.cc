#include "domain/people/people_ledgers.h"

#include "common/id_number.h"
#include "domain/ledger/field_builders.h"

namespace shanhai {
using namespace fields;

const LedgerDef& PeopleLedger() {
  static const LedgerDef def{
      .name = "people", .module = "people", .label_zh = "人员库", .label_en = "People",
      .fields = {
          Text("name", "姓名", "Name").MaxChars(kMaxNameChars).Required().Searchable(),
          fields::IdNumber("id_number", "身份证号", "Resident ID number").Required().Hint("18位；15位旧号自动转换"),
          Mobile("mobile", "手机号", "Mobile"),
          Region("region_code", "户籍地", "Home region").Hint("村或乡镇"),
          SensitiveEnum("poverty_status", "帮扶对象类别", "Poverty status",
                        {{"lifted", "脱贫户", "poverty-lifted household"},
                         {"monitored", "监测对象", "monitored household"},
                         {"ordinary", "一般农户", "ordinary household"}}).Required(),
          Text("skills", "技能", "Skills").Searchable(),
          // Both repeat digits of the ID number: with the home region they would rebuild it.
          Enum("sex", "性别", "Sex", {{"male", "男", "male"}, {"female", "女", "female"}})
              .Computed()
              .Discloses("id_number"),
          Date("birth_date", "出生日期", "Birth date").Computed().Discloses("id_number", DerivedMask::kYearOnly),
          Text("note", "备注", "Note")},
      .natural_key = "id_number",
      .derive = [](Record& r) {
        const Value* id = r.Get("id_number");
        if (!id) return;
        Result<shanhai::IdNumber> parsed = ParseIdNumber(AsText(*id));
        if (!parsed.ok()) return;  // reported by field validation
        r.Set("sex", parsed->sex() == Sex::kMale ? std::string("male") : std::string("female"));
        r.Set("birth_date", parsed->birth_date());
      },
      // A seeker lies where its person lives (record_placement.h).
      .places_referrers = true};
  return def;
}

}  // namespace shanhai

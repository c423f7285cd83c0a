// 两方力量 · 人才交流: secondments by category and direction, trainings by category.
#include "domain/ledger/option_match.h"
#include "domain/talent/talent_ledgers.h"
#include "indicators/indicator_def.h"

namespace shanhai {

namespace {

// A category the dashboard counts: its option code and the English wording of its figures, in
// sentence case as a figure's label starts with it ("Doctors seconded east to west"). The
// Chinese wording is the option's own short label (OptionShortLabel), declared once in the
// ledger, so a clerk may type what the dashboard shows ("专业技术人才培训") into an import.
struct Category {
  const char* code;
  const char* en;
  std::string zh = "";
};

// categories with zh filled in from the options of ledger's field "category".
std::vector<Category> Named(const LedgerDef& ledger, std::vector<Category> categories) {
  for (Category& c : categories) c.zh = OptionShortLabel(ledger.Field("category")->FindOption(c.code)->label_zh);
  return categories;
}

}  // namespace

std::vector<IndicatorDef> TalentIndicators() {
  const auto g = IndicatorGroup::kTalent;
  std::vector<IndicatorDef> out = {
      {.key = "talent.secondment.to_helped", .group = g, .label_zh = "派驻受帮扶方挂职干部人才",
       .label_en = "People seconded east to west", .unit_zh = "名",
       .definition_zh = "期间内开始挂职/派驻、方向为东部→西部的党政干部和专业技术人才，每人每次派驻计1名。",
       .ledger = "secondments", .aggregate = "COUNT(*)", .condition = "r.direction = 'to_helped'", .headline = 4},
      {.key = "talent.secondment.to_helper", .group = g, .label_zh = "选派到帮扶方挂职干部人才",
       .label_en = "People seconded west to east", .unit_zh = "名",
       .definition_zh = "期间内开始挂职/派驻、方向为西部→东部的党政干部和专业技术人才，每人每次派驻计1名。",
       .ledger = "secondments", .aggregate = "COUNT(*)", .condition = "r.direction = 'to_helper'", .headline = 5},
      {.key = "talent.training.person_times", .group = g, .label_zh = "各类培训人次", .label_en = "Training person-times",
       .unit_zh = "人次", .definition_zh = "期间内各类培训人次之和；其中脱贫人口按各期登记的脱贫人口人次合计。",
       .ledger = "trainings", .aggregate = "COALESCE(SUM(r.person_times), 0)",
       .poverty_aggregate = "COALESCE(SUM(r.poverty_person_times), 0)", .poverty_condition = "r.poverty_person_times > 0",
       .headline = 6},
  };
  const std::vector<Category> secondment_categories = Named(
      SecondmentsLedger(),
      {{"cadre", "Cadres"}, {"doctor", "Doctors"}, {"teacher", "Teachers"}, {"technician", "Other professionals"}});
  const std::vector<Category> training_categories =
      Named(TrainingsLedger(), {{"cadre", "Cadre training"},
                                {"professional", "Professional training"},
                                {"leader", "Rural business leader training"},
                                {"disabled", "Training for the disabled"},
                                {"labor_skill", "Labour skills training"}});
  for (const Category& c : secondment_categories) {
    for (const bool to_helped : {true, false}) {
      const std::string direction = to_helped ? "to_helped" : "to_helper";
      out.push_back({.key = std::string("talent.secondment.") + c.code + "." + direction, .group = g,
                     .label_zh = std::string(to_helped ? "派驻受帮扶方" : "选派到帮扶方") + c.zh,
                     .label_en = std::string(c.en) + (to_helped ? " seconded east to west" : " seconded west to east"),
                     .unit_zh = "名",
                     .definition_zh = std::string("期间内开始挂职/派驻、类别为“") + c.zh + "”、方向为" +
                                      (to_helped ? "东部→西部" : "西部→东部") + "的人员，每人每次派驻计1名。",
                     .ledger = "secondments", .aggregate = "COUNT(*)",
                     .condition = std::string("r.category = '") + c.code + "' AND r.direction = '" + direction + "'"});
    }
  }
  out.push_back({.key = "talent.secondment.cadre.to_helped.county_level", .group = g,
                 .label_zh = "派驻受帮扶方党政干部中县处级", .label_en = "County-level cadres seconded east to west", .unit_zh = "名",
                 .definition_zh = "上述派驻受帮扶方的党政干部中职级为县处级的人数。", .ledger = "secondments",
                 .aggregate = "COUNT(*)",
                 .condition = "r.category = 'cadre' AND r.direction = 'to_helped' AND r.rank = 'county_level'"});
  for (const Category& c : training_categories) {
    const std::string condition = std::string("r.category = '") + c.code + "'";
    out.push_back({.key = std::string("talent.training.") + c.code + ".sessions", .group = g,
                   .label_zh = std::string(c.zh) + "期数", .label_en = std::string(c.en) + " sessions", .unit_zh = "期",
                   .definition_zh = std::string("期间内开班的“") + c.zh + "”期数之和。", .ledger = "trainings",
                   .aggregate = "COALESCE(SUM(r.sessions), 0)", .condition = condition});
    out.push_back({.key = std::string("talent.training.") + c.code + ".person_times", .group = g,
                   .label_zh = std::string(c.zh) + "人次", .label_en = std::string(c.en) + " person-times",
                   .unit_zh = "人次", .definition_zh = std::string("期间内“") + c.zh + "”培训人次之和；其中脱贫人口按各期登记的脱贫人口人次合计。",
                   .ledger = "trainings", .aggregate = "COALESCE(SUM(r.person_times), 0)", .condition = condition,
                   .poverty_aggregate = "COALESCE(SUM(r.poverty_person_times), 0)",
                   .poverty_condition = "r.poverty_person_times > 0"});
  }
  return out;
}

}  // namespace shanhai

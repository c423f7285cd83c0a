// 三个重点 · 劳务协作: people in work by destination, placed through the platform, interviews
// held, stable at 3 and 6 months, the average monthly wage — all derived from the employment
// spells and applications of the labour ledger (never typed totals), each with 其中脱贫人口
// (脱贫户 or 监测对象). The counting rules are DOMAIN.md's "Counting rules for labour", computed in
// labor_figures.h and domain/labor/employment_spells.h.
#include <string>

#include "indicators/indicator_def.h"
#include "indicators/labor_figures.h"

namespace shanhai {

namespace {

// The person a spell or an application is about, and their sealed poverty status (the people
// registry's): the first two columns every labour fold reads (IndicatorDef::columns).
const std::string kPersonColumns =
    "(SELECT s.person_id FROM seekers s WHERE s.id = r.seeker_id), "
    "(SELECT p.poverty_status_enc FROM seekers s JOIN people p ON p.id = s.person_id WHERE s.id = r.seeker_id)";
// A spell's person, then its start, end and monthly wage (labor_figures.h reads them so).
const std::string kSpellColumns = kPersonColumns + ", r.start_date, r.end_date, r.monthly_wage_fen";

// Destinations, each against the spell's own pair and person, so a province pair rolling up its
// county pairs places every spell as its county pair would: the province of the pair's helper
// side, and the person's home (户籍地; the seeker's county where the registry has none).
const std::string kHelperProvince = "(SELECT substr(pr.helper_region, 1, 2) FROM pairs pr WHERE pr.id = r.pair_id)";
const std::string kHome =
    "(SELECT COALESCE(p.region_code, s.helped_region) FROM seekers s JOIN people p ON p.id = s.person_id "
    "WHERE s.id = r.seeker_id)";
const std::string kPlaceProvince = "substr(r.place_region, 1, 2)", kPlaceCounty = "substr(r.place_region, 1, 6)";
const std::string kHomeProvince = "substr(" + kHome + ", 1, 2)", kHomeCounty = "substr(" + kHome + ", 1, 6)";
const std::string kInHelperProvince = kPlaceProvince + " = " + kHelperProvince;
const std::string kElsewhereOutsideProvince =
    kPlaceProvince + " <> " + kHomeProvince + " AND " + kPlaceProvince + " <> " + kHelperProvince;
const std::string kInProvinceOutsideCounty =
    kPlaceProvince + " = " + kHomeProvince + " AND " + kPlaceCounty + " <> " + kHomeCounty;
const std::string kInCounty = kPlaceCounty + " = " + kHomeCounty;

// An interview took place once its result says passed or failed, whatever the application did
// next (withdrawn after passing too); a no-show or a pending interview is no interview held.
constexpr const char* kInterviewHeld = "r.interview_date IS NOT NULL AND r.interview_outcome IN ('passed', 'failed')";

constexpr const char* kPovertyRule = "其中脱贫人口为家庭属脱贫户或监测对象的人数。";

// People in work in one destination: a person counts when any day of one of their spells there
// falls in the period, once however many spells; a person may count in several destinations.
IndicatorDef EmployedIn(std::string key, std::string zh, std::string en, std::string where, std::string condition,
                        int headline = 0) {
  return {.key = std::move(key), .group = IndicatorGroup::kLabor, .label_zh = std::move(zh), .label_en = std::move(en),
          .unit_zh = "人",
          .definition_zh = "期间内在" + where + "务工的人数：有一段就业记录的就业地在此、且其任一天在期间内，同一人只计一次（同一身份证号为一人）；" +
                           kPovertyRule,
          .ledger = "spells", .condition = std::move(condition), .headline = headline, .period_end_field = "end_date",
          .columns = kSpellColumns, .fold = DistinctPeople};
}

IndicatorDef StableFor(int months) {
  const std::string n = std::to_string(months);
  return {.key = "labor.stable_" + n + "m", .group = IndicatorGroup::kLabor, .label_zh = "稳定就业" + n + "个月以上人数",
          .label_en = "People in stable work for " + n + " months or more", .unit_zh = "人",
          .definition_zh = "期间内连续就业满" + n +
                           "个月的人数：同一人的就业记录前后间隔不超过1天（或相互重叠）即连为一段，在岗至今的记录算到期间末；"
                           "自某日起到" + n + "个月后同日的前一天为满" + n + "个月（2021-01-15至2021-04-14为满3个月），只计期间内的日子；" +
                           kPovertyRule,
          .ledger = "spells", .period_end_field = "end_date", .columns = kSpellColumns, .fold = StablePeople(months)};
}

}  // namespace

std::vector<IndicatorDef> LaborIndicators() {
  const auto g = IndicatorGroup::kLabor;
  return {
      // The article's "1000余名" to Guangdong: the dashboard's labour headline.
      EmployedIn("labor.employed.helper_province", "到帮扶方省份务工人数", "People in work in the helper province",
                 "帮扶方所在省份（如广东省）", kInHelperProvince, 11),
      EmployedIn("labor.employed.outside_province", "到其他省外地区务工人数",
                 "People in work elsewhere outside the home province", "户籍所在省及帮扶方省份以外的地区",
                 kElsewhereOutsideProvince),
      EmployedIn("labor.employed.in_province", "省内县外务工人数", "People in work in the home province outside the county",
                 "户籍所在省内、户籍所在县以外", kInProvinceOutsideCounty),
      EmployedIn("labor.employed.in_county", "县内务工人数", "People in work in the home county", "户籍所在县内", kInCounty),
      {.key = "labor.placed", .group = g, .label_zh = "平台安置就业人数", .label_en = "People placed through the platform",
       .unit_zh = "人",
       .definition_zh = std::string("期间内经平台求职申请到岗（到岗日期在期间内）的人数，同一人只计一次；") + kPovertyRule,
       .ledger = "spells", .condition = "r.source = 'placement'", .columns = kSpellColumns, .fold = DistinctPeople},
      {.key = "labor.interviews", .group = g, .label_zh = "举行面试场次", .label_en = "Interviews held", .unit_zh = "场",
       .definition_zh = "面试日期在期间内、已有结果（通过或未通过，及通过后的录用、到岗）的面试场次；未到面试、撤回及尚未举行的不计；"
                        "其中脱贫人口为脱贫户或监测对象家庭人员参加的场次。",
       .ledger = "applications", .condition = kInterviewHeld, .period_field = "interview_date",
       .columns = kPersonColumns, .fold = RowsCounted},
      StableFor(3),
      StableFor(6),
      {.key = "labor.avg_monthly_wage_fen", .group = g, .label_zh = "务工人员平均月工资",
       .label_en = "Average monthly wage in work", .unit_zh = "元",
       .definition_zh = "期间内有一天在岗的各段就业记录月工资的平均数（元，四舍五入到分）；其中脱贫人口为脱贫户或监测对象家庭人员的就业记录的平均月工资。",
       .ledger = "spells", .money = true, .period_end_field = "end_date", .columns = kSpellColumns,
       .fold = MeanMonthlyWage},
  };
}

}  // namespace shanhai

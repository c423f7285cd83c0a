// The Chinese narrative. Sentences follow the article's shapes ("2016年以来，两地党委、政府开展
// 交流互访、实地考察共19批229人次，召开党政联席会议7次。"); a clause whose figures are all zero
// is left out rather than printed as "0名", and so is one whose figures the report's scope does not
// count (a town's report says which ledgers under its header: ScopeNote).
#include <algorithm>

#include "common/money.h"
#include "indicators/report.h"
#include "regions/region_catalog.h"
#include "regions/region_display.h"

namespace shanhai {

namespace {

std::string N(int64_t n) { return std::to_string(n); }

// "2016年以来" for a period starting on 1 January, "2019年3月5日以来" otherwise.
std::string Since(const std::string& from) {
  if (from.size() != 10) return "自对口帮扶关系建立以来";
  const int y = std::stoi(from.substr(0, 4)), m = std::stoi(from.substr(5, 2)), d = std::stoi(from.substr(8, 2));
  if (m == 1 && d == 1) return N(y) + "年以来";
  return N(y) + "年" + N(m) + "月" + N(d) + "日以来";
}

// "2019年10月" from an ISO date.
std::string YearMonth(const std::string& iso) {
  if (iso.size() < 7) return iso;
  return iso.substr(0, 4) + "年" + N(std::stoi(iso.substr(5, 2))) + "月";
}

std::string YearMonthDay(const std::string& iso) {
  if (iso.size() != 10) return iso;
  return YearMonth(iso) + N(std::stoi(iso.substr(8, 2))) + "日";
}

// 平塘县 → 平塘, 白云区 → 白云: the short forms the article uses in "平塘所需、白云所能".
std::string Short(const std::string& name) {
  for (const char* suffix : {"自治县", "县", "区", "市", "省"}) {
    const std::string s = suffix;
    if (name.size() > s.size() + 3 && name.ends_with(s)) return name.substr(0, name.size() - s.size());
  }
  return name;
}

// Joins the non-empty parts with sep.
std::string Join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string Clause(int64_t value, const std::string& text) { return value > 0 ? text : ""; }

// A count of key as the console writes it, with the catalogue's unit: "1,036人次", "19批". A
// "<key>.poverty" sub-count takes its indicator's unit.
std::string Count(const Report& r, const std::string& key) {
  const std::string base = key.ends_with(".poverty") ? key.substr(0, key.size() - 8) : key;
  const IndicatorDef* def = FindIndicator(base);
  return FormatCount(r.Int(key)) + (def ? def->unit_zh : "");
}

// The clause text if key's figure is above 0: a figure of 0, or one the report's scope does not
// count (Report::Int reads it as 0), leaves its clause out rather than print "0次".
std::string ClauseOf(const Report& r, const std::string& key, const std::string& text) {
  return Clause(r.Int(key), text);
}

std::string LeadershipParagraph(const Report& r, const std::string& since) {
  const std::string parts = Join(
      {ClauseOf(r, "leadership.visit_batches", "两地党委、政府开展交流互访、实地考察共" +
                                                   Count(r, "leadership.visit_batches") +
                                                   Count(r, "leadership.visit_person_times")),
       ClauseOf(r, "leadership.joint_meetings", "召开党政联席会议" + Count(r, "leadership.joint_meetings")),
       ClauseOf(r, "leadership.agreements", "签订各类帮扶协议" + Count(r, "leadership.agreements"))},
      "，");
  return parts.empty() ? "" : since + "，" + parts + "。";
}

std::string SecondmentList(const Report& r, const std::string& direction, bool with_county_level) {
  const std::string k = "talent.secondment.";
  std::string cadre = ClauseOf(r, k + "cadre." + direction, "党政干部" + Count(r, k + "cadre." + direction));
  if (with_county_level && !cadre.empty())
    cadre += ClauseOf(r, k + "cadre.to_helped.county_level", "（含县处级" + Count(r, k + "cadre.to_helped.county_level") + "）");
  return Join({cadre, ClauseOf(r, k + "doctor." + direction, "医生" + Count(r, k + "doctor." + direction)),
               ClauseOf(r, k + "teacher." + direction, "教师" + Count(r, k + "teacher." + direction)),
               ClauseOf(r, k + "technician." + direction, "其他专业技术人才" + Count(r, k + "technician." + direction))},
              "、");
}

// "开展党政干部培训12期1,036人次": a kind of training, its sessions left out when none are recorded.
std::string TrainingClause(const Report& r, const std::string& kind, const std::string& text) {
  const std::string t = "talent.training." + kind;
  return ClauseOf(r, t + ".person_times",
                  text + (r.Int(t + ".sessions") > 0 ? Count(r, t + ".sessions") : "") + Count(r, t + ".person_times"));
}

std::string TalentParagraph(const Report& r) {
  std::vector<std::string> parts;
  const std::string east = SecondmentList(r, "to_helped", true);
  const std::string west = SecondmentList(r, "to_helper", false);
  if (!east.empty()) parts.push_back(r.helper_name + "共派驻" + r.helped_name + "挂职" + east);
  if (!west.empty()) parts.push_back(r.helped_name + "选派到" + r.helper_name + "挂职锻炼" + west);
  const std::string trainings = Join({TrainingClause(r, "cadre", "开展党政干部培训"),
                                      TrainingClause(r, "professional", "医生、教师等专业技术人才培训"),
                                      TrainingClause(r, "leader", "开展致富带头人培训"),
                                      TrainingClause(r, "disabled", "举办残疾人创业（就业）培训班"),
                                      TrainingClause(r, "labor_skill", "开展劳动力技能培训")},
                                     "，");
  std::string s;
  if (!parts.empty()) s += "在人才交流中，" + Join(parts, "；") + "；";
  if (!trainings.empty()) s += "在技术人才培训方面，" + r.helper_name + "为" + r.helped_name + trainings + "。";
  if (!s.empty() && s.ends_with("；")) s = s.substr(0, s.size() - 3) + "。";
  return s;
}

std::string PairingParagraph(const Report& r) {
  const int64_t units = r.Int("pairing.helper_units");
  if (units == 0) return "";
  const std::string kinds = Join({ClauseOf(r, "pairing.helper_units.town", Count(r, "pairing.helper_units.town") + "镇街"),
                                  ClauseOf(r, "pairing.helper_units.enterprise",
                                           Count(r, "pairing.helper_units.enterprise") + "企业（含市企业、协会、社会组织）"),
                                  ClauseOf(r, "pairing.helper_units.village", Count(r, "pairing.helper_units.village") + "村")},
                                 "、");
  const std::string villages = r.Int("pairing.helped_deep_poverty_villages") > 0
                                   ? Count(r, "pairing.helped_deep_poverty_villages") + "深度贫困村"
                                   : "的村";
  std::string s = "在结对帮扶工作中，" + r.helper_name + kinds + "共" + Count(r, "pairing.helper_units") + "单位与" +
                  r.helped_name + villages + "结成帮扶对子";
  if (r.Int("pairing.aid_fen") > 0) s += "，援助资金累计" + FormatAmount(r.Int("pairing.aid_fen"));
  return s + "。";
}

// "平塘县18所学校、5家医疗机构分别与…": the sides' schools and medical institutions, each kind
// only where it has pairings.
std::string SchoolsAndHospitalsSentence(const Report& r) {
  const std::string helped = Join({ClauseOf(r, "pairing.schools.helped", Count(r, "pairing.schools.helped") + "学校"),
                                   ClauseOf(r, "pairing.medical.helped", Count(r, "pairing.medical.helped") + "医疗机构")},
                                  "、");
  const std::string helper = Join({ClauseOf(r, "pairing.schools.helper", Count(r, "pairing.schools.helper") + "学校"),
                                   ClauseOf(r, "pairing.medical.helper", Count(r, "pairing.medical.helper") + "医疗机构")},
                                  "、");
  if (helped.empty()) return "";
  return r.helped_name + helped + (helper.empty() ? "" : (helper.find("、") != std::string::npos ? "分别与" : "与") + helper) +
         "建立“一对一”或“多对一”结对帮扶关系。";
}

std::string NeedsSentence(const Report& r) {
  if (r.Int("needs.posted") == 0) return "";
  const std::string taken =
      Join({ClauseOf(r, "needs.claimed", r.helper_name + "认领" + Count(r, "needs.claimed")),
            ClauseOf(r, "needs.delivered", "已交付" + Count(r, "needs.delivered")),
            ClauseOf(r, "needs.delivered_value_fen", "价值" + FormatAmount(r.Int("needs.delivered_value_fen")))},
           "，");
  return r.helped_name + "发布需求" + Count(r, "needs.posted") + (taken.empty() ? "" : "，" + taken) + "。";
}

// The two modes: the needs (订单式), the school and hospital pairings and the projects (组团式);
// "" when none has anything to say, so that the section is left out.
std::string ModesParagraphs(const Report& r) {
  const std::string figures = NeedsSentence(r) + SchoolsAndHospitalsSentence(r);
  if (figures.empty() && r.projects.empty()) return "";
  std::string out = "按照“" + Short(r.helped_name) + "所需、" + Short(r.helper_name) +
                    "所能”，两地推行“订单式”帮扶模式和教育加医疗“组团式”攻坚模式。" + figures + "\n";
  for (const ProjectHighlight& p : r.projects) {
    std::string s = "\n- " + p.name;
    if (p.budget_fen > 0) s += "：估算总投入对口帮扶资金" + FormatAmount(p.budget_fen);
    s += "，" + YearMonth(p.start_date) + "开工建设";
    if (!p.end_date.empty()) s += "，" + YearMonthDay(p.end_date) + (p.stage == "in_use" ? "投入使用" : "完工");
    for (const std::string& o : p.outcomes) s += "，" + o;
    out += s + "。";
  }
  return out;
}

std::string InvestmentParagraph(const Report& r) {
  if (r.Int("investment.enterprises") == 0) return "";
  const std::string lead = r.investment_names.empty() ? "" : r.investment_names.front() + "等";
  std::string s = "在招商引资工作中，成功引进" + lead + Count(r, "investment.enterprises") + "企业到" + r.helped_name +
                  "投资兴业";
  if (r.Int("investment.planned_fen") > 0) s += "，计划投资总额" + FormatAmount(r.Int("investment.planned_fen"));
  if (r.Int("investment.actual_fen") > 0) s += "，实际到位" + FormatAmount(r.Int("investment.actual_fen"));
  if (r.Int("investment.jobs") > 0)
    s += "，带动就业" + Count(r, "investment.jobs") +
         ClauseOf(r, "investment.jobs.poverty", "（其中脱贫人口" + Count(r, "investment.jobs.poverty") + "）");
  return s + "。";
}

// The name of the helper side's province (广东省): "到广东省务工".
std::string HelperProvince(const Report& r) {
  const Region* province = RegionCatalog::Embedded().Find(r.helper_region.substr(0, 2) + "0000");
  return province ? std::string(province->name) : "帮扶方省份";
}

// The article's labour sentence ("自平塘县与白云区开展劳务协作以来，共输出1000余名群众到广东省务工，
// 有效推动了贫困人口转移就业。") with the figures counted from the spells, then the platform's
// interviews and placements, stable work and the wage where there are any.
std::string LaborParagraph(const Report& r, const std::string& since) {
  if (r.Int("labor.employed.helper_province") == 0) return "";
  // A period from the pair's beginning reads as the article's "since the cooperation began".
  const bool from_start = r.from.empty() || (!r.established_date.empty() && r.from <= r.established_date);
  std::string s = "在推动劳务协作工作中，" +
                  (from_start ? "自" + r.helped_name + "与" + r.helper_name + "开展劳务协作以来" : since) + "，共输出" +
                  FormatCount(r.Int("labor.employed.helper_province")) + "名群众到" + HelperProvince(r) + "务工";
  if (r.Int("labor.employed.helper_province.poverty") > 0)
    s += "，其中脱贫人口" + FormatCount(r.Int("labor.employed.helper_province.poverty")) + "名，有效推动了贫困人口转移就业";
  s += "。";
  const std::string platform =
      Join({ClauseOf(r, "labor.interviews", "组织面试" + Count(r, "labor.interviews")),
            ClauseOf(r, "labor.placed", "安置就业" + FormatCount(r.Int("labor.placed")) + "名")},
           "、");
  if (!platform.empty()) s += "通过“天眼·就业快递”智慧就业服务平台" + platform + "。";
  const std::string stable =
      Join({ClauseOf(r, "labor.stable_3m", "稳定就业3个月以上的" + FormatCount(r.Int("labor.stable_3m")) + "名"),
            ClauseOf(r, "labor.stable_6m", "6个月以上的" + FormatCount(r.Int("labor.stable_6m")) + "名")},
           "，");
  const std::string wage = ClauseOf(r, "labor.avg_monthly_wage_fen",
                                    "务工人员平均月工资" + FormatAmount(r.Int("labor.avg_monthly_wage_fen")));
  const std::string outcome = Join({stable, wage}, "；");
  return s + (outcome.empty() ? "" : outcome + "。");
}

std::string FundsParagraph(const Report& r, const std::string& since) {
  std::string fiscal;
  if (r.Int("funds.fiscal_fen") > 0) {
    fiscal = r.helper_name + "向" + r.helped_name + "投入财政援助资金" + FormatAmount(r.Int("funds.fiscal_fen"));
    if (r.Int("funds.fiscal_paid_fen") > 0) fiscal += "，已拨付" + FormatAmount(r.Int("funds.fiscal_paid_fen"));
    if (const IndicatorValue* rate = r.Find("funds.fiscal_utilisation_rate"); rate && !IsNull(rate->actual))
      fiscal += "，拨付率" + FigureText(*rate);
  }
  const std::string social = ClauseOf(r, "funds.social_fen", "社会帮扶资金（含捐赠）" + FormatAmount(r.Int("funds.social_fen")));
  const std::string both = Join({fiscal, social}, "；");
  return both.empty() ? "" : since + "，" + both + "。";
}

// The rule of IndicatorValue::target, said where a target is missing.
constexpr const char* kTargetRule = "统计期间须有起止日期，且所涉每一年度均设有该指标的目标；汇总多个帮扶关系时，计入的每个帮扶关系均须如此";

// The comparable targets, then the years of the period without any ("2026年未设目标。"): a
// year with no target reads as such, not as a missing table or a 0% completion.
std::string TargetsTable(const Report& r) {
  std::string out;
  bool partial = false;
  for (const IndicatorValue& v : r.values) {
    if (!v.target && !v.target_partial) continue;
    partial = partial || v.target_partial;
    out += "| " + v.def->label_zh + " | " + (v.target ? TargetText(*v.def, *v.target) : "—") + " | " + FigureText(v) +
           " | " + CompletionText(v) + " |\n";
  }
  const std::string missing = TargetMissingText(r.target_missing_years);
  // Targets are set for a whole pair: a part of it (a town, an organisation) has none to compare.
  if (out.empty() && r.scope.kind != FigureScopeKind::kWholePair) return "年度目标按整个帮扶关系设定，本范围不统计。\n";
  if (out.empty()) return missing.empty() ? "本期间未设定年度目标。\n" : missing + "。\n";
  std::string table = "| 指标 | 目标 | 完成 | 完成率 |\n|---|---|---|---|\n" + out;
  if (!missing.empty()) table += "\n" + missing + "。\n";
  if (partial) table += "\n目标为“—”的指标本期间无可比的年度目标（" + std::string(kTargetRule) + "）。\n";
  return table;
}

// The indicators by their names: the key is the JSON's (and the console shows it on hover).
std::string DetailTable(const Report& r) {
  std::string out = "| 分组 | 指标 | 数值 | 其中脱贫人口 |\n|---|---|---|---|\n";
  for (const IndicatorValue& v : r.values) {
    const std::string figure = v.not_in_scope == ScopeExclusion::kNone ? FigureText(v) : "—（本范围不统计）";
    const std::string poverty = v.poverty ? TargetText(*v.def, *v.poverty) : "—";
    out += "| " + std::string(GroupLabelZh(v.def->group)) + " | " + v.def->label_zh + " | " + figure + " | " + poverty +
           " |\n";
  }
  return out;
}

// The scope line under the header, for a report of part of the pair: whose records it counts
// and, where some ledgers cannot be placed in that scope, which ones and why their figures are "—".
std::string ScopeNote(const Report& r) {
  const std::string scope = FigureScopeText(r.scope);
  if (scope.empty()) return "";
  std::vector<std::string> ledgers;
  ScopeExclusion why = ScopeExclusion::kNone;
  for (const IndicatorValue& v : r.values) {
    if (v.not_in_scope == ScopeExclusion::kNone || v.def->IsRate()) continue;
    why = v.not_in_scope;
    const std::string& label = FindLedger(v.def->ledger)->label_zh;
    if (std::find(ledgers.begin(), ledgers.end(), label) == ledgers.end()) ledgers.push_back(label);
  }
  std::vector<std::string> notes;
  if (!ledgers.empty()) {
    const std::string reason = why == ScopeExclusion::kNoRegionField ? "无所在地" : "的记录不归属单位";
    notes.push_back(Join(ledgers, "、") + "等台账" + reason + "，其指标本范围不统计，记为“—”");
  }
  // A town's or village's pairings and funds are those of its units (a county's reading its city
  // pair: its county pairs' all): one whose units have no 所在地, or a fund naming none, is no town's.
  // Its labour figures are those of the people living there (record_placement.h).
  if (r.scope.kind == FigureScopeKind::kRegion && r.scope.code.size() > 6) {
    notes.push_back("劳务协作按人员的户籍地归入");
    notes.push_back("结对帮扶和帮扶资金按所涉单位的所在地归入，未填单位或所在地的不计入");
  }
  return scope + (notes.empty() ? "" : "（" + Join(notes, "；") + "）") + "\n\n";
}

}  // namespace

std::string RenderReportMarkdown(const Report& r) {
  const std::string since = Since(r.from);
  const std::string period = (r.from.empty() ? "建立以来" : YearMonthDay(r.from)) + "至" +
                             (r.to.empty() ? "今" : YearMonthDay(r.to));
  std::string md = "# " + r.helper_name + "—" + r.helped_name + "东西部协作“223”路径工作报告\n\n";
  // The pair by its two regions' names (广州市白云区—黔南州平塘县); its code only if they are unknown.
  const std::string pair_name = PairDisplayName(RegionCatalog::Embedded(), r.pair);
  md += "帮扶关系：" + (pair_name.empty() ? r.pair : pair_name) + "　统计期间：" + period + "\n\n";
  md += ScopeNote(r);
  // Sections are numbered in order (一、二、…); one with nothing to say (no figure above 0 that the
  // report's scope counts) is left out, and the numbers stay consecutive.
  int section = 0;
  auto heading = [&section](const char* title) {
    static constexpr const char* kNumbers[] = {"一", "二", "三", "四", "五", "六"};
    return "## " + std::string(kNumbers[section++]) + "、" + title + "\n\n";
  };
  const std::pair<const char*, std::string> narrative[] = {
      {"聚集两方力量", Join({LeadershipParagraph(r, since), TalentParagraph(r), PairingParagraph(r)}, "")},
      {"聚焦两种模式", ModesParagraphs(r)},
      {"聚力三个重点", Join({InvestmentParagraph(r), LaborParagraph(r, since)}, "")},
      {"资金支持", FundsParagraph(r, since)}};
  bool any = false;
  for (const auto& [title, text] : narrative) {
    if (text.empty()) continue;
    md += heading(title) + text + "\n\n";
    any = true;
  }
  if (!any) md += "本期间无可统计的记录。\n\n";
  md += heading("年度目标完成情况") + TargetsTable(r) + "\n";
  md += "## 附：指标明细\n\n" + DetailTable(r);
  return md;
}

}  // namespace shanhai

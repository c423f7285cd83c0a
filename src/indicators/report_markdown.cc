// The Chinese narrative. Sentences follow the article's shapes ("2016年以来，两地党委、政府开展
// 交流互访、实地考察共19批229人次，召开党政联席会议7次。"); a clause whose figures are all zero
// is left out rather than printed as "0名", and so is one whose figures the report's scope does not
// count (a town's report says which ledgers under its header: ScopeNote).
#include <algorithm>

#include "common/money.h"
#include "indicators/report.h"
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


// Each clause only where its figures are counted for the report's scope (a town's clerk: the
// meetings held in the town, but no visits, which no region places).
std::string LeadershipParagraph(const Report& r, const std::string& since) {
  std::vector<std::string> parts;
  if (r.Counted("leadership.visit_batches"))
    parts.push_back("两地党委、政府开展交流互访、实地考察共" + N(r.Int("leadership.visit_batches")) + "批" +
                    N(r.Int("leadership.visit_person_times")) + "人次");
  if (r.Counted("leadership.joint_meetings")) parts.push_back("召开党政联席会议" + N(r.Int("leadership.joint_meetings")) + "次");
  if (r.Int("leadership.agreements") > 0) parts.push_back("签订各类帮扶协议" + N(r.Int("leadership.agreements")) + "份");
  return parts.empty() ? "" : since + "，" + Join(parts, "，") + "。";
}

std::string SecondmentList(const Report& r, const std::string& direction, bool with_county_level) {
  const std::string k = "talent.secondment.";
  std::string cadre = Clause(r.Int(k + "cadre." + direction), "党政干部" + N(r.Int(k + "cadre." + direction)) + "名");
  if (with_county_level && !cadre.empty() && r.Int(k + "cadre.to_helped.county_level") > 0)
    cadre += "（含县处级" + N(r.Int(k + "cadre.to_helped.county_level")) + "人）";
  return Join({cadre, Clause(r.Int(k + "doctor." + direction), "医生" + N(r.Int(k + "doctor." + direction)) + "名"),
               Clause(r.Int(k + "teacher." + direction), "教师" + N(r.Int(k + "teacher." + direction)) + "名"),
               Clause(r.Int(k + "technician." + direction),
                      "其他专业技术人才" + N(r.Int(k + "technician." + direction)) + "名")},
              "、");
}

std::string TalentParagraph(const Report& r) {
  std::vector<std::string> parts;
  const std::string east = SecondmentList(r, "to_helped", true);
  const std::string west = SecondmentList(r, "to_helper", false);
  if (!east.empty()) parts.push_back(r.helper_name + "共派驻" + r.helped_name + "挂职" + east);
  if (!west.empty()) parts.push_back(r.helped_name + "选派到" + r.helper_name + "挂职锻炼" + west);
  const std::string t = "talent.training.";
  auto sessions = [&](const char* c) { return r.Int(t + c + ".sessions"); };
  auto persons = [&](const char* c) { return r.Int(t + c + ".person_times"); };
  const std::string trainings = Join(
      {Clause(persons("cadre"), "开展党政干部培训" + N(sessions("cadre")) + "期" + N(persons("cadre")) + "人次"),
       Clause(persons("professional"), "医生、教师等专业技术人才培训" + N(sessions("professional")) + "期" +
                                            N(persons("professional")) + "人次"),
       Clause(persons("leader"), "开展致富带头人培训" + N(persons("leader")) + "人"),
       Clause(persons("disabled"), "举办残疾人创业（就业）培训班" + N(sessions("disabled")) + "期" +
                                       N(persons("disabled")) + "人"),
       Clause(persons("labor_skill"), "开展劳动力技能培训" + N(sessions("labor_skill")) + "期" +
                                          N(persons("labor_skill")) + "人次")},
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
  const std::string kinds = Join({Clause(r.Int("pairing.helper_units.town"), N(r.Int("pairing.helper_units.town")) + "个镇街"),
                                  Clause(r.Int("pairing.helper_units.enterprise"),
                                         N(r.Int("pairing.helper_units.enterprise")) + "个企业（含市企业、协会、社会组织）"),
                                  Clause(r.Int("pairing.helper_units.village"), N(r.Int("pairing.helper_units.village")) + "个村")},
                                 "、");
  std::string s = "在结对帮扶工作中，" + r.helper_name + kinds + "共" + N(units) + "个单位与" + r.helped_name +
                  N(r.Int("pairing.helped_deep_poverty_villages")) + "个深度贫困村结成帮扶对子";
  if (r.Int("pairing.aid_fen") > 0) s += "，援助资金累计" + FormatAmount(r.Int("pairing.aid_fen"));
  return s + "。";
}

std::string ModesParagraphs(const Report& r) {
  std::string out = "按照“" + Short(r.helped_name) + "所需、" + Short(r.helper_name) +
                    "所能”，两地推行“订单式”帮扶模式和教育加医疗“组团式”攻坚模式。";
  if (r.Int("needs.posted") > 0)
    out += r.helped_name + "发布需求" + N(r.Int("needs.posted")) + "项，" + r.helper_name + "认领" +
           N(r.Int("needs.claimed")) + "项，已交付" + N(r.Int("needs.delivered")) + "项，价值" +
           FormatAmount(r.Int("needs.delivered_value_fen")) + "。";
  if (r.Int("pairing.schools.helped") + r.Int("pairing.medical.helped") > 0)
    out += r.helped_name + N(r.Int("pairing.schools.helped")) + "所学校、" + N(r.Int("pairing.medical.helped")) +
           "家医疗机构分别与" + N(r.Int("pairing.schools.helper")) + "所学校、" + N(r.Int("pairing.medical.helper")) +
           "家医疗机构建立“一对一”或“多对一”结对帮扶关系。";
  out += "\n";
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
  const int64_t n = r.Int("investment.enterprises");
  if (n == 0) return "";
  const std::string lead = r.investment_names.empty() ? "" : r.investment_names.front() + "等";
  std::string s = "在招商引资工作中，成功引进" + lead + N(n) + "家企业到" + r.helped_name + "投资兴业，计划投资总额" +
                  FormatAmount(r.Int("investment.planned_fen"));
  if (r.Int("investment.actual_fen") > 0) s += "，实际到位" + FormatAmount(r.Int("investment.actual_fen"));
  if (r.Int("investment.jobs") > 0)
    s += "，带动就业" + N(r.Int("investment.jobs")) + "人（其中脱贫人口" + N(r.Int("investment.jobs.poverty")) + "人）";
  return s + "。";
}

std::string FundsParagraph(const Report& r, const std::string& since) {
  if (r.Int("funds.fiscal_fen") + r.Int("funds.social_fen") == 0) return "";
  std::string s = since + "，" + r.helper_name + "向" + r.helped_name + "投入财政援助资金" +
                  FormatAmount(r.Int("funds.fiscal_fen")) + "，已拨付" + FormatAmount(r.Int("funds.fiscal_paid_fen"));
  if (const IndicatorValue* rate = r.Find("funds.fiscal_utilisation_rate"); rate && !IsNull(rate->actual))
    s += "，拨付率" + FigureText(*rate);
  return s + "；社会帮扶资金（含捐赠）" + FormatAmount(r.Int("funds.social_fen")) + "。";
}

// The rule of IndicatorValue::target, said where a target is missing.
constexpr const char* kTargetRule = "统计期间须有起止日期，且所涉每一年度均设有该指标的目标；汇总多个帮扶关系时，计入的每个帮扶关系均须如此";

std::string TargetsTable(const Report& r) {
  std::string out;
  bool partial = false;
  for (const IndicatorValue& v : r.values) {
    if (!v.target && !v.target_partial) continue;
    partial = partial || v.target_partial;
    out += "| " + v.def->label_zh + " | " + (v.target ? TargetText(*v.def, *v.target) : "—") + " | " + FigureText(v) +
           " | " + CompletionText(v) + " |\n";
  }
  // Targets are set for a whole pair: a part of it (a town, an organisation) has none to compare.
  if (out.empty())
    return std::string(r.scope.kind == FigureScopeKind::kWholePair ? "本期间未设定年度目标。\n"
                                                                     : "年度目标按整个帮扶关系设定，本范围不统计。\n");
  std::string table = "| 指标 | 目标 | 完成 | 完成率 |\n|---|---|---|---|\n" + out;
  if (partial) table += "\n目标为“—”的指标本期间无可比的年度目标（" + std::string(kTargetRule) + "）。\n";
  return table;
}

std::string DetailTable(const Report& r) {
  std::string out = "| 分组 | 指标 | 代码 | 数值 | 其中脱贫人口 |\n|---|---|---|---|---|\n";
  for (const IndicatorValue& v : r.values) {
    const std::string figure = v.not_in_scope == ScopeExclusion::kNone ? FigureText(v) : "—（本范围不统计）";
    out += "| " + std::string(GroupLabelZh(v.def->group)) + " | " + v.def->label_zh + " | `" + v.def->key + "` | " +
           figure + " | " + (v.poverty ? N(*v.poverty) : "—") + " |\n";
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
  if (ledgers.empty()) return scope + "\n\n";
  const std::string reason = why == ScopeExclusion::kNoRegionField ? "无所在地" : "的记录不归属单位";
  return scope + "（" + Join(ledgers, "、") + "等台账" + reason + "，其指标本范围不统计，记为“—”）\n\n";
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
  // Sections are numbered in order (一、二、…), 资金支持 left out when it has nothing to say.
  int section = 0;
  auto heading = [&section](const char* title) {
    static constexpr const char* kNumbers[] = {"一", "二", "三", "四", "五", "六"};
    return "## " + std::string(kNumbers[section++]) + "、" + title + "\n\n";
  };
  const std::string forces = Join({LeadershipParagraph(r, since), TalentParagraph(r), PairingParagraph(r)}, "");
  md += heading("聚集两方力量") + (forces.empty() ? "本期间无可统计的记录。" : forces) + "\n\n";
  md += heading("聚焦两种模式") + ModesParagraphs(r) + "\n\n";
  md += heading("聚力三个重点");
  const std::string investment = InvestmentParagraph(r);
  const IndicatorValue* enterprises = r.Find("investment.enterprises");
  if (!investment.empty()) md += investment + "\n\n";
  else if (enterprises && enterprises->not_in_scope != ScopeExclusion::kNone)
    md += std::string("招商引资") + NotInScopeText(enterprises->not_in_scope) + "。\n\n";
  else md += "本期间无招商引资记录。\n\n";
  const std::string funds = FundsParagraph(r, since);
  if (!funds.empty()) md += heading("资金支持") + funds + "\n\n";
  md += heading("年度目标完成情况") + TargetsTable(r) + "\n";
  md += "## 附：指标明细\n\n" + DetailTable(r);
  return md;
}

}  // namespace shanhai

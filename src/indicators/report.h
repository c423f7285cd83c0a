// The "223" report of a pair and period: every indicator with target and completion, plus
// the project and investment highlights the narrative names. Renderers turn it into JSON,
// Chinese Markdown (sentences shaped like the article's) and an xlsx table.
#pragma once

#include <string>
#include <vector>

#include "indicators/figure_scope.h"
#include "indicators/indicator_engine.h"

namespace shanhai {

struct ProjectHighlight {
  std::string name, category, stage, start_date, end_date;
  int64_t budget_fen = 0;
  std::vector<std::string> outcomes;  // "累计收治胸痛病人3843例"
};

struct Report {
  std::string pair, from, to;
  std::string helper_name, helped_name;  // short names: 白云区, 平塘县
  std::string helper_region;             // the pair's helper side: "440111"
  std::string established_date;          // the pair's (ISO; "" if not recorded or not the actor's to list)
  FigureScope scope;                     // whose records the figures count, when not the whole pair's
  std::vector<IndicatorValue> values;
  std::vector<ProjectHighlight> projects;   // education/medical/in-use projects, largest budget first
  std::vector<std::string> investment_names;  // largest planned investment first
  std::vector<int64_t> target_missing_years;  // IndicatorEngine::TargetMissingYears, oldest first

  // The value of a key (0 if absent or not counted); "<key>.poverty" gives the sub-count.
  int64_t Int(const std::string& key) const;
  const IndicatorValue* Find(const std::string& key) const;
};

// The report of pair over period. Errors: as IndicatorEngine::ComputeAll; PermissionDenied
// (naming them) unless the actor may list every ledger the report reads.
Result<Report> BuildReport(LedgerService& service, const Actor& actor, const PairScope& pair, const Period& period);

// {"pair":…,"from":…,"to":…,"scope":…,"scope_kind":…,"scope_name":…,"indicators":{KEY: VALUE,…},
// "details":{KEY:{label,unit,target,completion,…}}}
// "<key>.poverty" keys carry the 其中脱贫人口 sub-counts; "target_missing_years" the years of the
// period without an annual target (Report::target_missing_years). scope, scope_kind and scope_name are the
// report's FigureScope (null for the whole pair); a figure not counted for it has the value null
// and "not_in_scope": true with "not_in_scope_reason" (ScopeExclusionName) in its details.
// Each detail also carries "text", "target_text" and "completion_text": the figure, its target and
// completion as the report prints them (FigureText, TargetText, CompletionText; null without a target),
// and "target_partial" (IndicatorValue::target_partial).
std::string RenderReportJson(const Report& report);
std::string RenderReportMarkdown(const Report& report);
Status WriteReportXlsx(const Report& report, const std::string& path);

// A figure as the report prints it: money by FormatAmount ("1,033.98万元", "70.12亿元"), a rate
// by FormatPercent ("100.00%"), a count as the console writes it, with
// the catalogue's unit ("1,036人次", "19批"); "—" when it has no value.
std::string FigureText(const IndicatorValue& v);
// A target of that indicator printed the same way.
std::string TargetText(const IndicatorDef& def, int64_t target);
// The years without an annual target (oldest first) as the report says them, consecutive years as
// one run: "2026年未设目标", "2016–2018年、2021年未设目标"; "" for none. (targetMissingText in
// web/src/utils/indicators.ts says the same, and in English "No target set for 2016–2018, 2021".)
std::string TargetMissingText(const std::vector<int64_t>& years);
// The completion rate by FormatPercent ("262.50%"); "—" without one (no target for the period).
std::string CompletionText(const IndicatorValue& v);

}  // namespace shanhai

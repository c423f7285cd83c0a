#include "indicators/report.h"

#include <algorithm>
#include "common/money.h"
#include "common/percent.h"
#include "indicators/indicator_engine.h"
#include "regions/region_catalog.h"

namespace shanhai {

std::string FigureText(const IndicatorValue& v) {
  if (IsNull(v.actual)) return "—";
  if (v.def->IsRate()) return FormatPercent(std::get<double>(v.actual));
  return TargetText(*v.def, AsInt(v.actual));
}

std::string TargetText(const IndicatorDef& def, int64_t target) {
  return def.money ? FormatAmount(target) : FormatCount(target) + def.unit_zh;
}

std::string TargetMissingText(const std::vector<int64_t>& years) {
  std::string out;
  for (size_t i = 0; i < years.size();) {
    size_t j = i;  // the last year of the run of consecutive years from years[i]
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
    out += (out.empty() ? "" : "、") + std::to_string(years[i]) + (j > i ? "–" + std::to_string(years[j]) : "") + "年";
    i = j + 1;
  }
  return out.empty() ? out : out + "未设目标";
}

std::string CompletionText(const IndicatorValue& v) { return v.completion ? FormatPercent(*v.completion) : "—"; }

const IndicatorValue* Report::Find(const std::string& key) const {
  for (const IndicatorValue& v : values)
    if (v.def->key == key) return &v;
  return nullptr;
}

int64_t Report::Int(const std::string& key) const {
  if (key.ends_with(".poverty")) {
    const IndicatorValue* v = Find(key.substr(0, key.size() - 8));
    return v && v->poverty ? *v->poverty : 0;
  }
  const IndicatorValue* v = Find(key);
  return v && !IsNull(v->actual) ? AsInt(v->actual) : 0;
}

namespace {

std::string ShortName(const std::string& code) {
  const Region* r = RegionCatalog::Embedded().Find(code);
  return r ? std::string(r->name) : code;
}

// The records of a pair in a period, in the given order.
ListRequest PeriodRequest(const PairScope& pair, const Period& period, std::string sort, int64_t page_size) {
  ListRequest request;
  request.pair = pair;
  request.date_from = period.from;
  request.date_to = period.to;
  request.sort = std::move(sort);
  request.page_size = page_size;
  request.count_total = false;  // the report lists records; it never shows how many a list holds
  return request;
}

Result<std::vector<ProjectHighlight>> ProjectHighlights(LedgerService& service, const Actor& actor,
                                                        const PairScope& pair, const Period& period) {
  SH_ASSIGN_OR_RETURN(RecordPage projects, service.List(actor, *FindLedger("projects"),
                                                       PeriodRequest(pair, period, "-budget_fen", 1000)));
  std::vector<ProjectHighlight> out;
  for (const Record& p : projects.records) {
    const std::string category = AsText(*p.Get("category"));
    const std::string stage = AsText(*p.Get("stage"));
    if (category != "education" && category != "medical" && stage != "in_use") continue;
    ProjectHighlight h{AsText(*p.Get("name")), category, stage, AsText(*p.Get("start_date")),
                       AsText(*p.Get("end_date")), AsInt(*p.Get("budget_fen")), {}};
    ListRequest outcomes_request;
    outcomes_request.equals = {{"project_id", std::to_string(p.id)}};
    outcomes_request.date_to = period.to;
    outcomes_request.page_size = 100;
    SH_ASSIGN_OR_RETURN(RecordPage outcomes, service.List(actor, *FindLedger("outcomes"), outcomes_request));
    for (const Record& o : outcomes.records)
      h.outcomes.push_back(AsText(*o.Get("metric")) + FormatCount(AsInt(*o.Get("value"))) + AsText(*o.Get("unit")));
    out.push_back(std::move(h));
    if (out.size() == 5) break;
  }
  return out;
}

Result<std::vector<std::string>> InvestmentNames(LedgerService& service, const Actor& actor, const PairScope& pair,
                                                 const Period& period) {
  // The three largest planned investments. The databases order an empty 计划投资 differently
  // (SQLite last, PostgreSQL first when descending), so the empties are put last here: the report
  // names the same enterprises on both.
  SH_ASSIGN_OR_RETURN(RecordPage page, service.List(actor, *FindLedger("investments"),
                                                   PeriodRequest(pair, period, "-planned_fen", 1000)));
  std::stable_partition(page.records.begin(), page.records.end(), [](const Record& r) {
    const Value* planned = r.Get("planned_fen");
    return planned && !IsNull(*planned);
  });
  std::vector<std::string> names;
  for (const Record& r : page.records) {
    if (names.size() == 3) break;
    names.push_back(AsText(*r.Get("enterprise_name")));
  }
  return names;
}

// The day the pair was established, which the narrative's "自…开展劳务协作以来" reads; "" when
// the pair's record has none or the actor may not list pairs (the narrative then dates its figures
// by the period). Errors: the database's.
Result<std::string> EstablishedDate(LedgerService& service, const Actor& actor, const PairScope& pair) {
  const LedgerDef& pairs = *FindLedger("pairs");
  if (!Authorize(actor, LedgerPermission(pairs, "list")).ok()) return std::string();
  ListRequest request;
  request.equals = {{"code", pair.code()}};
  request.page_size = 1;
  request.count_total = false;
  SH_ASSIGN_OR_RETURN(RecordPage page, service.List(actor, pairs, request));
  const Value* date = page.records.empty() ? nullptr : page.records[0].Get("established_date");
  return date && !IsNull(*date) ? AsText(*date) : std::string();
}

// The report states every figure and names projects and investments: unlike the figures alone
// (which withhold what the actor may not list), it needs the list permission of every ledger
// it reads. Errors: PermissionDenied naming those it lacks.
Status AuthorizeWholeReport(const Actor& actor) {
  std::vector<const LedgerDef*> ledgers = IndicatorEngine::LedgersRead();
  for (const char* listed : {"projects", "outcomes", "investments"})
    if (std::find(ledgers.begin(), ledgers.end(), FindLedger(listed)) == ledgers.end())
      ledgers.push_back(FindLedger(listed));
  std::string missing_zh, missing_en;
  for (const LedgerDef* def : ledgers) {
    if (Authorize(actor, LedgerPermission(*def, "list")).ok()) continue;
    missing_zh += (missing_zh.empty() ? "" : "、") + def->label_zh;
    missing_en += (missing_en.empty() ? "" : ", ") + def->label_en + " (" + LedgerPermission(*def, "list") + ")";
  }
  if (missing_zh.empty()) return Status::Ok();
  return Status::PermissionDenied("报告汇总全部台账，您无权查看：" + missing_zh,
                                  "the report draws on every ledger; you lack " + missing_en);
}

}  // namespace

Result<Report> BuildReport(LedgerService& service, const Actor& actor, const PairScope& pair, const Period& period) {
  IndicatorEngine engine(service);
  Report report;
  SH_RETURN_IF_ERROR(AuthorizeWholeReport(actor));
  SH_ASSIGN_OR_RETURN(report.values, engine.ComputeAll(actor, pair, period));
  SH_ASSIGN_OR_RETURN(report.target_missing_years, engine.TargetMissingYears(actor, pair, period));
  report.pair = pair.code();
  report.from = period.from;
  report.to = period.to;
  report.helper_name = ShortName(pair.helper_region());
  report.helped_name = ShortName(pair.helped_region());
  report.helper_region = pair.helper_region();
  SH_ASSIGN_OR_RETURN(report.established_date, EstablishedDate(service, actor, pair));
  SH_ASSIGN_OR_RETURN(report.scope, FigureScopeOf(service, actor, pair));
  SH_ASSIGN_OR_RETURN(report.projects, ProjectHighlights(service, actor, pair, period));
  SH_ASSIGN_OR_RETURN(report.investment_names, InvestmentNames(service, actor, pair, period));
  return report;
}

}  // namespace shanhai

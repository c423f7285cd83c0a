// /api/v1/indicators and /api/v1/report: the catalogue, computed values with target and
// completion, the records behind a figure (listed or exported), and the report as JSON, Markdown or xlsx.
#include "domain/ledger/record_json.h"
#include "domain/ledger/record_names.h"
#include "http/handlers/handlers.h"
#include "http/handlers/ledger_request.h"
#include "http/handlers/spreadsheet_format.h"
#include "http/handlers/temp_file.h"
#include "http/json_io.h"
#include "indicators/report.h"

namespace shanhai {

namespace {

Period PeriodOf(const HttpRequest& r) { return Period{QueryText(r, "from"), QueryText(r, "to")}; }

// ?pair=, which every figure needs: a code or a name (QueryPairScope).
Result<PairScope> PairOf(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(std::optional<PairScope> pair, QueryPairScope(ctx));
  if (!pair) return PairScope::Parse("");  // its error says how a pair is written
  return *std::move(pair);
}

}  // namespace

namespace handlers {

Result<Reply> IndicatorCatalogue(RequestContext&) {
  boost::json::array items;
  for (const IndicatorDef& d : shanhai::IndicatorCatalogue())
    items.push_back({{"key", d.key}, {"group", GroupKey(d.group)}, {"group_label_zh", GroupLabelZh(d.group)},
                     {"label_zh", d.label_zh}, {"label_en", d.label_en}, {"full_label_zh", FullLabelZh(d)},
                     {"full_label_en", FullLabelEn(d)}, {"unit", d.money ? "fen" : d.unit_zh},
                     {"definition_zh", d.definition_zh}, {"ledger", d.ledger}, {"has_poverty", d.HasPoverty()},
                     {"is_rate", d.IsRate()}, {"headline", d.headline}});
  return Reply::Json(boost::json::object{{"items", std::move(items)}});
}

Result<Reply> IndicatorValues(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(PairScope pair, PairOf(ctx));
  IndicatorEngine engine(ctx.conn.ledgers());
  SH_ASSIGN_OR_RETURN(std::vector<IndicatorValue> values, engine.ComputeAll(ctx.actor, pair, PeriodOf(ctx.request)));
  SH_ASSIGN_OR_RETURN(std::vector<int64_t> missing, engine.TargetMissingYears(ctx.actor, pair, PeriodOf(ctx.request)));
  SH_ASSIGN_OR_RETURN(FigureScope scope, FigureScopeOf(ctx.conn.ledgers(), ctx.actor, pair));
  boost::json::array items;
  for (const IndicatorValue& v : values) {
    boost::json::object item{{"key", v.def->key}, {"value", ValueToJson(v.actual)}, {"withheld", v.withheld},
                             {"poverty", v.poverty ? boost::json::value(*v.poverty) : nullptr},
                             {"target", v.target ? boost::json::value(*v.target) : nullptr},
                             {"target_partial", v.target_partial},
                             {"completion_percent", v.completion ? boost::json::value(*v.completion) : nullptr}};
    AddScopeExclusionJson(v.not_in_scope, item);
    items.push_back(std::move(item));
  }
  boost::json::object body{{"pair", pair.code()}, {"from", QueryText(ctx.request, "from")},
                           {"to", QueryText(ctx.request, "to")}};
  AddFigureScopeJson(scope, body);
  body["items"] = std::move(items);
  body["target_missing_years"] = boost::json::value_from(missing);
  return Reply::Json(std::move(body));
}

Result<Reply> IndicatorRecords(RequestContext& ctx) {
  const std::string key(ctx.request.PathParam("key").value_or(""));
  SH_ASSIGN_OR_RETURN(PageParams paging, QueryPage(ctx.request, 20, kMaxListPageSize));
  SH_ASSIGN_OR_RETURN(PairScope pair, PairOf(ctx));
  IndicatorEngine engine(ctx.conn.ledgers());
  SH_ASSIGN_OR_RETURN(RecordPage records,
                      engine.RecordsBehind(ctx.actor, key, pair, PeriodOf(ctx.request), paging.page, paging.page_size));
  SH_ASSIGN_OR_RETURN(IndicatorSelection selection, engine.Select(key));
  const LedgerDef& def = *FindLedger(selection.def->ledger);
  // Named as the ledger's own list names its records (pair and regions by name).
  boost::json::object body = PageJson(def, records, paging.page, paging.page_size,
                                      [&](const Record& record) { return RegionLabelMembers(def, record); });
  body["ledger"] = def.name;
  body["module"] = def.module;
  return Reply::Json(body);
}

Result<Reply> IndicatorTrend(RequestContext& ctx) {
  const std::string key(ctx.request.PathParam("key").value_or(""));
  SH_ASSIGN_OR_RETURN(PairScope pair, PairOf(ctx));
  SH_ASSIGN_OR_RETURN(int64_t first, QueryInt(ctx.request, "from_year", 0));
  SH_ASSIGN_OR_RETURN(int64_t last, QueryInt(ctx.request, "to_year", 0));
  IndicatorEngine engine(ctx.conn.ledgers());
  SH_ASSIGN_OR_RETURN(IndicatorEngine::Yearly yearly, engine.ByYear(ctx.actor, key, pair, first, last));
  // A figure not counted for the scope has a year for each of first..last, but no value.
  boost::json::array items;
  for (int64_t year = first; year <= last; ++year) {
    const size_t i = static_cast<size_t>(year - first);
    items.push_back({{"year", year}, {"value", i < yearly.values.size() ? boost::json::value(yearly.values[i]) : nullptr}});
  }
  boost::json::object body{{"key", key}, {"pair", pair.code()}};
  AddScopeExclusionJson(yearly.not_in_scope, body);
  body["items"] = std::move(items);
  return Reply::Json(std::move(body));
}

Result<Reply> ExportIndicatorRecords(RequestContext& ctx) {
  const std::string key(ctx.request.PathParam("key").value_or(""));
  SH_ASSIGN_OR_RETURN(SpreadsheetFile file, SpreadsheetFormat(ctx.request));
  SH_ASSIGN_OR_RETURN(PairScope pair, PairOf(ctx));
  IndicatorEngine engine(ctx.conn.ledgers());
  SH_ASSIGN_OR_RETURN(IndicatorSelection selection, engine.Select(key));
  TempFile out(file.extension());
  SH_RETURN_IF_ERROR(out.Written(engine.ExportBehind(ctx.actor, key, pair, PeriodOf(ctx.request), out.path()).status()));
  SH_ASSIGN_OR_RETURN(std::string bytes, out.Read());
  const std::string name = selection.def->label_zh + (key.ends_with(".poverty") ? "（其中脱贫人口）" : "") + "明细";
  return Reply::File(std::move(bytes), file.content_type(), name + file.extension());
}

Result<Reply> ReportDocument(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(PairScope pair, PairOf(ctx));
  SH_ASSIGN_OR_RETURN(Report report, BuildReport(ctx.conn.ledgers(), ctx.actor, pair, PeriodOf(ctx.request)));
  const std::string format = QueryText(ctx.request, "format");
  const std::string name = "223报告-" + report.pair;
  if (format == "md") return Reply::File(RenderReportMarkdown(report), "text/markdown; charset=utf-8", name + ".md");
  if (format == "xlsx") {
    TempFile out(".xlsx");
    SH_RETURN_IF_ERROR(out.Written(WriteReportXlsx(report, out.path())));
    SH_ASSIGN_OR_RETURN(std::string bytes, out.Read());
    return Reply::File(std::move(bytes), kXlsxType, name + ".xlsx");
  }
  if (format == "markdown_text") return Reply::Json(boost::json::object{{"markdown", RenderReportMarkdown(report)}});
  return Reply::JsonText(RenderReportJson(report));
}

}  // namespace handlers

}  // namespace shanhai

// /api/v1/indicators and /api/v1/report: the catalogue, computed values with target and
// completion, the records behind a figure, and the report as JSON, Markdown or xlsx.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "domain/ledger/record_json.h"
#include "http/api_app.h"
#include "http/json_io.h"
#include "indicators/report.h"
#include "security/tokens.h"

namespace shanhai {

namespace {

constexpr const char* kReadIndicators = "indicators:report:read";

Period PeriodOf(const HttpRequest& r) { return Period{QueryText(r, "from"), QueryText(r, "to")}; }

HttpResponse Catalogue(RequestContext&) {
  boost::json::array items;
  for (const IndicatorDef& d : IndicatorCatalogue())
    items.push_back({{"key", d.key}, {"group", GroupKey(d.group)}, {"group_label_zh", GroupLabelZh(d.group)},
                     {"label_zh", d.label_zh}, {"label_en", d.label_en}, {"unit", d.money ? "fen" : d.unit_zh},
                     {"definition_zh", d.definition_zh}, {"ledger", d.ledger}, {"has_poverty", !d.poverty_aggregate.empty()},
                     {"is_rate", d.IsRate()}});
  return JsonResponse(boost::json::object{{"items", std::move(items)}});
}

HttpResponse Values(RequestContext& ctx) {
  IndicatorEngine engine(ctx.conn.ledgers());
  Result<std::vector<IndicatorValue>> values = engine.ComputeAll(ctx.actor, QueryText(ctx.request, "pair"), PeriodOf(ctx.request));
  if (!values.ok()) return HttpResponse::FromStatus(values.status());
  boost::json::array items;
  for (const IndicatorValue& v : *values)
    items.push_back({{"key", v.def->key}, {"value", ValueToJson(v.actual)},
                     {"poverty", v.poverty ? boost::json::value(*v.poverty) : nullptr},
                     {"target", v.target ? boost::json::value(*v.target) : nullptr},
                     {"completion_percent", v.completion ? boost::json::value(*v.completion) : nullptr}});
  return JsonResponse(boost::json::object{{"pair", QueryText(ctx.request, "pair")}, {"from", QueryText(ctx.request, "from")},
                                          {"to", QueryText(ctx.request, "to")}, {"items", std::move(items)}});
}

HttpResponse Records(RequestContext& ctx) {
  const std::string key(ctx.request.PathParam("key").value_or(""));
  Result<PageParams> paging = QueryPage(ctx.request, 20, kMaxListPageSize);
  if (!paging.ok()) return HttpResponse::FromStatus(paging.status());
  IndicatorEngine engine(ctx.conn.ledgers());
  Result<RecordPage> records = engine.RecordsBehind(ctx.actor, key, QueryText(ctx.request, "pair"), PeriodOf(ctx.request),
                                                    paging->page, paging->page_size);
  if (!records.ok()) return HttpResponse::FromStatus(records.status());
  const std::string base = key.ends_with(".poverty") ? key.substr(0, key.size() - 8) : key;
  const LedgerDef& def = *FindLedger(FindIndicator(base)->ledger);
  boost::json::object body = PageJson(def, *records, paging->page, paging->page_size);
  body["ledger"] = def.name;
  body["module"] = def.module;
  return JsonResponse(body);
}

HttpResponse ReportDocument(RequestContext& ctx) {
  Result<Report> report = BuildReport(ctx.conn.ledgers(), ctx.actor, QueryText(ctx.request, "pair"), PeriodOf(ctx.request));
  if (!report.ok()) return HttpResponse::FromStatus(report.status());
  const std::string format = QueryText(ctx.request, "format");
  const std::string name = "223报告-" + report->pair;
  if (format == "md") return FileResponse(RenderReportMarkdown(*report), "text/markdown; charset=utf-8", name + ".md");
  if (format == "xlsx") {
    const std::string path = (std::filesystem::temp_directory_path() / ("shanhai-report-" + NewToken() + ".xlsx")).string();
    Status s = WriteReportXlsx(*report, path);
    if (!s.ok()) return HttpResponse::FromStatus(s);
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::filesystem::remove(path);
    return FileResponse(bytes.str(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
  }
  if (format == "markdown_text") return HttpResponse::Json(200, boost::json::serialize(boost::json::object{{"markdown", RenderReportMarkdown(*report)}}));
  return HttpResponse::Json(200, RenderReportJson(*report));
}

}  // namespace

void AddIndicatorRoutes(std::vector<ApiRoute>& routes) {
  routes.push_back({"GET", "/api/v1/indicators/catalogue", kSession, Catalogue, "指标目录（代码、名称、单位、定义）"});
  routes.push_back({"GET", "/api/v1/indicators", kReadIndicators, Values,
                    "指标值（?pair=440111-522727&from=&to=），含目标与完成率"});
  routes.push_back({"GET", "/api/v1/indicators/{key}/records", kReadIndicators, Records, "指标背后的记录（钻取）"});
  routes.push_back({"GET", "/api/v1/report", kReadIndicators, ReportDocument,
                    "“223”报告（?format=json|md|xlsx|markdown_text）"});
}

}  // namespace shanhai

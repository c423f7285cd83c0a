// /api/v1/admin/audit: the audit administrator's view of the audit log — the entries
// (filtered), their export as a spreadsheet, and the verification of the hash chain.
#include "http/api_app.h"
#include "http/handlers/temp_file.h"
#include "http/json_io.h"

namespace shanhai {

namespace {

constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The list's filter from the query string (?actor=&action=&ledger=&from=&to=&record_id=&page=&page_size=).
Result<AuditFilter> FilterFrom(const HttpRequest& request) {
  AuditFilter f;
  f.actor = QueryText(request, "actor");
  f.action = QueryText(request, "action");
  f.ledger = QueryText(request, "ledger");
  f.from = QueryText(request, "from");
  f.to = QueryText(request, "to");
  SH_ASSIGN_OR_RETURN(f.record_id, QueryInt(request, "record_id", 0));
  SH_ASSIGN_OR_RETURN(PageParams paging, QueryPage(request, 50, 500));
  f.page = paging.page;
  f.page_size = paging.page_size;
  return f;
}

HttpResponse ListAudit(RequestContext& ctx) {
  Result<AuditFilter> f = FilterFrom(ctx.request);
  if (!f.ok()) return HttpResponse::FromStatus(f.status());
  Result<std::pair<int64_t, std::vector<AuditEntry>>> found = ctx.conn.ledgers().audit().Find(*f);
  if (!found.ok()) return HttpResponse::FromStatus(found.status());
  boost::json::array items;
  for (const AuditEntry& e : found->second)
    items.push_back({{"id", e.id}, {"seq", e.seq}, {"at", e.at}, {"actor", e.actor}, {"action", e.action},
                     {"ledger", e.ledger}, {"record_id", e.record_id}, {"helped_region", e.helped_region},
                     {"before", e.before_json}, {"after", e.after_json}, {"detail", e.detail}, {"remote", e.remote}});
  return JsonResponse(boost::json::object{{"total", found->first}, {"page", f->page}, {"page_size", f->page_size},
                                          {"items", std::move(items)}});
}

HttpResponse ExportAudit(RequestContext& ctx) {
  Result<AuditFilter> f = FilterFrom(ctx.request);
  if (!f.ok()) return HttpResponse::FromStatus(f.status());
  const bool csv = QueryText(ctx.request, "format") == "csv";
  TempFile out(csv ? ".csv" : ".xlsx");
  Result<int64_t> n = ctx.conn.ledgers().audit().Export(ctx.actor, *f, out.path());
  if (!n.ok()) return HttpResponse::FromStatus(n.status());
  Result<std::string> bytes = ReadWholeFile(out.path());
  if (!bytes.ok()) return HttpResponse::FromStatus(bytes.status());
  return FileResponse(std::move(bytes).value(), csv ? "text/csv; charset=utf-8" : kXlsxType,
                      std::string("审计日志") + (csv ? ".csv" : ".xlsx"));
}

// {"ok":true,"verified":N,"broken":null} or {"ok":false,"verified":N,"broken":{id,seq,at,reason_zh,reason_en}}.
HttpResponse VerifyAudit(RequestContext& ctx) {
  Result<ChainVerification> v = ctx.conn.ledgers().audit().Verify(ctx.actor);
  if (!v.ok()) return HttpResponse::FromStatus(v.status());
  boost::json::value broken = nullptr;
  if (!v->ok)
    broken = boost::json::object{{"id", v->broken_id},         {"seq", v->broken_seq},
                                 {"at", v->broken_at},         {"reason_zh", v->reason_zh},
                                 {"reason_en", v->reason_en}};
  return JsonResponse(boost::json::object{{"ok", v->ok}, {"verified", v->verified}, {"broken", std::move(broken)}});
}

}  // namespace

void AddAuditRoutes(std::vector<ApiRoute>& routes) {
  routes.push_back({"GET", "/api/v1/admin/audit", kAuditDuty, ListAudit, "审计日志（按人、动作、台账、时间筛选）"});
  routes.push_back({"GET", "/api/v1/admin/audit/export", kAuditDuty, ExportAudit,
                    "按当前筛选导出审计日志（?format=xlsx|csv；导出本身记入审计）"});
  routes.push_back({"GET", "/api/v1/admin/audit/verify", kAuditDuty, VerifyAudit,
                    "校验审计日志哈希链（已校验条数，或第一条不通过的记录及原因）"});
}

}  // namespace shanhai

// /api/v1/<module>/<ledger>[/{id}]: list, create, get, update, delete, history and reveal for
// every ledger, generated from the ledger declarations.
#include "domain/ledger/record_json.h"
#include "http/api_app.h"
#include "http/handlers/ledger_request.h"
#include "http/handlers/record_set_json.h"
#include "http/json_io.h"

namespace shanhai {

namespace {

// Query parameters with a meaning of their own; any other parameter naming a field filters on it.
bool IsListParameter(const std::string& name) {
  return name == "pair" || name == "q" || name == "from" || name == "to" || name == "sort" || name == "page" ||
         name == "page_size" || name == "format" || name == "total";
}

}  // namespace

Result<ListRequest> ListRequestFrom(const HttpRequest& request, const LedgerDef& def) {
  ListRequest r;
  r.pair = QueryText(request, "pair");
  r.text = QueryText(request, "q");
  r.date_from = QueryText(request, "from");
  r.date_to = QueryText(request, "to");
  r.sort = QueryText(request, "sort");
  SH_ASSIGN_OR_RETURN(PageParams paging, QueryPage(request, 20, kMaxListPageSize));
  r.page = paging.page;
  r.page_size = paging.page_size;
  // ?total=0: the client pages by has_more and needs no count, which on a large selection
  // costs more than the page itself.
  const std::string total = QueryText(request, "total");
  if (total == "0" || total == "false") r.count_total = false;
  else if (!total.empty() && total != "1" && total != "true")
    return Status::InvalidArgument("参数 total 应为 0 或 1", "total must be 0 or 1");
  for (const auto& [name, value] : request.query) {
    if (IsListParameter(name) || value.empty()) continue;
    if (!def.Field(name))
      return Status::InvalidArgument("未知的查询参数：" + name, "unknown query parameter: " + name);
    r.equals.emplace_back(name, value);
  }
  return r;
}

Result<RawRecord> RawRecordFrom(const boost::json::object& body) {
  RawRecord raw;
  std::vector<FieldError> errors;
  for (const auto& [key, value] : body) {
    if (value.is_object() || value.is_array()) {
      const std::string k(key);
      errors.push_back({0, k, k + "：应为字符串、数字或 true/false，而不是对象或数组",
                        k + ": must be a string, a number or true/false, not an object or array"});
    } else if (key == "pair") raw.pair = JsonScalarText(value);
    else if (key == "id" || key == "version" || key.ends_with("_label") || key == "created_at" ||
             key == "updated_at" || key == "created_by" || key == "updated_by")
      continue;  // bookkeeping echoed back by clients is not input
    else raw.fields.emplace_back(std::string(key), JsonScalarText(value));
  }
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return raw;
}

Result<RecordChange> RecordChangeFrom(const HttpRequest& request, const LedgerDef* with_lines) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(request));
  SH_ASSIGN_OR_RETURN(boost::json::object body,
                      JsonBody(request, {{"pair", JsonKind::kText}, {"version", JsonKind::kInteger, 1, INT32_MAX}}));
  RawLineSets lines;
  if (with_lines) {
    SH_ASSIGN_OR_RETURN(lines, TakeRawLineSets(*with_lines, body));
  }
  SH_ASSIGN_OR_RETURN(RawRecord input, RawRecordFrom(body));
  return RecordChange{id, std::move(input), JsonInt(body, "version", 0), std::move(lines)};
}

namespace {

HttpResponse RecordResponse(const Actor& actor, const LedgerDef& def, const Result<Record>& r, int status = 200) {
  if (!r.ok()) return HttpResponse::FromStatus(r.status());
  return JsonResponse(RecordJsonFor(actor, def, *r), status);
}

HttpResponse RecordResponse(const Actor& actor, const LedgerDef& def, const Result<RecordWithLines>& r,
                            int status = 200) {
  if (!r.ok()) return HttpResponse::FromStatus(r.status());
  return JsonResponse(RecordWithLinesToJson(actor, def, *r), status);
}

// A ledger that declares lines reads and writes them with the record (record_set_service.h).
// Takes the lines out of body (empty for other ledgers); then body holds the record's own input.
Result<RawLineSets> TakeLines(const LedgerDef& def, boost::json::object& body) {
  if (def.lines.empty()) return RawLineSets{};
  return TakeRawLineSets(def, body);
}

ApiHandler List(const LedgerDef& def) {
  return [&def](RequestContext& ctx) {
    Result<ListRequest> request = ListRequestFrom(ctx.request, def);
    if (!request.ok()) return HttpResponse::FromStatus(request.status());
    Result<RecordPage> page = ctx.conn.ledgers().List(ctx.actor, def, *request);
    if (!page.ok()) return HttpResponse::FromStatus(page.status());
    // A workflow's records carry the transitions their reader may take; the others are written
    // straight as text (the fast path of the busiest route).
    if (!def.workflow) return HttpResponse::Json(200, PageJsonText(def, *page, request->page, request->page_size));
    boost::json::object json = PageJson(def, *page, request->page, request->page_size);
    boost::json::array& items = json["items"].as_array();
    for (size_t i = 0; i < items.size(); ++i) AttachTransitions(ctx.actor, def, page->records[i], items[i].as_object());
    return JsonResponse(std::move(json));
  };
}

ApiHandler Create(const LedgerDef& def) {
  return [&def](RequestContext& ctx) {
    Result<boost::json::object> body = JsonBody(ctx.request, {{"pair", JsonKind::kText}});
    if (!body.ok()) return HttpResponse::FromStatus(body.status());
    Result<RawLineSets> lines = TakeLines(def, *body);
    if (!lines.ok()) return HttpResponse::FromStatus(lines.status());
    Result<RawRecord> raw = RawRecordFrom(*body);
    if (!raw.ok()) return HttpResponse::FromStatus(raw.status());
    if (!def.lines.empty())
      return RecordResponse(ctx.actor, def,
                            RecordSetService(ctx.conn.ledgers()).Create(ctx.actor, def, *raw, *lines, InputSource::kApi),
                            201);
    return RecordResponse(ctx.actor, def, ctx.conn.ledgers().Create(ctx.actor, def, *raw, InputSource::kApi), 201);
  };
}

ApiHandler Get(const LedgerDef& def) {
  return [&def](RequestContext& ctx) {
    Result<int64_t> id = PathId(ctx.request);
    if (!id.ok()) return HttpResponse::FromStatus(id.status());
    if (!def.lines.empty())
      return RecordResponse(ctx.actor, def, RecordSetService(ctx.conn.ledgers()).Get(ctx.actor, def, *id));
    return RecordResponse(ctx.actor, def, ctx.conn.ledgers().Get(ctx.actor, def, *id));
  };
}

ApiHandler Update(const LedgerDef& def) {
  return [&def](RequestContext& ctx) {
    Result<RecordChange> change = RecordChangeFrom(ctx.request, def.lines.empty() ? nullptr : &def);
    if (!change.ok()) return HttpResponse::FromStatus(change.status());
    if (!def.lines.empty())
      return RecordResponse(ctx.actor, def,
                            RecordSetService(ctx.conn.ledgers())
                                .Update(ctx.actor, def, change->id, change->input, change->lines, InputSource::kApi,
                                        change->version));
    return RecordResponse(ctx.actor, def, ctx.conn.ledgers().Update(ctx.actor, def, change->id, change->input,
                                                                    InputSource::kApi, change->version));
  };
}

ApiHandler Delete(const LedgerDef& def) {
  return [&def](RequestContext& ctx) {
    Result<int64_t> id = PathId(ctx.request);
    if (!id.ok()) return HttpResponse::FromStatus(id.status());
    Status s = ctx.conn.evidence().DeleteRecord(ctx.actor, def, *id);
    return s.ok() ? HttpResponse::Json(200, R"({"ok":true})") : HttpResponse::FromStatus(s);
  };
}

ApiHandler History(const LedgerDef& def) {
  return [&def](RequestContext& ctx) {
    Result<int64_t> id = PathId(ctx.request);
    if (!id.ok()) return HttpResponse::FromStatus(id.status());
    Result<std::vector<AuditEntry>> entries = ctx.conn.ledgers().History(ctx.actor, def, *id);
    if (!entries.ok()) return HttpResponse::FromStatus(entries.status());
    boost::json::array items;
    for (const AuditEntry& e : *entries)
      items.push_back({{"at", e.at}, {"actor", e.actor}, {"action", e.action},
                       {"before", e.before_json.empty() ? boost::json::value(nullptr) : boost::json::parse(e.before_json)},
                       {"after", e.after_json.empty() ? boost::json::value(nullptr) : boost::json::parse(e.after_json)},
                       {"detail", e.detail}});
    return JsonResponse(boost::json::object{{"items", std::move(items)}});
  };
}

ApiHandler Reveal(const LedgerDef& def) {
  return [&def](RequestContext& ctx) {
    Result<int64_t> id = PathId(ctx.request);
    if (!id.ok()) return HttpResponse::FromStatus(id.status());
    const auto field = ctx.request.PathParam("field");
    Result<std::string> value = ctx.conn.ledgers().Reveal(ctx.actor, def, *id, field ? std::string(*field) : "");
    if (!value.ok()) return HttpResponse::FromStatus(value.status());
    return JsonResponse(boost::json::object{{"field", field ? std::string(*field) : ""}, {"value", *value}});
  };
}

}  // namespace

std::string LedgerBasePath(const LedgerDef& def) { return "/api/v1/" + def.module + "/" + def.name; }

void AddLedgerRoutes(std::vector<ApiRoute>& routes) {
  for (const LedgerDef* def : AllLedgers()) {
    const std::string base = LedgerBasePath(*def);
    const std::string item = base + "/{id}";
    routes.push_back({"GET", base, LedgerPermission(*def, "list"), List(*def), def->label_zh + "：列表（筛选、排序、分页）"});
    routes.push_back({"POST", base, LedgerPermission(*def, "create"), Create(*def), def->label_zh + "：新增"});
    routes.push_back({"GET", item, LedgerPermission(*def, "read"), Get(*def), def->label_zh + "：详情"});
    routes.push_back({"PUT", item, LedgerPermission(*def, "update"), Update(*def), def->label_zh + "：修改（需带 version）"});
    routes.push_back({"DELETE", item, LedgerPermission(*def, "delete"), Delete(*def), def->label_zh + "：删除（连同证明材料；历史保留）"});
    routes.push_back({"GET", item + "/history", LedgerPermission(*def, "read"), History(*def), def->label_zh + "：修改历史"});
    bool sensitive = false;
    for (const FieldDef& f : def->fields) sensitive = sensitive || f.IsSensitive();
    if (sensitive)
      routes.push_back({"GET", item + "/reveal/{field}", LedgerPermission(*def, "reveal"), Reveal(*def),
                        def->label_zh + "：查看完整敏感信息（记入审计）"});
  }
}

}  // namespace shanhai

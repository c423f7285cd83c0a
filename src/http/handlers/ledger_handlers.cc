// /api/v1/<module>/<ledger>[/{id}]: list, create, get, update, delete, history and reveal, for
// the ledger of the route (routes.cc expands these rows once per ledger).
#include "domain/ledger/record_json.h"
#include "http/handlers/handlers.h"
#include "http/handlers/ledger_request.h"
#include "http/json_io.h"

namespace shanhai {

namespace {

// Query parameters with a meaning of their own; any other parameter naming a field filters on it.
bool IsListParameter(const std::string& name) {
  return name == "pair" || name == "q" || name == "from" || name == "to" || name == "sort" || name == "page" ||
         name == "page_size" || name == "format";
}

}  // namespace

Result<ListRequest> ListRequestFrom(const HttpRequest& request, const LedgerDef& def) {
  ListRequest r;
  SH_ASSIGN_OR_RETURN(r.pair, PairScope::ParseIfGiven(QueryText(request, "pair")));
  r.text = QueryText(request, "q");
  r.date_from = QueryText(request, "from");
  r.date_to = QueryText(request, "to");
  r.sort = QueryText(request, "sort");
  SH_ASSIGN_OR_RETURN(PageParams paging, QueryPage(request, 20, kMaxListPageSize));
  r.page = paging.page;
  r.page_size = paging.page_size;
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

namespace handlers {

Result<Reply> ListRecords(RequestContext& ctx) {
  const LedgerDef& def = ctx.Ledger();
  SH_ASSIGN_OR_RETURN(ListRequest request, ListRequestFrom(ctx.request, def));
  SH_ASSIGN_OR_RETURN(RecordPage page, ctx.conn.ledgers().List(ctx.actor, def, request));
  return Reply::Json(PageJson(def, page, request.page, request.page_size));
}

Result<Reply> CreateRecord(RequestContext& ctx) {
  const LedgerDef& def = ctx.Ledger();
  SH_ASSIGN_OR_RETURN(boost::json::object body, JsonBody(ctx.request, {{"pair", JsonKind::kText}}));
  SH_ASSIGN_OR_RETURN(RawRecord raw, RawRecordFrom(body));
  SH_ASSIGN_OR_RETURN(Record created, ctx.conn.ledgers().Create(ctx.actor, def, raw, InputSource::kApi));
  return Reply::Json(RecordToJson(def, created), 201);
}

Result<Reply> GetRecord(RequestContext& ctx) {
  const LedgerDef& def = ctx.Ledger();
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_ASSIGN_OR_RETURN(Record record, ctx.conn.ledgers().Get(ctx.actor, def, id));
  return Reply::Json(RecordToJson(def, record));
}

Result<Reply> UpdateRecord(RequestContext& ctx) {
  const LedgerDef& def = ctx.Ledger();
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_ASSIGN_OR_RETURN(boost::json::object body,
                      JsonBody(ctx.request, {{"pair", JsonKind::kText}, {"version", JsonKind::kInteger, 1, INT32_MAX}}));
  SH_ASSIGN_OR_RETURN(RawRecord raw, RawRecordFrom(body));
  SH_ASSIGN_OR_RETURN(Record updated, ctx.conn.ledgers().Update(ctx.actor, def, id, raw, InputSource::kApi,
                                                                JsonInt(body, "version", 0)));
  return Reply::Json(RecordToJson(def, updated));
}

Result<Reply> DeleteRecord(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_RETURN_IF_ERROR(ctx.conn.evidence().DeleteRecord(ctx.actor, ctx.Ledger(), id));
  return Reply::Done();
}

Result<Reply> RecordHistory(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_ASSIGN_OR_RETURN(std::vector<AuditEntry> entries, ctx.conn.ledgers().History(ctx.actor, ctx.Ledger(), id));
  boost::json::array items;
  for (const AuditEntry& e : entries)
    items.push_back({{"at", e.at}, {"actor", e.actor}, {"action", e.action},
                     {"before", e.before_json.empty() ? boost::json::value(nullptr) : boost::json::parse(e.before_json)},
                     {"after", e.after_json.empty() ? boost::json::value(nullptr) : boost::json::parse(e.after_json)},
                     {"detail", e.detail}});
  return Reply::Json(boost::json::object{{"items", std::move(items)}});
}

Result<Reply> RevealField(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  const std::string field(ctx.request.PathParam("field").value_or(""));
  SH_ASSIGN_OR_RETURN(std::string value, ctx.conn.ledgers().Reveal(ctx.actor, ctx.Ledger(), id, field));
  return Reply::Json(boost::json::object{{"field", field}, {"value", value}});
}

}  // namespace handlers

}  // namespace shanhai

// /api/v1/<module>/<ledger>[/{id}]: list, create, get, update, delete, history and reveal, for
// the ledger of the route (routes.cc expands these rows once per ledger).
#include "domain/ledger/record_json.h"
#include "domain/ledger/record_names.h"
#include "domain/pairing/pair_name.h"
#include "http/handlers/handlers.h"
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

// Adds to each of a history's before/after states (as the audit log kept them) the names a list
// shows beside its codes: pair and region labels, and each reference's label, looked up once
// per ref field for all states together.
Status NameStates(LedgerService& ledgers, const LedgerDef& def, const std::vector<boost::json::object*>& states) {
  std::map<std::string, std::vector<int64_t>> ref_ids;
  for (const FieldDef& f : def.fields)
    if (f.type == FieldType::kRef)
      for (const boost::json::object* o : states)
        if (const boost::json::value* v = o->if_contains(f.key); v && v->is_int64()) ref_ids[f.key].push_back(v->as_int64());
  SH_ASSIGN_OR_RETURN(RefLabels labels, ledgers.LabelsOfRefs(def, ref_ids));
  for (boost::json::object* o : states) {
    AddRegionLabels(def, *o);
    for (const auto& [key, by_id] : labels)
      if (const boost::json::value* v = o->if_contains(key); v && v->is_int64())
        if (auto found = by_id.find(v->as_int64()); found != by_id.end()) (*o)[key + "_label"] = found->second;
  }
  return Status::Ok();
}

}  // namespace

Result<std::optional<PairScope>> QueryPairScope(RequestContext& ctx) {
  const std::string typed = QueryText(ctx.request, "pair");
  if (typed.empty()) return std::optional<PairScope>();
  Result<PairScope> scope = PairScopeNamed(ctx.conn.db(), typed, &ctx.actor);
  // A query naming no pair is a bad request, not a missing resource.
  if (!scope.ok() && scope.status().code() == Code::kNotFound)
    return Status::InvalidArgument(scope.status().message_zh(), scope.status().message_en());
  if (!scope.ok()) return scope.status();
  return std::optional<PairScope>(*std::move(scope));
}

Result<ListRequest> ListRequestFrom(RequestContext& ctx, const LedgerDef& def) {
  const HttpRequest& request = ctx.request;
  ListRequest r;
  SH_ASSIGN_OR_RETURN(r.pair, QueryPairScope(ctx));
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
             key == "updated_at" || key == "created_by" || key == "updated_by" || key == "transitions")
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

Reply VersionRequired() {
  return Reply::Refusal(
      428, "precondition_required",
      Status::InvalidArgument("version：必填。请带上读取记录时的版本号（version），以免覆盖他人在此期间的修改",
                              "version: required. Send the version the record had when you read it, so no one "
                              "else's change in between is overwritten"));
}

namespace handlers {

Result<Reply> ListRecords(RequestContext& ctx) {
  const LedgerDef& def = ctx.Ledger();
  SH_ASSIGN_OR_RETURN(ListRequest request, ListRequestFrom(ctx, def));
  SH_ASSIGN_OR_RETURN(RecordPage page, ctx.conn.ledgers().List(ctx.actor, def, request));
  // Written straight as text (the busiest route); records carry the names of their pair and
  // regions, and a workflow's records the transitions their reader may take.
  return Reply::JsonText(PageJsonText(def, page, request.page, request.page_size, [&](const Record& record) {
    return ReaderMembers(ctx.actor, def, record);
  }));
}

Result<Reply> CreateRecord(RequestContext& ctx) {
  const LedgerDef& def = ctx.Ledger();
  SH_ASSIGN_OR_RETURN(boost::json::object body, JsonBody(ctx.request, {{"pair", JsonKind::kText}}));
  RawLineSets lines;
  if (!def.lines.empty()) {
    SH_ASSIGN_OR_RETURN(lines, TakeRawLineSets(def, body));
  }
  SH_ASSIGN_OR_RETURN(RawRecord raw, RawRecordFrom(body));
  if (!def.lines.empty()) {
    SH_ASSIGN_OR_RETURN(RecordWithLines created,
                        RecordSetService(ctx.conn.ledgers()).Create(ctx.actor, def, raw, lines, InputSource::kApi));
    return Reply::Json(RecordWithLinesToJson(ctx.actor, def, created), 201);
  }
  SH_ASSIGN_OR_RETURN(Record created, ctx.conn.ledgers().Create(ctx.actor, def, raw, InputSource::kApi));
  return Reply::Json(RecordJsonFor(ctx.actor, def, created), 201);
}

Result<Reply> GetRecord(RequestContext& ctx) {
  const LedgerDef& def = ctx.Ledger();
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  if (!def.lines.empty()) {
    SH_ASSIGN_OR_RETURN(RecordWithLines record, RecordSetService(ctx.conn.ledgers()).Get(ctx.actor, def, id));
    return Reply::Json(RecordWithLinesToJson(ctx.actor, def, record));
  }
  SH_ASSIGN_OR_RETURN(Record record, ctx.conn.ledgers().Get(ctx.actor, def, id));
  // The edit form shows each reference by its label, as the list does.
  SH_ASSIGN_OR_RETURN(RefLabels labels, ctx.conn.ledgers().LabelsOfRefs(def, LedgerService::RefIdsOf(def, {record})));
  return Reply::Json(RecordJsonFor(ctx.actor, def, record, labels));
}

Result<Reply> UpdateRecord(RequestContext& ctx) {
  const LedgerDef& def = ctx.Ledger();
  SH_ASSIGN_OR_RETURN(RecordChange change, RecordChangeFrom(ctx.request, def.lines.empty() ? nullptr : &def));
  if (change.version == 0) return VersionRequired();
  if (!def.lines.empty()) {
    SH_ASSIGN_OR_RETURN(RecordWithLines updated,
                        RecordSetService(ctx.conn.ledgers())
                            .Update(ctx.actor, def, change.id, change.input, change.lines, InputSource::kApi,
                                    change.version));
    return Reply::Json(RecordWithLinesToJson(ctx.actor, def, updated));
  }
  SH_ASSIGN_OR_RETURN(Record updated, ctx.conn.ledgers().Update(ctx.actor, def, change.id, change.input,
                                                                InputSource::kApi, change.version));
  return Reply::Json(RecordJsonFor(ctx.actor, def, updated));
}

// ?version=N (optional): the version the client last saw; a record changed since is not deleted (409).
Result<Reply> DeleteRecord(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_ASSIGN_OR_RETURN(int64_t version, QueryInt(ctx.request, "version", 0));
  if (ctx.request.Query("version") && (version < 1 || version > INT32_MAX))
    return Status::InvalidArgument("参数 version 应为不小于 1 的整数", "parameter version must be an integer of at least 1");
  SH_RETURN_IF_ERROR(ctx.conn.evidence().DeleteRecord(ctx.actor, ctx.Ledger(), id, version));
  return Reply::Done();
}

Result<Reply> RecordHistory(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  const LedgerDef& def = ctx.Ledger();
  SH_ASSIGN_OR_RETURN(std::vector<HistoryStep> entries, ctx.conn.ledgers().History(ctx.actor, def, id));
  boost::json::array items;
  auto state = [](const std::string& json) {
    return json.empty() ? boost::json::value(nullptr) : boost::json::parse(json);
  };
  for (const HistoryStep& e : entries)
    items.push_back({{"at", e.at}, {"actor", e.actor}, {"by", e.by}, {"action", e.action},
                     {"before", state(e.before_json)}, {"after", state(e.after_json)}, {"detail", e.detail}});
  std::vector<boost::json::object*> states;
  for (boost::json::value& item : items)
    for (const char* side : {"before", "after"})
      if (boost::json::object* o = item.as_object()[side].if_object()) states.push_back(o);
  SH_RETURN_IF_ERROR(NameStates(ctx.conn.ledgers(), def, states));
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

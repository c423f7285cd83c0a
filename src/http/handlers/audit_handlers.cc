// /api/v1/admin/audit: the audit administrator's view of the audit log — the entries
// (filtered; the regions they name shown by name beside the code), their export as a spreadsheet,
// and the verification of the hash chain.
#include "domain/accounts/user_names.h"
#include "domain/ledger/record_names.h"
#include "http/handlers/handlers.h"
#include "http/handlers/spreadsheet_format.h"
#include "http/handlers/temp_file.h"
#include "http/json_io.h"
#include "regions/region_display.h"

namespace shanhai {

namespace {

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

// An entry's record before or after, as stored, with the names of the regions it holds beside
// their codes as a list shows them ("region_code_label", "pair_label"; a user's data scope as
// "region_label"); the stored text itself when it is not a JSON object (empty, or cut short).
std::string NamedState(const std::string& ledger, const std::string& json) {
  if (json.empty()) return json;
  boost::system::error_code ec;
  boost::json::value parsed = boost::json::parse(json, ec);
  if (ec || !parsed.is_object()) return json;
  boost::json::object& state = parsed.as_object();
  if (const LedgerDef* def = FindLedger(ledger)) {
    AddRegionLabels(*def, state);
  } else if (ledger == "users") {
    const boost::json::value* region = state.if_contains("region");
    if (region && region->is_string() && !region->as_string().empty())
      if (std::string name = RegionDisplayName(RegionCatalog::Embedded(), region->as_string()); !name.empty())
        state["region_label"] = name;
  }
  return boost::json::serialize(state);
}

}  // namespace

namespace handlers {

Result<Reply> ListAudit(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(AuditFilter f, FilterFrom(ctx.request));
  SH_ASSIGN_OR_RETURN(auto found, ctx.conn.ledgers().audit().Find(f));
  // Actors by their display names (the audit administrator is an administrator: whole names),
  // the login beside; every named account too, for the actor filter.
  SH_ASSIGN_OR_RETURN(auto names, UserNames(ctx.conn.db()).Named());
  boost::json::array actors;
  for (const auto& [login, name] : names) actors.push_back({{"login", login}, {"display_name", name}});
  boost::json::array items;
  for (const AuditEntry& e : found.second)
    items.push_back({{"id", e.id}, {"seq", e.seq}, {"at", e.at}, {"actor", e.actor},
                     {"actor_label", names.contains(e.actor) ? names.at(e.actor) : std::string()}, {"action", e.action},
                     {"ledger", e.ledger}, {"record_id", e.record_id}, {"helped_region", e.helped_region},
                     {"helped_region_label", RegionDisplayName(RegionCatalog::Embedded(), e.helped_region)},
                     {"before", NamedState(e.ledger, e.before_json)}, {"after", NamedState(e.ledger, e.after_json)},
                     {"detail", e.detail}, {"remote", e.remote}});
  return Reply::Json(boost::json::object{{"total", found.first}, {"page", f.page}, {"page_size", f.page_size},
                                         {"items", std::move(items)}, {"actors", std::move(actors)}});
}

Result<Reply> ExportAudit(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(AuditFilter f, FilterFrom(ctx.request));
  SH_ASSIGN_OR_RETURN(SpreadsheetFile file, SpreadsheetFormat(ctx.request));
  TempFile out(file.extension());
  SH_RETURN_IF_ERROR(out.Written(ctx.conn.ledgers().audit().Export(ctx.actor, f, out.path()).status()));
  SH_ASSIGN_OR_RETURN(std::string bytes, out.Read());
  return Reply::File(std::move(bytes), file.content_type(), std::string("审计日志") + file.extension());
}

// {"ok":true,"verified":N,"broken":null} or {"ok":false,"verified":N,"broken":{id,seq,at,reason_zh,reason_en}}.
Result<Reply> VerifyAudit(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(ChainVerification v, ctx.conn.ledgers().audit().Verify(ctx.actor));
  boost::json::value broken = nullptr;
  if (!v.ok)
    broken = boost::json::object{{"id", v.broken_id},         {"seq", v.broken_seq},
                                 {"at", v.broken_at},         {"reason_zh", v.reason_zh},
                                 {"reason_en", v.reason_en}};
  return Reply::Json(boost::json::object{{"ok", v.ok}, {"verified", v.verified}, {"broken", std::move(broken)}});
}

}  // namespace handlers

}  // namespace shanhai

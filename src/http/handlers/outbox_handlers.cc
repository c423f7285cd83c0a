// /api/v1/messages/outbox: the outbox of the default sender for staff — a page of messages with
// numbers masked and codes starred (?mobile= finds one number's; ?page=&page_size=), and one
// message whole (audited; domain/messages/outbox_service.h). Regions are named beside the codes.
#include "http/handlers/handlers.h"
#include "http/json_io.h"
#include "regions/region_display.h"

namespace shanhai {

namespace {

boost::json::object EntryJson(const OutboxEntry& e) {
  const RegionCatalog& catalog = RegionCatalog::Embedded();
  return {{"id", e.id},
          {"mobile", e.mobile},
          {"text", e.text},
          {"purpose", e.purpose},
          {"helped_region", e.helped_region},
          {"helped_region_label", e.helped_region.empty() ? "" : RegionDisplayName(catalog, e.helped_region)},
          {"created_at", e.created_at},
          {"delivery", e.delivery}};
}

}  // namespace

namespace handlers {

Result<Reply> ListOutbox(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(PageParams paging, QueryPage(ctx.request, 20, 200));
  SH_ASSIGN_OR_RETURN(OutboxPage page, ctx.conn.outbox().List(ctx.actor, QueryText(ctx.request, "mobile"),
                                                              paging.page, paging.page_size));
  boost::json::array items;
  for (const OutboxEntry& e : page.entries) items.push_back(EntryJson(e));
  return Reply::Json({{"total", page.total},
                      {"page", paging.page},
                      {"page_size", paging.page_size},
                      {"items", std::move(items)}});
}

Result<Reply> RevealOutboxMessage(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_ASSIGN_OR_RETURN(OutboxEntry entry, ctx.conn.outbox().Reveal(ctx.actor, id));
  return Reply::Json(EntryJson(entry));
}

}  // namespace handlers

}  // namespace shanhai

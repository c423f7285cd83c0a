// /api/v1/notifications: the signed-in account's own notices (the console's bell) — a page,
// unread first, with the unread count; one or all marked read — and its own mobile for the same
// notices by text message (shown masked; domain/notifications/notification_service.h).
#include "domain/notifications/notification_service.h"
#include "http/handlers/handlers.h"
#include "http/json_io.h"

namespace shanhai {

namespace {

using notifications::NotificationService;
using notifications::StoredNotice;

// Where the console opens the record a notice is about: an interview's room, a ledger's page.
std::string LinkOf(const StoredNotice& n) {
  if (n.ledger == "applications") return "/interview/" + std::to_string(n.record_id);
  return "/labor/" + n.ledger;
}

boost::json::object NoticeJson(const StoredNotice& n) {
  boost::json::object o{{"id", n.id},       {"kind", n.kind},           {"text_zh", n.text_zh},
                        {"text_en", n.text_en}, {"ledger", n.ledger},   {"record_id", n.record_id},
                        {"link", LinkOf(n)}, {"created_at", n.created_at}};
  o["read_at"] = n.read_at.empty() ? boost::json::value(nullptr) : boost::json::value(n.read_at);
  return o;
}

}  // namespace

namespace handlers {

Result<Reply> ListNotifications(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(PageParams paging, QueryPage(ctx.request, 20, 100));
  NotificationService service(ctx.conn.context());
  SH_ASSIGN_OR_RETURN(notifications::NoticePage page, service.List(ctx.actor, paging.page, paging.page_size));
  boost::json::array items;
  for (const StoredNotice& n : page.items) items.push_back(NoticeJson(n));
  return Reply::Json({{"total", page.total},
                      {"unread", page.unread},
                      {"page", paging.page},
                      {"page_size", paging.page_size},
                      {"items", std::move(items)}});
}

Result<Reply> ReadNotification(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_RETURN_IF_ERROR(NotificationService(ctx.conn.context()).MarkRead(ctx.actor, id));
  return Reply::Done();
}

Result<Reply> ReadAllNotifications(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t marked, NotificationService(ctx.conn.context()).MarkAllRead(ctx.actor));
  return Reply::Json({{"marked", marked}});
}

Result<Reply> NotificationMobile(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(std::string masked, NotificationService(ctx.conn.context()).MaskedMobile(ctx.actor));
  return Reply::Json({{"mobile", masked}});
}

Result<Reply> SetNotificationMobile(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(boost::json::object body, JsonBody(ctx.request, {{"mobile", JsonKind::kText}}));
  NotificationService service(ctx.conn.context());
  SH_RETURN_IF_ERROR(service.SetMobile(ctx.actor, JsonString(body, "mobile")));
  SH_ASSIGN_OR_RETURN(std::string masked, service.MaskedMobile(ctx.actor));
  return Reply::Json({{"mobile", masked}});
}

}  // namespace handlers

}  // namespace shanhai

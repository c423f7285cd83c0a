// /api/v1/admin: users and their roles/scopes, and the audit log.
#include "http/api_app.h"
#include "http/json_io.h"

namespace shanhai {

namespace {

boost::json::object UserJson(const UserInfo& u) {
  boost::json::array ledgers;
  for (const std::string& l : u.ledgers) ledgers.push_back(boost::json::string(l));
  return {{"id", u.id}, {"name", u.name}, {"role", u.role}, {"region", u.region},
          {"ledgers", std::move(ledgers)}, {"disabled", u.disabled}, {"created_at", u.created_at}};
}

// The members of a user body, each checked for its JSON type.
Result<boost::json::object> UserBody(const HttpRequest& request) {
  return JsonBody(request, {{"name", JsonKind::kText},
                            {"password", JsonKind::kText},
                            {"role", JsonKind::kText},
                            {"region", JsonKind::kText},
                            {"ledgers", JsonKind::kTextList},
                            {"disabled", JsonKind::kBool}});
}

std::vector<std::string> StringList(const boost::json::object& body, std::string_view key) {
  std::vector<std::string> out;
  auto it = body.find(key);
  if (it != body.end() && it->value().is_array())
    for (const auto& v : it->value().as_array()) out.push_back(JsonScalarText(v));
  return out;
}

HttpResponse ListUsers(RequestContext& ctx) {
  Result<std::vector<UserInfo>> users = ctx.conn.accounts().ListUsers(ctx.actor);
  if (!users.ok()) return HttpResponse::FromStatus(users.status());
  boost::json::array items;
  for (const UserInfo& u : *users) items.push_back(UserJson(u));
  return JsonResponse(boost::json::object{{"items", std::move(items)}});
}

HttpResponse AddUser(RequestContext& ctx) {
  Result<boost::json::object> body = UserBody(ctx.request);
  if (!body.ok()) return HttpResponse::FromStatus(body.status());
  Result<UserInfo> u = ctx.conn.accounts().AddUser(
      ctx.actor, {JsonString(*body, "name"), JsonString(*body, "password"), JsonString(*body, "role"),
                  JsonString(*body, "region"), StringList(*body, "ledgers")});
  if (!u.ok()) return HttpResponse::FromStatus(u.status());
  return JsonResponse(UserJson(*u), 201);
}

HttpResponse UpdateUser(RequestContext& ctx) {
  Result<int64_t> id = PathId(ctx.request);
  if (!id.ok()) return HttpResponse::FromStatus(id.status());
  Result<boost::json::object> body = UserBody(ctx.request);
  if (!body.ok()) return HttpResponse::FromStatus(body.status());
  Result<UserInfo> u = ctx.conn.accounts().UpdateUser(ctx.actor, *id, JsonString(*body, "role"), JsonString(*body, "region"),
                                                      StringList(*body, "ledgers"), JsonString(*body, "disabled") == "1");
  if (!u.ok()) return HttpResponse::FromStatus(u.status());
  return JsonResponse(UserJson(*u));
}

HttpResponse Audit(RequestContext& ctx) {
  AuditFilter f;
  f.actor = QueryText(ctx.request, "actor");
  f.action = QueryText(ctx.request, "action");
  f.ledger = QueryText(ctx.request, "ledger");
  f.from = QueryText(ctx.request, "from");
  f.to = QueryText(ctx.request, "to");
  Result<int64_t> record = QueryInt(ctx.request, "record_id", 0);
  if (!record.ok()) return HttpResponse::FromStatus(record.status());
  Result<PageParams> paging = QueryPage(ctx.request, 50, 500);
  if (!paging.ok()) return HttpResponse::FromStatus(paging.status());
  f.record_id = *record;
  f.page = paging->page;
  f.page_size = paging->page_size;
  Result<std::pair<int64_t, std::vector<AuditEntry>>> found = ctx.conn.ledgers().audit().Find(f);
  if (!found.ok()) return HttpResponse::FromStatus(found.status());
  boost::json::array items;
  for (const AuditEntry& e : found->second)
    items.push_back({{"id", e.id}, {"at", e.at}, {"actor", e.actor}, {"action", e.action}, {"ledger", e.ledger},
                     {"record_id", e.record_id}, {"helped_region", e.helped_region}, {"before", e.before_json},
                     {"after", e.after_json}, {"detail", e.detail}, {"remote", e.remote}});
  return JsonResponse(boost::json::object{{"total", found->first}, {"page", f.page}, {"page_size", f.page_size},
                                          {"items", std::move(items)}});
}

}  // namespace

void AddAdminRoutes(std::vector<ApiRoute>& routes) {
  routes.push_back({"GET", "/api/v1/admin/users", "admin:users:admin", ListUsers, "用户列表"});
  routes.push_back({"POST", "/api/v1/admin/users", "admin:users:admin", AddUser, "新增用户"});
  routes.push_back({"PUT", "/api/v1/admin/users/{id}", "admin:users:admin", UpdateUser, "修改用户角色、区域、台账范围、停用"});
  routes.push_back({"GET", "/api/v1/admin/audit", "admin:audit:admin", Audit, "审计日志（按人、动作、台账、时间筛选）"});
}

}  // namespace shanhai

// /api/v1/admin/roles and /api/v1/admin/permissions: roles as records (see domain/accounts/
// role_service.h) and the catalogue of declared permissions the role editor offers.
#include "domain/accounts/permission_catalog.h"
#include "http/api_app.h"
#include "http/json_io.h"

namespace shanhai {

namespace {


boost::json::object RoleJson(const RoleInfo& r) {
  return {{"id", r.id},          {"name", r.name},
          {"label_zh", r.label_zh}, {"builtin", r.builtin},
          {"grants", JsonTextArray(r.grants)}, {"permissions", JsonTextArray(r.permissions)},
          {"users", r.users}};
}

RoleDraft DraftOf(const boost::json::object& body) {
  return {JsonString(body, "name"), JsonString(body, "label_zh"), JsonStringList(body, "permissions")};
}

HttpResponse ListRoles(RequestContext& ctx) {
  Result<std::vector<RoleInfo>> roles = ctx.conn.accounts().roles().List(ctx.actor);
  if (!roles.ok()) return HttpResponse::FromStatus(roles.status());
  boost::json::array items;
  for (const RoleInfo& r : *roles) items.push_back(RoleJson(r));
  return JsonResponse(boost::json::object{{"items", std::move(items)}});
}

HttpResponse ListPermissions(RequestContext&) {
  boost::json::array items;
  for (const PermissionInfo& p : PermissionCatalog())
    items.push_back({{"name", p.name}, {"group", p.group}, {"group_zh", p.group_zh}, {"label_zh", p.label_zh},
                     {"label_en", p.label_en}});
  return JsonResponse(boost::json::object{{"items", std::move(items)}});
}

// The members of a role body, each checked for its JSON type.
Result<boost::json::object> RoleBody(const HttpRequest& request) {
  return JsonBody(request, {{"name", JsonKind::kText}, {"label_zh", JsonKind::kText}, {"permissions", JsonKind::kTextList}});
}

HttpResponse AddRole(RequestContext& ctx) {
  Result<boost::json::object> body = RoleBody(ctx.request);
  if (!body.ok()) return HttpResponse::FromStatus(body.status());
  Result<RoleInfo> role = ctx.conn.accounts().roles().Create(ctx.actor, DraftOf(*body));
  if (!role.ok()) return HttpResponse::FromStatus(role.status());
  return JsonResponse(RoleJson(*role), 201);
}

HttpResponse UpdateRole(RequestContext& ctx) {
  Result<int64_t> id = PathId(ctx.request);
  if (!id.ok()) return HttpResponse::FromStatus(id.status());
  Result<boost::json::object> body = RoleBody(ctx.request);
  if (!body.ok()) return HttpResponse::FromStatus(body.status());
  Result<RoleInfo> role = ctx.conn.accounts().roles().Update(ctx.actor, *id, DraftOf(*body));
  if (!role.ok()) return HttpResponse::FromStatus(role.status());
  return JsonResponse(RoleJson(*role));
}

HttpResponse DeleteRole(RequestContext& ctx) {
  Result<int64_t> id = PathId(ctx.request);
  if (!id.ok()) return HttpResponse::FromStatus(id.status());
  Status s = ctx.conn.accounts().roles().Delete(ctx.actor, *id);
  return s.ok() ? HttpResponse::Json(200, R"({"ok":true})") : HttpResponse::FromStatus(s);
}

}  // namespace

void AddRoleRoutes(std::vector<ApiRoute>& routes) {
  // Listing roles also serves the user editor (admin:users:admin); the service checks either.
  routes.push_back({"GET", "/api/v1/admin/roles", kSession, ListRoles, "角色列表（含授予的权限、用户数）"});
  routes.push_back({"POST", "/api/v1/admin/roles", kRolesDuty, AddRole, "新建角色"});
  routes.push_back({"PUT", "/api/v1/admin/roles/{id}", kRolesDuty, UpdateRole, "修改角色名称与权限"});
  routes.push_back({"DELETE", "/api/v1/admin/roles/{id}", kRolesDuty, DeleteRole, "删除角色（无用户持有时）"});
  routes.push_back({"GET", "/api/v1/admin/permissions", kRolesDuty, ListPermissions,
                    "各模块声明的权限（角色编辑用，按模块分组）"});
}

}  // namespace shanhai

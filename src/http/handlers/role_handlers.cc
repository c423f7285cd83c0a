// /api/v1/admin/roles and /api/v1/admin/permissions: roles as records (see domain/accounts/
// role_service.h) and the catalogue of declared permissions the role editor offers.
#include "domain/accounts/permission_catalog.h"
#include "http/handlers/handlers.h"
#include "http/json_io.h"

namespace shanhai {

namespace {

boost::json::object RoleJson(const RoleInfo& r) {
  return {{"id", r.id},          {"name", r.name},
          {"label_zh", r.label_zh}, {"builtin", r.builtin}, {"owner_ledger", r.owner_ledger},
          {"grants", JsonTextArray(r.grants)}, {"permissions", JsonTextArray(r.permissions)},
          {"users", r.users}};
}

RoleDraft DraftOf(const boost::json::object& body) {
  return {JsonString(body, "name"), JsonString(body, "label_zh"), JsonStringList(body, "permissions")};
}

// The members of a role body, each checked for its JSON type.
Result<boost::json::object> RoleBody(const HttpRequest& request) {
  return JsonBody(request, {{"name", JsonKind::kText}, {"label_zh", JsonKind::kText}, {"permissions", JsonKind::kTextList}});
}

}  // namespace

namespace handlers {

Result<Reply> ListRoles(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(std::vector<RoleInfo> roles, ctx.conn.accounts().roles().List(ctx.actor));
  boost::json::array items;
  for (const RoleInfo& r : roles) items.push_back(RoleJson(r));
  return Reply::Json(boost::json::object{{"items", std::move(items)}});
}

Result<Reply> ListPermissions(RequestContext&) {
  boost::json::array items;
  for (const PermissionInfo& p : PermissionCatalog())
    items.push_back({{"name", p.name}, {"group", p.group}, {"group_zh", p.group_zh}, {"label_zh", p.label_zh},
                     {"label_en", p.label_en}});
  return Reply::Json(boost::json::object{{"items", std::move(items)}});
}

Result<Reply> AddRole(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(boost::json::object body, RoleBody(ctx.request));
  SH_ASSIGN_OR_RETURN(RoleInfo role, ctx.conn.accounts().roles().Create(ctx.actor, DraftOf(body)));
  return Reply::Json(RoleJson(role), 201);
}

Result<Reply> UpdateRole(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_ASSIGN_OR_RETURN(boost::json::object body, RoleBody(ctx.request));
  SH_ASSIGN_OR_RETURN(RoleInfo role, ctx.conn.accounts().roles().Update(ctx.actor, id, DraftOf(body)));
  return Reply::Json(RoleJson(role));
}

Result<Reply> DeleteRole(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_RETURN_IF_ERROR(ctx.conn.accounts().roles().Delete(ctx.actor, id));
  return Reply::Done();
}

}  // namespace handlers

}  // namespace shanhai

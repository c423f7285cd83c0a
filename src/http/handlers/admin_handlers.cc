// /api/v1/admin: users and their roles/scopes (the audit log: audit_handlers.cc).
#include <algorithm>

#include "common/comma_list.h"
#include "http/handlers/handlers.h"
#include "http/json_io.h"

namespace shanhai {

namespace {

boost::json::object UserJson(const UserInfo& u) {
  return {{"id", u.id},
          {"name", u.name},
          {"display_name", u.display_name},
          {"roles", JsonTextArray(u.roles)},
          {"region", u.scope.region},
          {"owner_ledger", u.scope.owner_ledger},
          {"owner_id", u.scope.owner_id},
          {"owner_label", u.owner_label},
          {"disabled", u.disabled},
          {"created_at", u.created_at},
          {"reveal_awaits_approval", u.reveal_awaits_approval}};
}

// The members of a user body, each checked for its JSON type.
Result<boost::json::object> UserBody(const HttpRequest& request) {
  return JsonBody(request, {{"name", JsonKind::kText},
                            {"display_name", JsonKind::kText},
                            {"password", JsonKind::kText},
                            {"role", JsonKind::kText},
                            {"roles", JsonKind::kTextList},
                            {"region", JsonKind::kText},
                            {"owner_ledger", JsonKind::kText},
                            {"owner_id", JsonKind::kInteger, 0},
                            {"disabled", JsonKind::kBool},
                            {"must_change_password", JsonKind::kBool}});
}

// Roles from "roles" (an array), or from "role" (one name, or names joined by commas).
std::vector<std::string> RolesOf(const boost::json::object& body) {
  if (body.contains("roles")) return JsonStringList(body, "roles");
  return SplitCommaList(JsonString(body, "role"));
}

// The data scope of a user body: region, and owner_ledger + owner_id (a positive integer).
Result<DataScope> DataScopeOf(const boost::json::object& body) {
  DataScope scope{JsonString(body, "region"), JsonString(body, "owner_ledger"), 0};
  const std::string owner = JsonString(body, "owner_id");
  if (owner.empty() || owner == "0") return scope;
  if (owner.size() > 18 || owner.find_first_not_of("0123456789") != std::string::npos)
    return Status::Invalid({{0, "owner_id", "所属单位编号应为正整数", "owner_id must be a positive integer"}});
  scope.owner_id = std::stoll(owner);
  return scope;
}

// A change keeps what its body leaves out: a client that sends only the roles must not thereby
// clear the data scope (an account scoped to a town would become unrestricted) or enable a
// disabled account.
Result<UserChange> ChangeOf(RequestContext& ctx, int64_t id, const boost::json::object& body) {
  SH_ASSIGN_OR_RETURN(std::vector<UserInfo> users, ctx.conn.accounts().ListUsers(ctx.actor));
  auto stored = std::find_if(users.begin(), users.end(), [&](const UserInfo& u) { return u.id == id; });
  if (stored == users.end()) return Status::NotFound("没有编号为 " + std::to_string(id) + " 的用户", "no user " + std::to_string(id));
  UserChange change{stored->roles, stored->scope, stored->disabled, std::nullopt};
  if (body.contains("roles") || body.contains("role")) change.roles = RolesOf(body);
  if (body.contains("region") || body.contains("owner_ledger") || body.contains("owner_id")) {
    SH_ASSIGN_OR_RETURN(change.scope, DataScopeOf(body));
  }
  if (body.contains("disabled")) change.disabled = JsonString(body, "disabled") == "1";
  if (body.contains("display_name")) change.display_name = JsonString(body, "display_name");
  return change;
}

}  // namespace

namespace handlers {

Result<Reply> ListUsers(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(std::vector<UserInfo> users, ctx.conn.accounts().ListUsers(ctx.actor));
  boost::json::array items;
  for (const UserInfo& u : users) items.push_back(UserJson(u));
  return Reply::Json(boost::json::object{{"items", std::move(items)}});
}

Result<Reply> AddUser(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(boost::json::object body, UserBody(ctx.request));
  SH_ASSIGN_OR_RETURN(DataScope scope, DataScopeOf(body));
  SH_ASSIGN_OR_RETURN(UserInfo u, ctx.conn.accounts().AddUser(
                                      ctx.actor, {JsonString(body, "name"), JsonString(body, "password"),
                                                  RolesOf(body), scope, JsonString(body, "must_change_password") != "0",
                                                  JsonString(body, "display_name")}));
  return Reply::Json(UserJson(u), 201);
}

Result<Reply> UpdateUser(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_ASSIGN_OR_RETURN(boost::json::object body, UserBody(ctx.request));
  SH_ASSIGN_OR_RETURN(UserChange change, ChangeOf(ctx, id, body));
  SH_ASSIGN_OR_RETURN(UserInfo u, ctx.conn.accounts().UpdateUser(ctx.actor, id, change));
  return Reply::Json(UserJson(u));
}

}  // namespace handlers

}  // namespace shanhai

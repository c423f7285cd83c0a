#include "domain/accounts/role_service.h"

#include <algorithm>
#include <regex>

#include <boost/json.hpp>

#include "common/text.h"
#include "domain/accounts/permission_catalog.h"
#include "domain/accounts/reveal_scope_rule.h"
#include "domain/accounts/session_cache.h"
#include "domain/ledger/ledger_def.h"
#include "security/permissions.h"

namespace shanhai {

namespace {


constexpr const char* kSelectRoles =
    "SELECT r.id, r.name, r.label_zh, r.builtin, "
    "(SELECT COUNT(*) FROM user_roles ur WHERE ur.role_id = r.id), r.owner_ledger FROM roles r";
constexpr const char* kSelectGrants = "SELECT role_id, permission FROM role_permissions ORDER BY permission";
constexpr const char* kSelectRoleIdByName = "SELECT id FROM roles WHERE name = ?";
constexpr const char* kSelectRoleOwner = "SELECT name, label_zh, owner_ledger FROM roles WHERE id = ? AND owner_ledger IS NOT NULL";
constexpr const char* kInsertRole = "INSERT INTO roles (name, label_zh, builtin) VALUES (?, ?, 0) RETURNING id";
constexpr const char* kUpdateRoleLabel = "UPDATE roles SET label_zh = ? WHERE id = ?";
constexpr const char* kDeleteRole = "DELETE FROM roles WHERE id = ?";
constexpr const char* kInsertGrant = "INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)";
constexpr const char* kDeleteGrants = "DELETE FROM role_permissions WHERE role_id = ?";
constexpr const char* kDeleteUserRoles = "DELETE FROM user_roles WHERE user_id = ?";
constexpr const char* kInsertUserRole = "INSERT INTO user_roles (user_id, role_id) VALUES (?, ?)";
constexpr const char* kSelectHolders = "SELECT user_id FROM user_roles WHERE role_id = ? ORDER BY user_id";
constexpr const char* kSelectRolesByUser =
    "SELECT ur.user_id, r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id ORDER BY ur.user_id, r.name";
constexpr const char* kSelectUserGrants =
    "SELECT r.name, rp.permission FROM user_roles ur JOIN roles r ON r.id = ur.role_id "
    "LEFT JOIN role_permissions rp ON rp.role_id = r.id WHERE ur.user_id = ? ORDER BY r.name";

constexpr size_t kMaxLabelCharacters = 64;

std::string AuditDetail(const std::string& name, const RoleDraft& draft) {
  boost::json::array permissions;
  for (const std::string& p : draft.permissions) permissions.push_back(boost::json::string(p));
  return boost::json::serialize(
      boost::json::object{{"name", name}, {"label_zh", draft.label_zh}, {"permissions", std::move(permissions)}});
}

Status NoSuchRole() { return Status::NotFound("角色不存在", "no such role"); }

Status SeededRole(const std::string& name) {
  return Status::PermissionDenied("预置角色 " + name + " 不能修改或删除，请新建角色",
                                  "the seeded role " + name + " cannot be changed or deleted; make a new role");
}

// A row of kSelectRoles with its grants (rows of kSelectGrants) and the declared permissions they cover.
RoleInfo RoleFromRow(const std::vector<Value>& r, const Rows& grants) {
  RoleInfo role{AsInt(r[0]), AsText(r[1]), AsText(r[2]), AsInt(r[3]) != 0, AsText(r[5]), {}, {}, AsInt(r[4])};
  for (const auto& g : grants.rows)
    if (AsInt(g[0]) == role.id) role.grants.push_back(AsText(g[1]));
  role.permissions = CoveredPermissions(role.grants);
  return role;
}

}  // namespace

Result<std::vector<RoleInfo>> RoleService::List(const Actor& actor) {
  if (!Authorize(actor, kUsersDuty).ok()) SH_RETURN_IF_ERROR(Authorize(actor, kRolesDuty));
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(std::string(kSelectRoles) + " ORDER BY r.id"));
  SH_ASSIGN_OR_RETURN(Rows grants, db_.Query(kSelectGrants));
  std::vector<RoleInfo> out;
  for (const auto& r : rows.rows) out.push_back(RoleFromRow(r, grants));
  return out;
}

Result<RoleInfo> RoleService::Find(int64_t id) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(std::string(kSelectRoles) + " WHERE r.id = ?", {id}));
  if (rows.rows.empty()) return NoSuchRole();
  SH_ASSIGN_OR_RETURN(Rows grants, db_.Query(kSelectGrants));
  return RoleFromRow(rows.rows[0], grants);
}

Status RoleService::CheckDraft(const RoleDraft& draft, bool creating) {
  static const std::regex kName("[A-Za-z0-9_.-]{2,40}");
  std::vector<FieldError> errors;
  if (creating && !std::regex_match(draft.name, kName))
    errors.push_back({0, "name", "角色代码应为 2–40 位字母、数字或 _ . -", "a role name is 2–40 letters, digits, _ . or -"});
  const std::string label = NormalizeInputLossy(draft.label_zh);
  const auto characters = std::count_if(label.begin(), label.end(), [](char c) { return (c & 0xC0) != 0x80; });
  if (label.empty() || characters > static_cast<long>(kMaxLabelCharacters))
    errors.push_back({0, "label_zh", "角色名称：必填，最多 64 个字", "label_zh: required, at most 64 characters"});
  for (const std::string& p : draft.permissions)
    if (!FindPermission(p))
      errors.push_back({0, "permissions", "没有名为 " + p + " 的权限", "no permission named " + p});
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return Status::Ok();
}

Status RoleService::WritePermissions(int64_t id, const std::vector<std::string>& permissions) {
  SH_RETURN_IF_ERROR(db_.Execute(kDeleteGrants, {id}).status());
  std::vector<std::string> unique = permissions;
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  for (const std::string& p : unique) SH_RETURN_IF_ERROR(db_.Execute(kInsertGrant, {id, p}).status());
  return Status::Ok();
}

Result<RoleInfo> RoleService::Create(const Actor& actor, const RoleDraft& draft) {
  SH_RETURN_IF_ERROR(Authorize(actor, kRolesDuty));
  SH_RETURN_IF_ERROR(CheckDraft(draft, true));
  SH_RETURN_IF_ERROR(CheckWithin(actor, draft.permissions));
  Result<RoleInfo> out = Status::Internal("role not created");
  SH_RETURN_IF_ERROR(InTransaction(db_, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(Rows taken, db_.Query(kSelectRoleIdByName, {draft.name}));
    if (!taken.rows.empty()) return Status::Conflict("角色代码已存在：" + draft.name, "role name taken: " + draft.name);
    SH_ASSIGN_OR_RETURN(Rows id, db_.Query(kInsertRole, {draft.name, NormalizeInputLossy(draft.label_zh)}));
    const int64_t role_id = AsInt(id.rows.at(0).at(0));
    SH_RETURN_IF_ERROR(WritePermissions(role_id, draft.permissions));
    SH_RETURN_IF_ERROR(audit_.Write(actor, "role_add", "roles", role_id, "", "", AuditDetail(draft.name, draft)));
    out = Find(role_id);
    return out.status();
  }));
  return out;
}

Result<RoleInfo> RoleService::Update(const Actor& actor, int64_t id, const RoleDraft& draft) {
  SH_RETURN_IF_ERROR(Authorize(actor, kRolesDuty));
  SH_RETURN_IF_ERROR(CheckDraft(draft, false));
  SH_RETURN_IF_ERROR(CheckWithin(actor, draft.permissions));
  Result<RoleInfo> out = Status::Internal("role not updated");
  SH_RETURN_IF_ERROR(InTransaction(db_, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(RoleInfo before, Find(id));
    if (before.builtin) return SeededRole(before.name);
    SH_RETURN_IF_ERROR(CheckNotHeldAndWithin(actor, before));
    SH_RETURN_IF_ERROR(db_.Execute(kUpdateRoleLabel, {NormalizeInputLossy(draft.label_zh), id}).status());
    SH_RETURN_IF_ERROR(WritePermissions(id, draft.permissions));
    SH_RETURN_IF_ERROR(CheckUnlimitedHolders(id));
    SH_ASSIGN_OR_RETURN(Rows holders, db_.Query(kSelectHolders, {id}));
    for (const auto& holder : holders.rows) SH_RETURN_IF_ERROR(reveal_grants_.Reconcile(actor, AsInt(holder[0])));
    const RoleDraft old{before.name, before.label_zh, before.grants};
    SH_RETURN_IF_ERROR(audit_.Write(actor, "role_update", "roles", id, "", AuditDetail(before.name, old),
                                    AuditDetail(before.name, draft)));
    out = Find(id);
    return out.status();
  }));
  SessionCache::Invalidate();  // the holders' sessions get the new grants at once
  return out;
}

Status RoleService::CheckUnlimitedHolders(int64_t id) {
  SH_ASSIGN_OR_RETURN(Rows holders, db_.Query("SELECT u.id, u.name FROM users u JOIN user_roles ur ON ur.user_id = u.id "
                                              "WHERE ur.role_id = ? AND u.region = '' AND u.owner_ledger = '' ORDER BY u.name",
                                              {id}));
  for (const auto& holder : holders.rows) {
    SH_ASSIGN_OR_RETURN(UserGrants grants, GrantsOf(AsInt(holder[0])));
    const Status scoped = CheckRevealScoped(grants.grants, true);
    if (!scoped.ok())
      return Status::PermissionDenied("用户 " + AsText(holder[1]) + " 持有此角色且未限定区域或单位：" + scoped.message_zh(),
                                      "user " + AsText(holder[1]) + " holds this role and is limited to no region or "
                                          "organisation: " + scoped.message_en());
  }
  return Status::Ok();
}

Status RoleService::Delete(const Actor& actor, int64_t id) {
  SH_RETURN_IF_ERROR(Authorize(actor, kRolesDuty));
  const Status deleted = InTransaction(db_, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(RoleInfo before, Find(id));
    if (before.builtin) return SeededRole(before.name);
    SH_RETURN_IF_ERROR(CheckNotHeldAndWithin(actor, before));
    if (before.users > 0)
      return Status::Conflict("角色 " + before.name + " 仍有 " + std::to_string(before.users) + " 个用户，不能删除",
                              "role " + before.name + " is held by " + std::to_string(before.users) +
                                  " users and cannot be deleted");
    SH_RETURN_IF_ERROR(db_.Execute(kDeleteGrants, {id}).status());
    SH_RETURN_IF_ERROR(db_.Execute(kDeleteRole, {id}).status());
    const RoleDraft old{before.name, before.label_zh, before.grants};
    return audit_.Write(actor, "role_delete", "roles", id, "", AuditDetail(before.name, old), "");
  });
  SessionCache::Invalidate();
  return deleted;
}

Result<std::vector<int64_t>> RoleService::ResolveNames(const std::vector<std::string>& names) {
  if (names.empty()) return Status::Invalid({{0, "roles", "角色：至少选择一个", "roles: choose at least one"}});
  std::vector<int64_t> ids;
  for (const std::string& name : names) {
    SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSelectRoleIdByName, {name}));
    if (rows.rows.empty())
      return Status::Invalid({{0, "roles", "未知角色 \"" + name + "\"", "unknown role \"" + name + "\""}});
    const int64_t id = AsInt(rows.rows[0][0]);
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return ids;
}

Status RoleService::CheckWithin(const Actor& actor, const std::vector<std::string>& grants) {
  const std::vector<std::string> beyond = DutiesBeyond(grants, actor.grants);
  if (beyond.empty()) return Status::Ok();
  return Status::PermissionDenied("不能授予您自己没有的管理职责：" + beyond.front(),
                                  "you cannot grant an administrator duty you do not hold: " + beyond.front());
}

Status RoleService::CheckNotHeldAndWithin(const Actor& actor, const RoleInfo& role) {
  if (std::find(actor.roles.begin(), actor.roles.end(), role.name) != actor.roles.end())
    return Status::PermissionDenied("不能修改自己持有的角色：" + role.name, "you cannot change a role you hold: " + role.name);
  return CheckWithin(actor, role.grants);  // nor strip a duty one does not hold oneself
}

Result<std::vector<std::string>> RoleService::GrantsOfRoles(const std::vector<int64_t>& role_ids) {
  std::vector<std::string> grants;
  for (int64_t id : role_ids) {
    SH_ASSIGN_OR_RETURN(RoleInfo role, Find(id));
    grants.insert(grants.end(), role.grants.begin(), role.grants.end());
  }
  return grants;
}

Status RoleService::CheckFitsScope(const std::vector<int64_t>& role_ids, const std::string& owner_ledger) {
  for (int64_t id : role_ids) {
    SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSelectRoleOwner, {id}));  // not Find: no grants needed
    if (rows.rows.empty() || AsText(rows.rows[0][2]) == owner_ledger) continue;
    const std::string name = AsText(rows.rows[0][0]), label = AsText(rows.rows[0][1]), required = AsText(rows.rows[0][2]);
    const LedgerDef* def = FindLedger(required);
    const std::string zh = def ? def->label_zh : required;
    const std::string en = def ? def->label_en : required;
    return Status::Invalid({{0, "owner_id", "“" + label + "”只授予" + zh + "的账号：请在“所属单位”中选择所属的" + zh,
                             "the role " + name + " is only for accounts of one of the " + en +
                                 ": choose it as the account's organisation"}});
  }
  return Status::Ok();
}

Status RoleService::SetUserRoles(int64_t user_id, const std::vector<int64_t>& role_ids) {
  SH_RETURN_IF_ERROR(db_.Execute(kDeleteUserRoles, {user_id}).status());
  for (int64_t id : role_ids) SH_RETURN_IF_ERROR(db_.Execute(kInsertUserRole, {user_id, id}).status());
  return Status::Ok();
}

Result<std::map<int64_t, std::vector<std::string>>> RoleService::RolesByUser() {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSelectRolesByUser));
  std::map<int64_t, std::vector<std::string>> out;
  for (const auto& r : rows.rows) out[AsInt(r[0])].push_back(AsText(r[1]));
  return out;
}

Result<UserGrants> RoleService::GrantsOf(int64_t user_id) { return UserGrantsOf(db_, user_id); }

Result<UserGrants> UserGrantsOf(Database& db, int64_t user_id) {
  SH_ASSIGN_OR_RETURN(Rows rows, db.Query(kSelectUserGrants, {user_id}));
  UserGrants out;
  for (const auto& r : rows.rows) {
    const std::string role = AsText(r[0]);
    if (out.roles.empty() || out.roles.back() != role) out.roles.push_back(role);
    if (!IsNull(r[1])) out.grants.push_back(AsText(r[1]));
  }
  return out;
}

}  // namespace shanhai

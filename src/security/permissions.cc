#include "security/permissions.h"

#include <algorithm>
#include <array>

namespace shanhai {
namespace {

constexpr std::array<std::pair<Role, const char*>, 3> kRoles = {{
    {Role::kAdmin, "admin"}, {Role::kStaff, "staff"}, {Role::kViewer, "viewer"}}};

constexpr std::array<std::pair<Action, const char*>, 9> kActions = {{
    {Action::kList, "list"},
    {Action::kRead, "read"},
    {Action::kCreate, "create"},
    {Action::kUpdate, "update"},
    {Action::kDelete, "delete"},
    {Action::kImport, "import"},
    {Action::kExport, "export"},
    {Action::kReveal, "reveal"},
    {Action::kAdmin, "admin"},
}};

// The module whose permissions (users, roles, system settings) only admins hold.
constexpr std::string_view kAdminModule = "admin";

bool IsIdentifier(std::string_view s) {
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

Status BadPermission(std::string_view text, const std::string& zh, const std::string& en) {
  return Status::InvalidArgument("权限 \"" + std::string(text) + "\" 无效：" + zh,
                                 "invalid permission \"" + std::string(text) + "\": " + en);
}

bool StaffMayDo(Action action) {
  return action != Action::kAdmin;  // every ledger action, reveal included
}

bool ViewerMayDo(Action action) {
  return action == Action::kList || action == Action::kRead || action == Action::kExport;
}

bool LedgerAllowed(const Permission& p, const std::vector<std::string>& ledgers) {
  if (ledgers.empty()) return true;
  const std::string exact = p.module + ":" + p.entity;
  const std::string whole_module = p.module + ":*";
  return std::any_of(ledgers.begin(), ledgers.end(),
                     [&](const std::string& l) { return l == exact || l == whole_module; });
}

}  // namespace

const char* RoleName(Role role) {
  for (const auto& [r, name] : kRoles) {
    if (r == role) return name;
  }
  return "";
}

Result<Role> ParseRole(std::string_view text) {
  for (const auto& [role, name] : kRoles) {
    if (text == name) return role;
  }
  return Status::InvalidArgument("未知角色 \"" + std::string(text) + "\"：应为 admin、staff 或 viewer",
                                 "unknown role \"" + std::string(text) +
                                     "\": expected admin, staff or viewer");
}

const char* ActionName(Action action) {
  for (const auto& [a, name] : kActions) {
    if (a == action) return name;
  }
  return "";
}

Result<Permission> ParsePermission(std::string_view text) {
  const size_t first = text.find(':');
  const size_t second = first == std::string_view::npos ? first : text.find(':', first + 1);
  if (second == std::string_view::npos || text.find(':', second + 1) != std::string_view::npos) {
    return BadPermission(text, "应为 模块:实体:操作", "expected module:entity:action");
  }
  const std::string_view module = text.substr(0, first);
  const std::string_view entity = text.substr(first + 1, second - first - 1);
  const std::string_view action = text.substr(second + 1);
  if (!IsIdentifier(module) || !IsIdentifier(entity)) {
    return BadPermission(text, "模块和实体只能由小写字母、数字和下划线组成",
                         "module and entity must be lower-case letters, digits and underscores");
  }
  const auto it = std::find_if(kActions.begin(), kActions.end(),
                               [&](const auto& a) { return action == a.second; });
  if (it == kActions.end()) {
    return BadPermission(text, "未知操作 \"" + std::string(action) + "\"",
                         "unknown action \"" + std::string(action) + "\"");
  }
  return Permission{std::string(module), std::string(entity), it->first};
}

std::string FormatPermission(const Permission& permission) {
  return permission.module + ":" + permission.entity + ":" + ActionName(permission.action);
}

bool RoleAllows(Role role, std::string_view permission, const std::vector<std::string>& staff_ledgers) {
  const Result<Permission> parsed = ParsePermission(permission);
  if (!parsed.ok()) return false;
  const Permission& p = *parsed;
  switch (role) {
    case Role::kAdmin:
      return true;
    case Role::kStaff:
      return p.module != kAdminModule && StaffMayDo(p.action) && LedgerAllowed(p, staff_ledgers);
    case Role::kViewer:
      return p.module != kAdminModule && ViewerMayDo(p.action);
  }
  return false;
}

}  // namespace shanhai

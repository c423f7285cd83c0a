// Who may do what. A permission reads "module:entity:action" (e.g. "labor:workers:update"),
// matching the route table and the console. Three roles:
//   admin  - everything;
//   staff  - list, read, export, create, update, delete, import and reveal on its ledgers
//            (empty ledger list = every ledger); never the "admin" module or the admin action;
//   viewer - list, read and export on every ledger; never reveal, never writes, never admin.
// A ledger is named "module:entity" ("labor:workers"), or "module:*" for all of a module.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace shanhai {

enum class Role { kAdmin, kStaff, kViewer };

enum class Action {
  kList,
  kRead,
  kCreate,
  kUpdate,
  kDelete,
  kImport,
  kExport,
  kReveal,  // see personal data unmasked
  kAdmin,   // manage the module itself (settings, dictionaries)
};

struct Permission {
  std::string module;  // [a-z][a-z0-9_]*
  std::string entity;  // [a-z][a-z0-9_]*
  Action action;
};

// "admin", "staff", "viewer". Pure.
const char* RoleName(Role role);
// The role named text (exactly as RoleName spells it). Errors: InvalidArgument (zh/en).
Result<Role> ParseRole(std::string_view text);

// "list", "read", ..., "admin". Pure.
const char* ActionName(Action action);

// Splits and checks "module:entity:action". Errors: InvalidArgument (zh/en) for a wrong shape,
// an empty or non-[a-z0-9_] part, or an unknown action. Pure; thread-safe.
Result<Permission> ParsePermission(std::string_view text);
// "module:entity:action". Pure.
std::string FormatPermission(const Permission& permission);

// True if role may use permission. staff_ledgers only restricts staff (see above). A malformed
// permission is never allowed, whatever the role: a typo must fail closed. Pure; thread-safe.
bool RoleAllows(Role role, std::string_view permission, const std::vector<std::string>& staff_ledgers);

}  // namespace shanhai

// Who may do what, as data. A permission reads "module:entity:action" (e.g. "labor:workers:update"),
// matching the route table and the console; the modules declare theirs (see
// domain/accounts/permission_catalog.h), so a new module or a workflow step adds actions without
// touching this file. A role (a database record, see domain/accounts/role_service.h) grants a list
// of grants; a grant is a permission, or a pattern in which any part may be "*" ("*:*:list": list
// every ledger; "people:people:*": everything on one ledger), or "*" alone (everything). A
// wildcard module never covers the "admin" module: administrator duties (三员分立) are granted by
// name, or by "*".
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace shanhai {

// The administrator duties of 等保 level 3 (三员分立): the security administrator's (users,
// roles), the audit administrator's, the system administrator's (dictionaries, settings).
inline constexpr const char* kUsersDuty = "admin:users:admin";
inline constexpr const char* kRolesDuty = "admin:roles:admin";
inline constexpr const char* kAuditDuty = "admin:audit:admin";
inline constexpr const char* kDictionariesDuty = "admin:dictionaries:admin";
inline constexpr const char* kSystemDuty = "admin:system:admin";
inline constexpr std::array<const char*, 5> kAdministratorDuties = {kUsersDuty, kRolesDuty, kAuditDuty,
                                                                     kDictionariesDuty, kSystemDuty};

// The actions every ledger declares (its own list may add workflow steps, see LedgerDef).
// "reveal" reads a sensitive field whole.
const std::vector<std::string>& StandardLedgerActions();

// True for "module:entity:action", each part [a-z][a-z0-9_]*. Pure; thread-safe.
bool IsPermission(std::string_view text);

// Checks a grant: "*", or three parts each "*" or [a-z][a-z0-9_]*. Errors: InvalidArgument (zh/en).
Status CheckGrant(std::string_view grant);

// True if grant covers permission. A malformed permission or grant covers nothing: a typo must
// fail closed. Pure; thread-safe.
bool GrantCovers(std::string_view grant, std::string_view permission);

// True if any of grants covers permission. Pure; thread-safe.
bool GrantsAllow(const std::vector<std::string>& grants, std::string_view permission);

}  // namespace shanhai

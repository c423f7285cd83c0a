// Every permission the modules declare, with the labels the console's role editor shows,
// grouped by module. Each ledger declares its actions (LedgerDef::Actions: list, read, create,
// update, delete, import, export, reveal, plus any workflow steps of its own); the other modules
// declare theirs in ModulePermissions() below. Roles may only grant what is declared here.
#pragma once

#include <string>
#include <vector>

namespace shanhai {

struct PermissionInfo {
  std::string name;      // "people:people:reveal"
  std::string group;     // what the editor groups by: the ledger ("people:people") or module ("admin")
  std::string group_zh;  // "人员信息"
  std::string label_zh;  // "查看敏感字段全文"
  std::string label_en;
};

// Ledgers first (in AllLedgers order), then the other modules'. Built once; thread-safe.
const std::vector<PermissionInfo>& PermissionCatalog();

// The declared permission of that name, or nullptr.
const PermissionInfo* FindPermission(const std::string& name);

// The declared permissions that grants (permissions or patterns, see security/permissions.h)
// cover, each once, in catalogue order.
std::vector<std::string> CoveredPermissions(const std::vector<std::string>& grants);

// The administrator duties (declared permissions of the "admin" module) that grants cover but
// holder's grants do not, in catalogue order: what handing grants out (in a role, or by giving a
// user a role) would add to the holder's own duties — 三员分立 forbids that. Business permissions
// are not counted: managing them is the security administrator's job. Pure; thread-safe.
std::vector<std::string> DutiesBeyond(const std::vector<std::string>& grants,
                                      const std::vector<std::string>& holder);

}  // namespace shanhai

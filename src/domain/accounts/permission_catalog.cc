#include "domain/accounts/permission_catalog.h"

#include <algorithm>
#include <map>

#include "domain/ledger/ledger_def.h"
#include "domain/ledger/workflow.h"
#include "domain/messages/outbox_service.h"
#include "security/permissions.h"

namespace shanhai {
namespace {

struct ActionLabel {
  const char* zh;
  const char* en;
};

// Labels of the standard ledger actions; workflow steps take their transition's label.
const std::map<std::string, ActionLabel>& LedgerActionLabels() {
  static const std::map<std::string, ActionLabel> kLabels = {
      {"list", {"列表", "list"}},          {"read", {"查看", "read"}},     {"create", {"新增", "create"}},
      {"update", {"修改", "update"}},      {"delete", {"删除", "delete"}}, {"import", {"导入", "import"}},
      {"export", {"导出", "export"}},      {"reveal", {"查看敏感字段全文", "reveal sensitive fields"}},
      {"match", {"就业推荐（推荐岗位或人选及理由）", "recommended jobs or people, with the reasons"}}};
  return kLabels;
}

// The first transition of def's workflow whose permission is action, or null.
const TransitionDef* TransitionOfAction(const LedgerDef& def, const std::string& action) {
  if (!def.workflow) return nullptr;
  for (const TransitionDef& t : def.workflow->transitions)
    if (t.Action() == action) return &t;
  return nullptr;
}

// Permissions of the modules that are not ledgers.
std::vector<PermissionInfo> ModulePermissions() {
  return {
      {"indicators:report:read", "indicators", "指标与报告", "查看指标、下钻与报告", "read indicators and reports"},
      {kOutboxReadPermission, "messages", "短信发件箱", "查看发件箱（号码脱敏）", "read the outbox (masked)"},
      {kOutboxRevealPermission, "messages", "短信发件箱", "查看短信完整号码与内容（记入审计）",
       "read a message whole (audited)"},
      {kUsersDuty, "admin", "系统管理", "用户管理（账号、解锁、重置二次验证）", "manage users"},
      {kRolesDuty, "admin", "系统管理", "角色管理", "manage roles"},
      {kAuditDuty, "admin", "系统管理", "审计日志（查阅、导出、校验）", "read, export and verify the audit log"},
      {kDictionariesDuty, "admin", "系统管理", "数据字典", "edit data dictionaries"},
      {kSystemDuty, "admin", "系统管理", "系统设置", "system settings"},
  };
}

std::vector<PermissionInfo> BuildCatalog() {
  std::vector<PermissionInfo> out;
  for (const LedgerDef* def : AllLedgers())
    for (const std::string& action : def->Actions()) {
      auto label = LedgerActionLabels().find(action);
      std::string zh = action, en = action;
      if (label != LedgerActionLabels().end()) {
        zh = label->second.zh;
        en = label->second.en;
      } else if (const TransitionDef* t = TransitionOfAction(*def, action)) {
        zh = "流程：" + t->label_zh;
        en = "transition: " + t->name;
      }
      out.push_back({def->module + ":" + def->name + ":" + action, def->module + ":" + def->name, def->label_zh, zh, en});
    }
  for (PermissionInfo& p : ModulePermissions()) out.push_back(std::move(p));
  return out;
}

}  // namespace

const std::vector<PermissionInfo>& PermissionCatalog() {
  static const std::vector<PermissionInfo> kCatalog = BuildCatalog();
  return kCatalog;
}

const PermissionInfo* FindPermission(const std::string& name) {
  for (const PermissionInfo& p : PermissionCatalog())
    if (p.name == name) return &p;
  return nullptr;
}

std::vector<std::string> CoveredPermissions(const std::vector<std::string>& grants) {
  std::vector<std::string> out;
  for (const PermissionInfo& p : PermissionCatalog())
    if (GrantsAllow(grants, p.name)) out.push_back(p.name);
  return out;
}

std::vector<std::string> DutiesBeyond(const std::vector<std::string>& grants,
                                      const std::vector<std::string>& holder) {
  std::vector<std::string> out;
  for (const std::string& p : CoveredPermissions(grants))
    if (std::find(kAdministratorDuties.begin(), kAdministratorDuties.end(), p) != kAdministratorDuties.end() &&
        !GrantsAllow(holder, p))
      out.push_back(p);
  return out;
}

}  // namespace shanhai

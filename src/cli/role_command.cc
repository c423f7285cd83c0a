// shanhai role add/list: roles as records (see domain/accounts/role_service.h). A role grants
// declared permissions only; `shanhai role permissions` lists what may be granted.
#include <iostream>

#include "cli/connect.h"
#include "common/comma_list.h"
#include "domain/accounts/permission_catalog.h"

namespace shanhai::cli {

void RegisterRole(CLI::App& app) {
  struct Args {
    DbOptions db;
    std::string name, label, permissions;
  };
  auto a = std::make_shared<Args>();
  CLI::App* role = app.add_subcommand("role", "角色管理 / roles");
  role->require_subcommand(1);

  CLI::App* add = role->add_subcommand("add", "新建角色 / add a role");
  AddDbOptions(*add, a->db);
  add->add_option("name", a->name, "角色代码，如 visits_clerk / role name")->required();
  add->add_option("--label", a->label, "角色名称（中文）/ label")->required();
  add->add_option("--permissions", a->permissions,
                  "授予的权限，逗号分隔，如 exchange:visits:list,exchange:visits:read / permissions granted")
      ->required();
  add->callback([a] {
    ExitCode() = PrintError([&]() -> Status {
      SH_ASSIGN_OR_RETURN(Connected c, Connect(a->db, false));
      SH_ASSIGN_OR_RETURN(RoleInfo r, c.conn->accounts().roles().Create(
                                          Actor::System(), {a->name, a->label, SplitCommaList(a->permissions)}));
      std::cout << "已创建角色 created role " << r.name << " (" << r.permissions.size() << " 项权限 permissions)\n";
      return Status::Ok();
    }());
  });

  CLI::App* list = role->add_subcommand("list", "列出角色及其权限 / list roles and their permissions");
  AddDbOptions(*list, a->db);
  list->callback([a] {
    ExitCode() = PrintError([&]() -> Status {
      SH_ASSIGN_OR_RETURN(Connected c, Connect(a->db, false));
      SH_ASSIGN_OR_RETURN(std::vector<RoleInfo> roles, c.conn->accounts().roles().List(Actor::System()));
      for (const RoleInfo& r : roles)
        std::cout << r.name << "\t" << r.label_zh << "\t" << (r.builtin ? "预置 builtin" : "自定义 custom") << "\t"
                  << r.users << " 用户 users\t" << JoinCommaList(r.grants) << "\n";
      return Status::Ok();
    }());
  });

  CLI::App* permissions = role->add_subcommand("permissions", "列出可授予的权限 / list the permissions a role may grant");
  permissions->callback([] {
    for (const PermissionInfo& p : PermissionCatalog())
      std::cout << p.name << "\t" << p.group_zh << "\t" << p.label_zh << "\n";
  });
}

}  // namespace shanhai::cli

// shanhai user update NAME --display-name 王芳: change an account's display name.
// shanhai user add: create an account. The password comes from a prompt (no echo) or,
// when stdin is not a terminal, from its first line — never from an argument.
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>

#include "cli/connect.h"
#include "common/comma_list.h"
#include "regions/region_candidates.h"
#include "regions/region_display.h"

namespace shanhai::cli {

namespace {

std::string ReadPassword(const char* prompt) {
  std::string line;
  if (!isatty(STDIN_FILENO)) {
    std::getline(std::cin, line);
    return line;
  }
  std::cerr << prompt;
  termios old{};
  tcgetattr(STDIN_FILENO, &old);
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::getline(std::cin, line);
  tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::cerr << "\n";
  return line;
}

// --region as a code or a name ("卡蒲毛南族乡"); "units:12" → owner units, record 12 ("" → no
// owner). Errors name the option.
Result<DataScope> ParseScope(const std::string& region, const std::string& owner) {
  DataScope scope{region, "", 0};
  if (!region.empty()) {
    SH_ASSIGN_OR_RETURN(scope.region, RegionCodeNamedAnywhere(RegionCatalog::Embedded(), region, "--region"));
  }
  if (owner.empty()) return scope;
  const size_t colon = owner.find(':');
  const std::string id = colon == std::string::npos ? "" : owner.substr(colon + 1);
  if (colon == 0 || id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos)
    return Status::InvalidArgument("--owner 应写作 台账:编号，如 units:12", "--owner is LEDGER:ID, e.g. units:12");
  scope.owner_ledger = owner.substr(0, colon);
  scope.owner_id = std::stoll(id);
  return scope;
}

}  // namespace

void RegisterUser(CLI::App& app) {
  struct Args {
    DbOptions db;
    std::string name, roles = "staff", region, owner, display_name;
    std::string new_display_name;
  };
  auto a = std::make_shared<Args>();
  CLI::App* user = app.add_subcommand("user", "账号管理 / accounts");
  user->require_subcommand(1);
  CLI::App* add = user->add_subcommand("add", "新建账号（密码从提示或标准输入读取）/ add an account (password from a prompt or stdin)");
  AddDbOptions(*add, a->db);
  add->add_option("name", a->name, "用户名")->required();
  add->add_option("--role", a->roles,
                  "角色，逗号分隔，如 staff,revealer（见 shanhai role list）/ roles, comma-separated");
  add->add_option("--region", a->region, "只能看到该地区的数据：名称或行政区划代码，如 平塘县、522727；乡镇或村（如 卡蒲毛南族乡）只见本地的记录 / limit to this region (name or code); a town or village sees only its own records");
  add->add_option("--owner", a->owner,
                  "只能看到该单位自己的记录，写作 台账:编号，如 units:12 / limit to one organisation's records");
  add->add_option("--display-name", a->display_name, "姓名，如 王芳（历史中显示为 王*）/ display name, shown masked in histories");
  add->callback([a] {
    ExitCode() = PrintError([&]() -> Status {
      SH_ASSIGN_OR_RETURN(DataScope scope, ParseScope(a->region, a->owner));
      SH_ASSIGN_OR_RETURN(Connected c, Connect(a->db, false));
      const std::string password = ReadPassword("密码 password: ");
      if (isatty(STDIN_FILENO) && ReadPassword("再输一次 again: ") != password)
        return Status::InvalidArgument("两次输入的密码不一致", "the passwords differ");
      SH_ASSIGN_OR_RETURN(UserInfo u, c.conn->accounts().AddUser(Actor::System(),
                                                                 {a->name, password, SplitCommaList(a->roles), scope,
                                                                  true, a->display_name}));
      std::cout << "已创建账号 created user " << u.name << (u.display_name.empty() ? "" : " " + u.display_name) << " ("
                << JoinCommaList(u.roles)
                << (u.scope.region.empty()
                        ? ""
                        : ", " + RegionDisplayName(RegionCatalog::Embedded(), u.scope.region) + "（" + u.scope.region + "）")
                << ")；首次登录须修改密码 / must change the password at the first login\n";
      if (u.reveal_awaits_approval)
        std::cout << "该账号查看全文须另一位安全管理员批准后生效（shanhai user reveal-requests）/ its reveal takes effect once a "
                     "second security administrator approves it (shanhai user reveal-requests)\n";
      return Status::Ok();
    }());
  });
  CLI::App* update = user->add_subcommand("update", "修改账号的姓名（角色与数据范围不变）/ change an account's display name");
  AddDbOptions(*update, a->db);
  update->add_option("name", a->name, "用户名")->required();
  update->add_option("--display-name", a->new_display_name, "姓名；空字符串清除 / display name; \"\" clears it")->required();
  update->callback([a] {
    ExitCode() = PrintError([&]() -> Status {
      SH_ASSIGN_OR_RETURN(Connected c, Connect(a->db, false));
      SH_ASSIGN_OR_RETURN(std::vector<UserInfo> users, c.conn->accounts().ListUsers(Actor::System()));
      auto u = std::find_if(users.begin(), users.end(), [&](const UserInfo& x) { return x.name == a->name; });
      if (u == users.end()) return Status::NotFound("用户不存在：" + a->name, "no such user: " + a->name);
      // The name alone: roles, scope and status stay as stored, unchecked.
      SH_ASSIGN_OR_RETURN(UserInfo changed, c.conn->accounts().SetDisplayName(Actor::System(), u->id, a->new_display_name));
      std::cout << "已修改账号 updated user " << changed.name << "：姓名 display name "
                << (changed.display_name.empty() ? "（无 none）" : changed.display_name) << "\n";
      return Status::Ok();
    }());
  });
  RegisterUserIdentity(*user);
  RegisterRevealGrants(*user);
}

void RegisterBackup(CLI::App& app) {
  struct Args {
    DbOptions db;
    std::string out;
  };
  auto a = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("backup", "在线备份（一致的副本）/ consistent online backup");
  AddDbOptions(*cmd, a->db);
  cmd->add_option("-o,--output", a->out, "备份文件（SQLite 副本，或 PostgreSQL 的 pg_dump 归档）")->required();
  cmd->callback([a] {
    ExitCode() = PrintError([&]() -> Status {
      SH_ASSIGN_OR_RETURN(Connected c, Connect(a->db, false));
      SH_RETURN_IF_ERROR(c.conn->db().Backup(a->out));
      std::cout << "已备份 backed up → " << a->out << "\n注意：个人信息密钥需另行备份 / back up the data key separately\n";
      return Status::Ok();
    }());
  });
}

}  // namespace shanhai::cli

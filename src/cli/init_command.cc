// shanhai init: create or migrate the schema (idempotent) and the data key; on a database
// with no users, create "admin" with a random password printed once. With --demo, the first
// init (the one that creates admin) also loads the demo data: `make run` runs `init --demo` on
// every start, and a database set up before is only migrated, its data kept and the demo not
// loaded again — whether it is a file or a PostgreSQL URL.
#include <iostream>

#include "cli/connect.h"
#include "security/tokens.h"
#include "storage/migrations.h"

namespace shanhai::cli {

namespace {

// First login: "admin" with a generated password that is printed once, stored only hashed, and
// must be replaced at the first login (NewUser::must_change_password).
Status CreateFirstAdmin(AppConn& conn) {
  const std::string password = NewToken().substr(0, 16) + "#1";
  SH_RETURN_IF_ERROR(conn.accounts().AddUser(Actor::System(), {"admin", password, {"admin"}, {}}).status());
  std::cout << "管理员账号 admin account created — user: admin  password: " << password << "\n"
            << "（只显示这一次；首次登录须改为新密码 / shown only once; it must be changed at the first login）\n";
  return Status::Ok();
}

// The demo goes in before admin: admin marks a database as initialised, so a demo that failed
// (nothing of it stored: it loads in one transaction) leaves none, and the next start tries again.
Status Initialise(AppConn& conn, bool with_demo) {
  SH_ASSIGN_OR_RETURN(int64_t users, conn.accounts().CountUsers());
  if (users > 0) {
    std::cout << "数据库此前已初始化，现有数据保留" << (with_demo ? "，不再载入演示数据" : "")
              << " / already initialised: its data is kept" << (with_demo ? " and the demo is not loaded again" : "")
              << "\n";
    return Status::Ok();
  }
  if (with_demo) SH_RETURN_IF_ERROR(LoadDemo(conn));
  return CreateFirstAdmin(conn);
}

}  // namespace

void RegisterInit(CLI::App& app) {
  auto options = std::make_shared<DbOptions>();
  auto with_demo = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("init", "创建或升级数据库结构（可重复运行）/ create or migrate the schema (idempotent)");
  AddDbOptions(*cmd, *options);
  cmd->add_flag("--demo", *with_demo,
                "首次初始化时一并载入演示数据；已初始化的数据库不再载入 / on the first init, also load the demo data; "
                "a database initialised before is left as it is");
  cmd->callback([options, with_demo] {
    Result<Connected> c = Connect(*options, true);
    if (!c.ok()) {
      ExitCode() = PrintError(c.status());
      return;
    }
    if (c->env->key_created()) std::cout << "已创建个人信息加密密钥 created the data key: " << KeyFileFor(c->env->db_url(), options->key) << "\n";
    Result<int64_t> version = SchemaVersion(c->conn->db());
    std::cout << "数据库就绪 database ready: " << c->conn->db().Describe() << " (schema version "
              << (version.ok() ? *version : 0) << ")\n";
    ExitCode() = PrintError(Initialise(*c->conn, *with_demo));
  });
}

}  // namespace shanhai::cli

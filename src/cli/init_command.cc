// shanhai init: create or migrate the schema (idempotent) and the data key; on a database
// with no users, create "admin" with a random password printed once.
#include <iostream>

#include "cli/connect.h"
#include "security/tokens.h"
#include "storage/migrations.h"

namespace shanhai::cli {

namespace {

// First login: "admin" with a generated password that is printed once, stored only hashed, and
// must be replaced at the first login (NewUser::must_change_password).
Status CreateFirstAdmin(AppConn& conn) {
  SH_ASSIGN_OR_RETURN(int64_t users, conn.accounts().CountUsers());
  if (users > 0) return Status::Ok();
  const std::string password = NewToken().substr(0, 16) + "#1";
  SH_RETURN_IF_ERROR(conn.accounts().AddUser(Actor::System(), {"admin", password, {"admin"}, {}}).status());
  std::cout << "管理员账号 admin account created — user: admin  password: " << password << "\n"
            << "（只显示这一次；首次登录须改为新密码 / shown only once; it must be changed at the first login）\n";
  return Status::Ok();
}

}  // namespace

void RegisterInit(CLI::App& app) {
  auto options = std::make_shared<DbOptions>();
  CLI::App* cmd = app.add_subcommand("init", "创建或升级数据库结构（可重复运行）/ create or migrate the schema (idempotent)");
  AddDbOptions(*cmd, *options);
  cmd->callback([options] {
    Result<Connected> c = Connect(*options, true);
    if (!c.ok()) {
      ExitCode() = PrintError(c.status());
      return;
    }
    if (c->env->key_created()) std::cout << "已创建个人信息加密密钥 created the data key: " << KeyFileFor(c->env->db_url(), options->key) << "\n";
    Result<int64_t> version = SchemaVersion(c->conn->db());
    std::cout << "数据库就绪 database ready: " << c->conn->db().Describe() << " (schema version "
              << (version.ok() ? *version : 0) << ")\n";
    ExitCode() = PrintError(CreateFirstAdmin(*c->conn));
  });
}

}  // namespace shanhai::cli

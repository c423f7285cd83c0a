// shanhai user unlock NAME: lift a login lockout (and forget the failed logins) of an account.
// shanhai user totp NAME: enrol the account in TOTP at once with a new secret, printing the
// otpauth:// URI and its QR code for an authenticator app (--remove takes TOTP away again).
// Both act as the operator at the terminal ("system") and are audited.
#include <iostream>

#include "cli/connect.h"
#include "common/qr_code.h"

namespace shanhai::cli {

namespace {

struct IdentityArgs {
  DbOptions db;
  std::string name;
  bool remove = false;
};

Result<int64_t> UserIdByName(AppConn& conn, const std::string& name) {
  SH_ASSIGN_OR_RETURN(std::vector<UserInfo> users, conn.accounts().ListUsers(Actor::System()));
  for (const UserInfo& u : users)
    if (u.name == name) return u.id;
  return Status::NotFound("用户不存在：" + name, "no such user: " + name);
}

Status Unlock(const IdentityArgs& a) {
  SH_ASSIGN_OR_RETURN(Connected c, Connect(a.db, false));
  SH_ASSIGN_OR_RETURN(int64_t id, UserIdByName(*c.conn, a.name));
  SH_RETURN_IF_ERROR(c.conn->accounts().Unlock(Actor::System(), id));
  std::cout << "已解除锁定 unlocked " << a.name << "\n";
  return Status::Ok();
}

Status Totp(const IdentityArgs& a) {
  SH_ASSIGN_OR_RETURN(Connected c, Connect(a.db, false));
  if (a.remove) {
    SH_ASSIGN_OR_RETURN(int64_t id, UserIdByName(*c.conn, a.name));
    SH_RETURN_IF_ERROR(c.conn->accounts().ResetTotp(Actor::System(), id));
    std::cout << "已移除两步验证 removed TOTP of " << a.name << "\n";
    return Status::Ok();
  }
  SH_ASSIGN_OR_RETURN(TotpSecretShown shown, c.conn->accounts().totp().EnrolNow(Actor::System(), a.name));
  std::cout << "已为 " << a.name << " 启用两步验证 TOTP enrolled for " << a.name << "\n"
            << "用验证器应用扫描二维码，或输入密钥 / scan with an authenticator app, or type the secret:\n"
            << "  " << shown.secret_base32 << "\n  " << shown.uri << "\n";
  SH_ASSIGN_OR_RETURN(std::string qr, QrTerminal(shown.uri));
  std::cout << qr;
  return Status::Ok();
}

}  // namespace

void RegisterUserIdentity(CLI::App& user) {
  auto a = std::make_shared<IdentityArgs>();
  CLI::App* unlock = user.add_subcommand("unlock", "解除登录锁定 / lift a login lockout");
  AddDbOptions(*unlock, a->db);
  unlock->add_option("name", a->name, "用户名")->required();
  unlock->callback([a] { ExitCode() = PrintError(Unlock(*a)); });

  CLI::App* totp = user.add_subcommand(
      "totp", "启用两步验证并显示二维码（--remove 移除）/ enrol TOTP and show its QR code (--remove takes it away)");
  AddDbOptions(*totp, a->db);
  totp->add_option("name", a->name, "用户名")->required();
  totp->add_flag("--remove", a->remove, "移除该用户的两步验证 / remove the user's TOTP");
  totp->callback([a] { ExitCode() = PrintError(Totp(*a)); });
}

}  // namespace shanhai::cli

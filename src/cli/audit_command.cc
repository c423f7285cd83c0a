// shanhai audit verify / export: the audit administrator's commands (permission
// admin:audit:admin; the CLI acts as the system actor, which holds it).
#include <iostream>

#include "cli/connect.h"

namespace shanhai::cli {

namespace {

// 0 and the count if the chain verifies; 1 and the first entry that does not otherwise.
Status RunVerify(const DbOptions& db) {
  SH_ASSIGN_OR_RETURN(Connected c, Connect(db, false));
  SH_ASSIGN_OR_RETURN(ChainVerification v, c.conn->ledgers().audit().Verify(Actor::System()));
  if (v.ok) {
    std::cout << "审计日志校验通过 audit log verified: " << v.verified << " 条 entries\n";
    return Status::Ok();
  }
  const std::string where = "seq " + std::to_string(v.broken_seq) +
                            (v.broken_id != 0 ? ", id " + std::to_string(v.broken_id) : "") +
                            (v.broken_at.empty() ? "" : ", at " + v.broken_at);
  return Status::InvalidArgument("审计日志校验失败，前 " + std::to_string(v.verified) + " 条通过；第一条不通过的记录（" +
                                     where + "）：" + v.reason_zh,
                                 "audit log does not verify; " + std::to_string(v.verified) +
                                     " entries verified before the first that does not (" + where + "): " + v.reason_en);
}

}  // namespace

void RegisterAudit(CLI::App& app) {
  struct Args {
    DbOptions db;
    std::string out;
    AuditFilter filter;
  };
  auto a = std::make_shared<Args>();
  CLI::App* audit = app.add_subcommand("audit", "审计日志（审计管理员）/ the audit log (audit administrator)");
  audit->require_subcommand(1);
  CLI::App* verify = audit->add_subcommand(
      "verify", "校验审计日志哈希链：通过则退出码 0 并给出条数，否则 1 并指出第一条不通过的记录 / check the hash chain");
  AddDbOptions(*verify, a->db);
  verify->callback([a] { ExitCode() = PrintError(RunVerify(a->db)); });

  CLI::App* out = audit->add_subcommand("export", "导出审计日志（记入审计）/ export the audit log (audited)");
  AddDbOptions(*out, a->db);
  out->add_option("-o,--output", a->out, "输出文件 .xlsx 或 .csv")->required();
  out->add_option("--actor", a->filter.actor, "操作人 / actor");
  out->add_option("--action", a->filter.action, "动作，如 login_failed / action");
  out->add_option("--ledger", a->filter.ledger, "台账 / ledger");
  out->add_option("--from", a->filter.from, "起始时间 YYYY-MM-DD");
  out->add_option("--to", a->filter.to, "截止时间 YYYY-MM-DD");
  out->callback([a] {
    ExitCode() = PrintError([&]() -> Status {
      SH_ASSIGN_OR_RETURN(Connected c, Connect(a->db, false));
      SH_ASSIGN_OR_RETURN(int64_t n, c.conn->ledgers().audit().Export(Actor::System(), a->filter, a->out));
      std::cout << "已导出 exported " << n << " 条 entries → " << a->out << "\n";
      return Status::Ok();
    }());
  });
}

}  // namespace shanhai::cli

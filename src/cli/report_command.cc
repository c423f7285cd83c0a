// shanhai report: the "223" report of a pair and period as JSON, Markdown or xlsx.
#include <fstream>
#include <iostream>

#include "cli/connect.h"
#include "domain/pairing/pair_name.h"
#include "indicators/report.h"

namespace shanhai::cli {

namespace {

struct Args {
  DbOptions db;
  std::string pair, from, to, format = "md", out;
};

Status WriteText(const std::string& text, const std::string& out) {
  if (out.empty()) {
    std::cout << text << "\n";
    return Status::Ok();
  }
  std::ofstream file(out, std::ios::binary);
  file << text << "\n";
  if (!file) return Status::Unavailable("无法写入 " + out, "cannot write " + out);
  return Status::Ok();
}

Status Run(const Args& a) {
  SH_ASSIGN_OR_RETURN(Connected c, Connect(a.db, false));
  SH_ASSIGN_OR_RETURN(PairScope pair, PairScopeNamed(c.conn->db(), a.pair));
  SH_ASSIGN_OR_RETURN(Report report, BuildReport(c.conn->ledgers(), Actor::System(), pair, Period{a.from, a.to}));
  if (a.format == "json") return WriteText(RenderReportJson(report), a.out);
  if (a.format == "md") return WriteText(RenderReportMarkdown(report), a.out);
  if (a.out.empty()) return Status::InvalidArgument("xlsx 格式需要 -o 文件", "--format xlsx needs -o FILE");
  return WriteReportXlsx(report, a.out);
}

}  // namespace

void RegisterReport(CLI::App& app) {
  auto a = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("report", "生成“223”报告 / the \"223\" report of a pair and period");
  AddDbOptions(*cmd, a->db);
  cmd->add_option("--pair", a->pair,
                  "帮扶关系：代码（帮扶方代码-受帮扶方代码）、名称或一方的名称，如 440111-522727、广州市白云区—黔南州平塘县、"
                  "平塘县 / the pair: its code, its name or one side's name")
      ->required();
  cmd->add_option("--from", a->from, "起始日期 YYYY-MM-DD（含）");
  cmd->add_option("--to", a->to, "截止日期 YYYY-MM-DD（含）");
  cmd->add_option("--format", a->format, "json | md | xlsx")->check(CLI::IsMember({"json", "md", "xlsx"}));
  cmd->add_option("-o,--output", a->out, "输出文件（默认打印）");
  cmd->callback([a] { ExitCode() = PrintError(Run(*a)); });
}

}  // namespace shanhai::cli

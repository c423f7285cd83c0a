// shanhai import / export / template: spreadsheets in and out of any ledger.
#include <iostream>

#include "cli/connect.h"
#include "domain/ledger/ledger_export.h"
#include "domain/ledger/ledger_io.h"
#include "excel/sheet_out.h"

namespace shanhai::cli {

namespace {

std::string LedgerNames() {
  std::string names;
  for (const LedgerDef* l : AllLedgers()) names += (names.empty() ? "" : ", ") + l->name;
  return names;
}

Result<const LedgerDef*> LedgerNamed(const std::string& name) {
  const LedgerDef* def = FindLedger(name);
  if (!def) return Status::InvalidArgument("没有名为 " + name + " 的台账（可选：" + LedgerNames() + "）",
                                           "no ledger named " + name + " (one of: " + LedgerNames() + ")");
  return def;
}

struct ImportArgs {
  DbOptions db;
  std::string ledger, file, pair, error_sheet;
  bool dry_run = false, skip_invalid = false;
};

Status RunImport(const ImportArgs& a) {
  SH_ASSIGN_OR_RETURN(const LedgerDef* def, LedgerNamed(a.ledger));
  SH_ASSIGN_OR_RETURN(Connected c, Connect(a.db, false));
  ImportOptions options{a.dry_run, a.skip_invalid, a.pair};
  SH_ASSIGN_OR_RETURN(ImportReport report, ImportLedger(c.conn->ledgers(), Actor::System(), *def, a.file, options));
  std::cout << "读取 rows " << report.rows << "，有效 valid " << report.valid << "，有误 invalid " << report.invalid
            << "，写入 stored " << report.stored << (a.dry_run ? "（试导入，未写入 dry run: nothing stored）" : "") << "\n";
  for (const FieldError& e : report.errors)
    std::cerr << "第" << e.row << "行 row " << e.row << " [" << e.field << "] " << e.message_zh << " / " << e.message_en << "\n";
  if (!a.error_sheet.empty() && !report.errors.empty()) {
    SH_RETURN_IF_ERROR(WriteErrorSheet(report.errors, a.error_sheet));
    std::cerr << "错误清单 error sheet: " << a.error_sheet << "\n";
  }
  if (report.invalid > 0 && !a.skip_invalid)
    return Status::InvalidArgument("文件有 " + std::to_string(report.invalid) + " 行有误，未导入任何数据",
                                   std::to_string(report.invalid) + " rows are invalid; nothing was imported");
  return Status::Ok();
}

}  // namespace

void RegisterImport(CLI::App& app) {
  auto a = std::make_shared<ImportArgs>();
  CLI::App* cmd = app.add_subcommand("import", "从 .xlsx/.csv 导入台账（默认全部成功才写入）/ import a ledger from .xlsx or .csv (all or nothing)");
  AddDbOptions(*cmd, a->db);
  cmd->add_option("ledger", a->ledger, "台账 ledger: " + LedgerNames())->required();
  cmd->add_option("file", a->file, ".xlsx 或 .csv（UTF-8 或 GB18030）")->required();
  cmd->add_flag("--dry-run", a->dry_run, "只校验不写入 / validate only, store nothing");
  cmd->add_flag("--skip-invalid", a->skip_invalid, "写入有效行，报告有误行 / store the valid rows, report the others");
  cmd->add_option("--pair", a->pair, "文件无“帮扶关系”列时使用的帮扶关系，如 440111-522727");
  cmd->add_option("--error-sheet", a->error_sheet, "把错误清单写入此 .xlsx / write the problems to this workbook");
  cmd->callback([a] { ExitCode() = PrintError(RunImport(*a)); });
}

void RegisterExport(CLI::App& app) {
  struct Args {
    DbOptions db;
    std::string ledger, out, pair, from, to;
    bool reveal = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("export", "把台账导出为 .xlsx/.csv / export a ledger to .xlsx or .csv");
  AddDbOptions(*cmd, a->db);
  cmd->add_option("ledger", a->ledger, "台账 ledger: " + LedgerNames())->required();
  cmd->add_option("-o,--output", a->out, "输出文件 .xlsx 或 .csv")->required();
  cmd->add_option("--pair", a->pair, "只导出该帮扶关系（含下级）/ only this pair and those inside it");
  cmd->add_option("--from", a->from, "起始日期 YYYY-MM-DD");
  cmd->add_option("--to", a->to, "截止日期 YYYY-MM-DD");
  cmd->add_flag("--reveal", a->reveal, "导出完整身份证号等（记入审计）/ full personal data (audited)");
  cmd->callback([a] {
    ExitCode() = PrintError([&]() -> Status {
      SH_ASSIGN_OR_RETURN(const LedgerDef* def, LedgerNamed(a->ledger));
      SH_ASSIGN_OR_RETURN(Connected c, Connect(a->db, false));
      ListRequest request;
      SH_ASSIGN_OR_RETURN(request.pair, PairScope::ParseIfGiven(a->pair));
      request.date_from = a->from;
      request.date_to = a->to;
      SH_ASSIGN_OR_RETURN(int64_t n, ExportLedger(c.conn->ledgers(), Actor::System(), *def, request, a->out, a->reveal));
      std::cout << "已导出 exported " << n << " 条 records → " << a->out << "\n";
      return Status::Ok();
    }());
  });
}

namespace {

// The file a template goes to: out as named, its format from its extension; with --format, out
// if it ends in that format's extension, out plus the extension if it has neither, and an error
// if it names the other one (x.csv with --format xlsx).
Result<std::string> TemplatePath(const std::string& out, const std::string& format) {
  if (format.empty()) return out;
  const std::string ext = "." + format, other = format == "csv" ? ".xlsx" : ".csv";
  if (excel::PathEndsWith(out, ext.c_str())) return out;
  if (excel::PathEndsWith(out, other.c_str()))
    return Status::InvalidArgument("文件名 " + out + " 与格式 " + format + " 不符",
                                   "the file name " + out + " does not match the format " + format);
  return out + ext;
}

}  // namespace

void RegisterTemplate(CLI::App& app) {
  struct Args {
    std::string ledger, out, format;
  };
  auto a = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("template", "下载空白导入模板 / write an empty import template");
  cmd->add_option("ledger", a->ledger, "台账 ledger: " + LedgerNames())->required();
  cmd->add_option("-o,--output", a->out, "输出文件 .xlsx 或 .csv / output file, .xlsx or .csv")->required();
  cmd->add_option("--format", a->format, "xlsx 或 csv（默认按文件名）/ xlsx or csv (default: from the file name)")
      ->check(CLI::IsMember({"xlsx", "csv"}));
  cmd->callback([a] {
    ExitCode() = PrintError([&]() -> Status {
      SH_ASSIGN_OR_RETURN(const LedgerDef* def, LedgerNamed(a->ledger));
      SH_ASSIGN_OR_RETURN(std::string path, TemplatePath(a->out, a->format));
      SH_RETURN_IF_ERROR(WriteTemplate(*def, path));
      std::cout << "模板 template → " << path << "\n";
      return Status::Ok();
    }());
  });
}

}  // namespace shanhai::cli

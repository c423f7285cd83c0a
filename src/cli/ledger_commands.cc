// shanhai import / export / template: spreadsheets in and out of any ledger.
#include <iostream>

#include "cli/connect.h"
#include "common/english_count.h"
#include "domain/ledger/error_sheet.h"
#include "domain/ledger/ledger_export.h"
#include "domain/ledger/ledger_io.h"
#include "domain/pairing/pair_name.h"
#include "excel/sheet_out.h"
#include "indicators/targets_sheet.h"

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
  std::vector<std::string> names;  // [ledger] file
  std::string pair, error_sheet;
  bool dry_run = false, skip_invalid = false, update = false, skip = false;
};

// One report's counts, as the line after "读取" says them; for rows already stored, the flags
// that apply to def (--update only where a natural key names the record to update).
std::string Counts(const LedgerDef& def, const ImportReport& r, bool dry_run) {
  std::string line = "读取 rows " + std::to_string(r.rows) + "，有效 valid " + std::to_string(r.valid) + "，有误 invalid " +
                     std::to_string(r.invalid) + "，写入 stored " + std::to_string(r.stored);
  if (r.updated > 0) line += "，更新 updated " + std::to_string(r.updated);
  if (dry_run) line += "（试导入，未写入 dry run: nothing stored）";
  if (r.already_stored > 0)
    line += "\n  " + std::to_string(r.already_stored) + " 行已存储 / " + EnglishCount(r.already_stored, "row") + " already stored" +
            (r.stored_refused == 0 && !dry_run ? ""
             : def.natural_key.empty() ? "（可用 --skip 跳过 / use --skip）"
                                       : "（可用 --update 更新或 --skip 跳过 / use --update or --skip）");
  return line;
}

// "工作表“X”第3行 sheet X row 3 [人次] reason / reason"; a problem of the whole row (one stored
// already, found by its fingerprint) names no column.
void PrintRowError(const std::string& sheet, const FieldError& e) {
  const std::string where = sheet.empty() ? "" : "工作表“" + sheet + "”";
  const std::string column = e.field.empty() ? "" : "[" + e.field + "] ";
  std::cerr << where << "第" << e.row << "行 " << (sheet.empty() ? "" : "sheet " + sheet + " ") << "row " << e.row
            << " " << column << e.message_zh << " / " << e.message_en << "\n";
}

// The bad rows under one heading, then the rows refused only for being stored already under
// another: a re-imported file is not a file of mistakes.
void PrintRowErrors(const std::vector<SheetError>& errors) {
  for (const bool stored : {false, true}) {
    bool headed = false;
    for (const auto& [sheet, e, is_stored] : errors) {
      if (is_stored != stored) continue;
      if (!headed) std::cerr << (stored ? "已存储的行 rows stored already:\n" : "有误的行 invalid rows:\n");
      headed = true;
      PrintRowError(sheet, e);
    }
  }
}

// The refusal of a file with bad rows or rows stored already (report: the file's or the workbook's totals).
Status Refused(const ImportReport& report) {
  std::string zh, en;
  if (report.invalid > 0) {
    zh = std::to_string(report.invalid) + " 行有误";
    en = EnglishCount(report.invalid, "row") + (report.invalid == 1 ? " is" : " are") + " invalid";
  }
  if (report.stored_refused > 0) {
    zh += (zh.empty() ? "" : "、") + std::to_string(report.stored_refused) + " 行已存储";
    en += (en.empty() ? "" : ", ") + EnglishCount(report.stored_refused, "row") + " already stored";
  }
  return Status::InvalidArgument("文件有 " + zh + "，未导入任何数据", en + "; nothing was imported");
}

// --error-sheet: the refused rows of source as written, with their problems (error_sheet.h).
Status WriteProblems(const std::string& path, const std::vector<SheetError>& errors, const std::string& source) {
  if (path.empty() || errors.empty()) return Status::Ok();
  SH_RETURN_IF_ERROR(WriteErrorSheet(errors, source, path));
  std::cerr << "错误清单 error sheet: " << path << "\n";
  return Status::Ok();
}

Status RunWorkbookImport(const ImportArgs& a, Connected& c, const ImportOptions& options) {
  SH_ASSIGN_OR_RETURN(WorkbookReport report, ImportWorkbook(c.conn->ledgers(), Actor::System(), a.names[0], options));
  for (const std::string& sheet : report.ignored)
    std::cerr << "跳过工作表“" << sheet << "”（不是台账名）/ sheet \"" << sheet << "\" skipped (named after no ledger)\n";
  for (const SheetImport& s : report.sheets)
    std::cout << s.sheet << " (" << s.ledger->name << "): " << Counts(*s.ledger, s.report, a.dry_run) << "\n";
  const std::vector<SheetError> errors = WorkbookErrors(report);
  PrintRowErrors(errors);
  SH_RETURN_IF_ERROR(WriteProblems(a.error_sheet, errors, a.names[0]));
  const ImportReport totals = report.Totals();
  if (totals.Refused() > 0 && !a.skip_invalid) return Refused(totals);
  return Status::Ok();
}

Status RunImport(const ImportArgs& a) {
  const bool workbook = a.names.size() == 1;
  if (workbook && FindLedger(a.names[0]))
    return Status::InvalidArgument("请给出要导入的文件：shanhai import " + a.names[0] + " 文件.xlsx",
                                   "missing file: shanhai import " + a.names[0] + " FILE.xlsx");
  SH_ASSIGN_OR_RETURN(Connected c, Connect(a.db, false));
  ImportOptions options{a.dry_run, a.skip_invalid, a.pair};
  // One error for a --pair that names no pair or several, rather than one on every row.
  if (!a.pair.empty()) {
    SH_ASSIGN_OR_RETURN(options.default_pair, StoredPairCodeNamed(c.conn->db(), a.pair));
  }
  options.stored_rows = a.update ? StoredRows::kUpdate : a.skip ? StoredRows::kSkip : StoredRows::kRefuse;
  if (workbook) return RunWorkbookImport(a, c, options);
  SH_ASSIGN_OR_RETURN(const LedgerDef* def, LedgerNamed(a.names[0]));
  const std::string& file = a.names[1];
  SH_ASSIGN_OR_RETURN(ImportReport report, ImportLedger(c.conn->ledgers(), Actor::System(), *def, file, options));
  std::cout << Counts(*def, report, a.dry_run) << "\n";
  const std::vector<SheetError> errors = ErrorsOfFile(report);
  PrintRowErrors(errors);
  SH_RETURN_IF_ERROR(WriteProblems(a.error_sheet, errors, file));
  if (report.Refused() > 0 && !a.skip_invalid) return Refused(report);
  return Status::Ok();
}

}  // namespace

void RegisterImport(CLI::App& app) {
  auto a = std::make_shared<ImportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "import",
      "从 .xlsx/.csv 导入台账（默认全部成功才写入）；只给文件时按工作表导入整个工作簿 / import a ledger from .xlsx or "
      ".csv (all or nothing); given only a workbook, every sheet named after a ledger");
  AddDbOptions(*cmd, a->db);
  cmd->add_option("ledger_and_file", a->names,
                  "[台账 ledger] 文件 file：.xlsx 或 .csv（UTF-8 或 GB18030）。不写台账时导入工作簿中以台账命名"
                  "（中文名或英文名）的每个工作表，按依赖顺序（帮扶关系、结对单位、其余），全部成功才写入；"
                  "不以台账命名的工作表跳过并提示 / without a ledger: each sheet named after one (Chinese or English "
                  "name), pairs and units first, all or nothing; other sheets are skipped with a warning. Ledgers: " +
                      LedgerNames())
      ->required()
      ->expected(1, 2);
  cmd->add_flag("--dry-run", a->dry_run, "只校验不写入，并报告已导入过的行数 / validate only, store nothing; counts the rows already stored");
  cmd->add_flag("--skip-invalid", a->skip_invalid, "写入有效行，报告有误行 / store the valid rows, report the others");
  CLI::Option* update = cmd->add_flag(
      "--update", a->update,
      "已导入过的行（名称等唯一键相同）更新已存记录 / rows already stored (same natural key) update the stored record");
  cmd->add_flag("--skip", a->skip, "已导入过的行跳过不写 / leave rows already stored as they are")->excludes(update);
  cmd->add_option("--pair", a->pair,
                  "文件无“帮扶关系”列时使用的帮扶关系：代码、名称或一方的名称，如 440111-522727、广州市白云区—黔南州平塘县、"
                  "平塘县 / the pair of a file without a pair column: its code, its name or one side's name");
  cmd->add_option("--error-sheet", a->error_sheet, "把有误的行（原样，附错误原因）写入此 .xlsx，改正后可再导入 / write the refused rows as written, with their problems, to this workbook (fix and import it again)");
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
  cmd->add_option("--pair", a->pair,
                  "只导出该帮扶关系（含下级）：代码、名称或一方的名称，如 440111-522727、广州市白云区—黔南州平塘县、平塘县 / "
                  "only this pair and those inside it: its code, its name or one side's name");
  cmd->add_option("--from", a->from, "起始日期 YYYY-MM-DD");
  cmd->add_option("--to", a->to, "截止日期 YYYY-MM-DD");
  cmd->add_flag("--reveal", a->reveal, "导出完整身份证号等（记入审计）/ full personal data (audited)");
  cmd->callback([a] {
    ExitCode() = PrintError([&]() -> Status {
      SH_ASSIGN_OR_RETURN(const LedgerDef* def, LedgerNamed(a->ledger));
      SH_ASSIGN_OR_RETURN(Connected c, Connect(a->db, false));
      ListRequest request;
      if (!a->pair.empty()) {
        SH_ASSIGN_OR_RETURN(request.pair, PairScopeNamed(c.conn->db(), a->pair));
      }
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
    bool all = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("template", "下载空白导入模板 / write an empty import template");
  CLI::Option* ledger = cmd->add_option("ledger", a->ledger, "台账 ledger: " + LedgerNames());
  cmd->add_flag("--all", a->all,
                "一个 .xlsx 工作簿，每个可导入的台账一个工作表（按导入顺序）/ one workbook, a sheet per importable "
                "ledger in import order")
      ->excludes(ledger);
  cmd->add_option("-o,--output", a->out, "输出文件 .xlsx 或 .csv / output file, .xlsx or .csv")->required();
  cmd->add_option("--format", a->format, "xlsx 或 csv（默认按文件名）/ xlsx or csv (default: from the file name)")
      ->check(CLI::IsMember({"xlsx", "csv"}));
  cmd->callback([a] {
    ExitCode() = PrintError([&]() -> Status {
      SH_ASSIGN_OR_RETURN(std::string path, TemplatePath(a->out, a->format));
      if (a->all) {
        // The operator may import all.
        SH_RETURN_IF_ERROR(WriteWorkbookTemplate(path, ImportOrder(), nullptr, &TemplateSheetChoices()));
      } else {
        if (a->ledger.empty())
          return Status::InvalidArgument("请指定台账或 --all", "name a ledger, or --all");
        SH_ASSIGN_OR_RETURN(const LedgerDef* def, LedgerNamed(a->ledger));
        SH_RETURN_IF_ERROR(WriteTemplate(*def, path, nullptr, &TemplateSheetChoices()));
      }
      std::cout << "模板 template → " << path << "\n";
      return Status::Ok();
    }());
  });
}

}  // namespace shanhai::cli

// Spreadsheets and evidence over HTTP: import (multipart upload; dry run; error sheet),
// export of the filtered view, empty templates, evidence files attached to records.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

#include "domain/ledger/error_sheet.h"
#include "domain/ledger/ledger_export.h"
#include "domain/ledger/ledger_io.h"
#include "http/handlers/handlers.h"
#include "http/handlers/ledger_request.h"
#include "http/handlers/spreadsheet_format.h"
#include "http/handlers/temp_file.h"
#include "http/json_io.h"
#include "http/multipart.h"
#include "indicators/targets_sheet.h"

namespace shanhai {

namespace {

Status NoImportPermission() {
  return Status::PermissionDenied("您没有导入任何台账的权限", "you may not import into any ledger");
}

std::string Extension(const std::string& file_name) {
  std::string ext = std::filesystem::path(file_name).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

boost::json::array ErrorsJson(const std::vector<SheetError>& errors) {
  boost::json::array out;
  for (const auto& [sheet, e, stored] : errors) {
    boost::json::object o{{"row", e.row},
                          {"field", e.field},
                          {"message_zh", e.message_zh},
                          {"message_en", e.message_en},
                          {"stored", stored}};
    if (!sheet.empty()) o["sheet"] = sheet;
    out.push_back(std::move(o));
  }
  return out;
}

// A report's counts and preview (records as the audit log shows them, masked).
boost::json::object ReportJson(const ImportReport& report) {
  boost::json::array preview;
  for (const std::string& record : report.preview) preview.push_back(boost::json::parse(record));
  return {{"rows", report.rows},
          {"valid_count", report.valid},
          {"invalid_count", report.invalid},
          {"stored", report.stored},
          {"already_stored", report.already_stored},
          {"stored_refused", report.stored_refused},
          {"updated", report.updated},
          {"preview", std::move(preview)}};
}

// The import options a request asks for: ?dry_run=1, ?skip_invalid=1, ?pair=, and what to do
// with rows already stored, ?already_stored=refuse|skip|update.
Result<ImportOptions> ImportOptionsOf(const HttpRequest& request, const std::string& file_name) {
  ImportOptions options;
  options.dry_run = QueryText(request, "dry_run") == "1" || QueryText(request, "dry_run") == "true";
  options.skip_invalid = QueryText(request, "skip_invalid") == "1";
  options.default_pair = QueryText(request, "pair");
  const std::string stored = QueryText(request, "already_stored");
  if (stored == "skip") options.stored_rows = StoredRows::kSkip;
  else if (stored == "update") options.stored_rows = StoredRows::kUpdate;
  else if (!stored.empty() && stored != "refuse")
    return Status::InvalidArgument("already_stored 只能是 refuse、skip 或 update：" + stored,
                                   "already_stored is refuse, skip or update: " + stored);
  options.file_name = file_name;
  // What the console's preview table shows.
  constexpr size_t kPreviewRows = 50;
  options.preview_rows = options.dry_run ? kPreviewRows : 0;
  return options;
}

// Keeps the error sheet of errors (the refused rows of the upload, as written; encrypted, for a
// day) for the importing user alone and links it from body.
void AttachErrorSheet(RequestContext& ctx, const std::vector<SheetError>& errors, const TempFile& upload,
                      boost::json::object& body) {
  if (errors.empty()) return;
  TempFile sheet(".xlsx");
  const Status written = sheet.Written(WriteErrorSheet(errors, upload.path(), sheet.path()));
  Result<std::string> bytes = written.ok() ? sheet.Read() : Result<std::string>(written);
  Result<std::string> token = bytes.ok() ? ctx.conn.error_sheets().Save(ctx.actor.name, *bytes) : bytes.status();
  if (token.ok()) body["error_sheet"] = "/api/v1/imports/" + *token + "/errors.xlsx";
}

// The upload written to a temporary file of its extension (one of `allowed`).
Result<std::unique_ptr<TempFile>> SavedUpload(const MultipartPart& file, std::initializer_list<const char*> allowed) {
  const std::string ext = Extension(file.filename);
  if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return ext == a; }))
    return allowed.size() == 1 ? Status::InvalidArgument("只支持 .xlsx 工作簿", "only .xlsx workbooks")
                               : Status::InvalidArgument("只支持 .xlsx 或 .csv 文件", "only .xlsx or .csv files");
  auto upload = std::make_unique<TempFile>(ext);
  std::ofstream out(upload->path(), std::ios::binary);
  out.write(file.data.data(), static_cast<std::streamsize>(file.data.size()));
  return upload;
}

boost::json::object EvidenceJson(const EvidenceInfo& e) {
  return {{"id", e.id},           {"ledger", e.ledger},         {"record_id", e.record_id},
          {"file_name", e.file_name}, {"content_type", e.content_type}, {"size_bytes", e.size_bytes},
          {"sha256", e.sha256},   {"created_at", e.created_at}, {"created_by", e.created_by},
          {"url", "/api/v1/evidence/" + std::to_string(e.id)}};
}

// The upload of a multipart body's field "file". Errors: InvalidArgument when there is none.
Result<MultipartPart> UploadedFile(const HttpRequest& request) {
  const std::string content_type(request.Header("Content-Type").value_or(""));
  SH_ASSIGN_OR_RETURN(std::vector<MultipartPart> parts, ParseMultipart(request.body, content_type));
  const MultipartPart* file = FindPart(parts, "file");
  if (!file) return Status::InvalidArgument("请上传文件（字段名 file）", "upload a file in field \"file\"");
  return std::move(parts[static_cast<size_t>(file - parts.data())]);  // the upload is moved, not copied
}

}  // namespace

namespace handlers {

Result<Reply> ImportRecords(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(MultipartPart file, UploadedFile(ctx.request));
  SH_ASSIGN_OR_RETURN(std::unique_ptr<TempFile> upload, SavedUpload(file, {".xlsx", ".csv"}));
  SH_ASSIGN_OR_RETURN(ImportOptions options, ImportOptionsOf(ctx.request, file.filename));
  SH_ASSIGN_OR_RETURN(ImportReport report, ImportLedger(ctx.conn.ledgers(), ctx.actor, ctx.Ledger(), upload->path(), options));
  boost::json::object body = ReportJson(report);
  body["dry_run"] = options.dry_run;
  const std::vector<SheetError> errors = ErrorsOfFile(report);
  body["errors"] = ErrorsJson(errors);
  AttachErrorSheet(ctx, errors, *upload, body);
  return Reply::Json(body);
}

Result<Reply> ImportWorkbookFile(RequestContext& ctx) {
  // Refused before the file is unpacked: reading a workbook costs memory and time that someone who
  // may import nothing must not be able to spend.
  if (ImportableBy(ctx.actor).empty()) return NoImportPermission();
  SH_ASSIGN_OR_RETURN(MultipartPart file, UploadedFile(ctx.request));
  SH_ASSIGN_OR_RETURN(std::unique_ptr<TempFile> upload, SavedUpload(file, {".xlsx"}));
  SH_ASSIGN_OR_RETURN(ImportOptions options, ImportOptionsOf(ctx.request, file.filename));
  SH_ASSIGN_OR_RETURN(WorkbookReport report, ImportWorkbook(ctx.conn.ledgers(), ctx.actor, upload->path(), options));
  boost::json::array sheets;
  for (const SheetImport& s : report.sheets) {
    boost::json::object sheet = ReportJson(s.report);
    sheet["sheet"] = s.sheet;
    sheet["ledger"] = s.ledger->name;
    sheet["label_zh"] = s.ledger->label_zh;
    sheet["label_en"] = s.ledger->label_en;
    sheets.push_back(std::move(sheet));
  }
  boost::json::object body = ReportJson(report.Totals());
  body.erase("preview");  // each sheet has its own
  body["dry_run"] = options.dry_run;
  body["sheets"] = std::move(sheets);
  body["ignored_sheets"] = boost::json::value_from(report.ignored);
  body["empty_sheets"] = boost::json::value_from(report.empty);
  const std::vector<SheetError> errors = WorkbookErrors(report);
  body["errors"] = ErrorsJson(errors);
  AttachErrorSheet(ctx, errors, *upload, body);
  return Reply::Json(body);
}

Result<Reply> WorkbookTemplate(RequestContext& ctx) {
  LedgerService& service = ctx.conn.ledgers();
  SH_RETURN_IF_ERROR(service.RefreshDictionaries());
  // Only the ledgers this user may import and its scope lets it write (an auditor imports none:
  // 403, as a ledger's template).
  const std::vector<const LedgerDef*> ledgers = ImportableBy(ctx.actor);
  if (ledgers.empty()) return NoImportPermission();
  SH_ASSIGN_OR_RETURN(const TemplateNames names, TemplateNamesFor(service, ctx.actor));
  TempFile out(".xlsx");
  SH_RETURN_IF_ERROR(out.Written(
      WriteWorkbookTemplate(out.path(), ledgers, &service.dictionary_snapshot(), &TemplateSheetChoices(), &names)));
  SH_ASSIGN_OR_RETURN(std::string bytes, out.Read());
  return Reply::File(std::move(bytes), kXlsxType, "台账导入模板.xlsx");
}

Result<Reply> DownloadErrorSheet(RequestContext& ctx) {
  const std::string token(ctx.request.PathParam("token").value_or(""));
  if (token.empty() || token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") !=
                           std::string::npos)
    return Status::NotFound("没有该错误清单", "no such error sheet");
  SH_ASSIGN_OR_RETURN(std::string bytes, ctx.conn.error_sheets().Load(ctx.actor.name, token));
  return Reply::File(std::move(bytes), kXlsxType, "导入错误清单.xlsx");
}

Result<Reply> ExportRecords(RequestContext& ctx) {
  const LedgerDef& def = ctx.Ledger();
  SH_ASSIGN_OR_RETURN(ListRequest request, ListRequestFrom(ctx, def));
  SH_ASSIGN_OR_RETURN(SpreadsheetFile file, SpreadsheetFormat(ctx.request));
  TempFile out(file.extension());
  SH_RETURN_IF_ERROR(out.Written(ExportLedger(ctx.conn.ledgers(), ctx.actor, def, request, out.path()).status()));
  SH_ASSIGN_OR_RETURN(std::string bytes, out.Read());
  return Reply::File(std::move(bytes), file.content_type(), def.label_zh + file.extension());
}

Result<Reply> ImportTemplate(RequestContext& ctx) {
  const LedgerDef& def = ctx.Ledger();
  LedgerService& service = ctx.conn.ledgers();
  SH_ASSIGN_OR_RETURN(SpreadsheetFile file, SpreadsheetFormat(ctx.request));
  SH_RETURN_IF_ERROR(service.RefreshDictionaries());
  // The account's pairs and their regions as drop-downs; a CSV has none to offer.
  std::optional<TemplateNames> names;
  if (!file.csv) {
    SH_ASSIGN_OR_RETURN(names, TemplateNamesFor(service, ctx.actor));
  }
  TempFile out(file.extension());
  SH_RETURN_IF_ERROR(out.Written(WriteTemplate(def, out.path(), &service.dictionary_snapshot(), &TemplateSheetChoices(),
                                               names ? &*names : nullptr)));
  SH_ASSIGN_OR_RETURN(std::string bytes, out.Read());
  return Reply::File(std::move(bytes), file.content_type(), def.label_zh + "导入模板" + file.extension());
}

Result<Reply> AttachEvidence(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_ASSIGN_OR_RETURN(MultipartPart file, UploadedFile(ctx.request));
  SH_ASSIGN_OR_RETURN(EvidenceInfo info, ctx.conn.evidence().Attach(ctx.actor, ctx.Ledger(), id, file.filename, file.data));
  return Reply::Json(EvidenceJson(info), 201);
}

Result<Reply> ListEvidence(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_ASSIGN_OR_RETURN(std::vector<EvidenceInfo> list, ctx.conn.evidence().List(ctx.actor, ctx.Ledger(), id));
  boost::json::array items;
  for (const EvidenceInfo& e : list) items.push_back(EvidenceJson(e));
  return Reply::Json(boost::json::object{{"items", std::move(items)}});
}

Result<Reply> DownloadEvidence(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_ASSIGN_OR_RETURN(auto file, ctx.conn.evidence().Read(ctx.actor, id));
  return Reply::File(std::move(file.second), file.first.content_type, file.first.file_name);
}

Result<Reply> RemoveEvidence(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_RETURN_IF_ERROR(ctx.conn.evidence().Remove(ctx.actor, id));
  return Reply::Done();
}

}  // namespace handlers

}  // namespace shanhai

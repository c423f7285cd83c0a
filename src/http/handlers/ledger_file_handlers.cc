// Spreadsheets and evidence over HTTP: import (multipart upload; dry run; error sheet),
// export of the filtered view, empty templates, evidence files attached to records.
#include <filesystem>
#include <fstream>

#include "domain/ledger/ledger_export.h"
#include "domain/ledger/ledger_io.h"
#include "http/api_app.h"
#include "http/handlers/ledger_request.h"
#include "http/handlers/temp_file.h"
#include "http/json_io.h"
#include "http/multipart.h"
#include "security/tokens.h"

namespace shanhai {

namespace {

constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::string Extension(const std::string& file_name) {
  std::string ext = std::filesystem::path(file_name).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

boost::json::array ErrorsJson(const std::vector<FieldError>& errors) {
  boost::json::array out;
  for (const FieldError& e : errors)
    out.push_back({{"row", e.row}, {"field", e.field}, {"message_zh", e.message_zh}, {"message_en", e.message_en}});
  return out;
}

ApiHandler Import(const LedgerDef& def) {
  return [&def](RequestContext& ctx) -> HttpResponse {
    const std::string content_type(ctx.request.Header("Content-Type").value_or(""));
    Result<std::vector<MultipartPart>> parts = ParseMultipart(ctx.request.body, content_type);
    if (!parts.ok()) return HttpResponse::FromStatus(parts.status());
    const MultipartPart* file = FindPart(*parts, "file");
    if (!file) return HttpResponse::FromStatus(Status::InvalidArgument("请上传文件（字段名 file）", "upload a file in field \"file\""));
    const std::string ext = Extension(file->filename);
    if (ext != ".xlsx" && ext != ".csv")
      return HttpResponse::FromStatus(Status::InvalidArgument("只支持 .xlsx 或 .csv 文件", "only .xlsx or .csv files"));
    TempFile upload(ext);
    {
      std::ofstream out(upload.path(), std::ios::binary);
      out.write(file->data.data(), static_cast<std::streamsize>(file->data.size()));
    }
    ImportOptions options;
    options.dry_run = QueryText(ctx.request, "dry_run") == "1" || QueryText(ctx.request, "dry_run") == "true";
    options.skip_invalid = QueryText(ctx.request, "skip_invalid") == "1";
    options.default_pair = QueryText(ctx.request, "pair");
    Result<ImportReport> report = ImportLedger(ctx.conn.ledgers(), ctx.actor, def, upload.path(), options);
    if (!report.ok()) return HttpResponse::FromStatus(report.status());
    boost::json::object body{{"rows", report->rows},         {"valid_count", report->valid},
                             {"invalid_count", report->invalid}, {"stored", report->stored},
                             {"dry_run", options.dry_run},   {"errors", ErrorsJson(report->errors)}};
    if (!report->errors.empty()) {
      // The error sheet is kept (encrypted, for a day) for the importing user alone.
      TempFile sheet(".xlsx");
      Result<std::string> bytes = WriteErrorSheet(report->errors, sheet.path()).ok()
                                      ? ReadWholeFile(sheet.path())
                                      : Result<std::string>(Status::Internal("error sheet not written"));
      Result<std::string> token = bytes.ok() ? ctx.conn.error_sheets().Save(ctx.actor.name, *bytes) : bytes.status();
      if (token.ok()) body["error_sheet"] = "/api/v1/imports/" + *token + "/errors.xlsx";
    }
    return JsonResponse(body);
  };
}

HttpResponse ErrorSheet(RequestContext& ctx) {
  const std::string token(ctx.request.PathParam("token").value_or(""));
  if (token.empty() || token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") !=
                           std::string::npos)
    return HttpResponse::FromStatus(Status::NotFound("没有该错误清单", "no such error sheet"));
  Result<std::string> bytes = ctx.conn.error_sheets().Load(ctx.actor.name, token);
  if (!bytes.ok()) return HttpResponse::FromStatus(bytes.status());
  return FileResponse(std::move(bytes).value(), kXlsxType, "导入错误清单.xlsx");
}

ApiHandler Export(const LedgerDef& def) {
  return [&def](RequestContext& ctx) -> HttpResponse {
    Result<ListRequest> request = ListRequestFrom(ctx.request, def);
    if (!request.ok()) return HttpResponse::FromStatus(request.status());
    const bool csv = QueryText(ctx.request, "format") == "csv";
    TempFile out(csv ? ".csv" : ".xlsx");
    Result<int64_t> n = ExportLedger(ctx.conn.ledgers(), ctx.actor, def, *request, out.path());
    if (!n.ok()) return HttpResponse::FromStatus(n.status());
    Result<std::string> bytes = ReadWholeFile(out.path());
    if (!bytes.ok()) return HttpResponse::FromStatus(bytes.status());
    return FileResponse(std::move(bytes).value(), csv ? "text/csv; charset=utf-8" : kXlsxType,
                        def.label_zh + (csv ? ".csv" : ".xlsx"));
  };
}

ApiHandler Template(const LedgerDef& def) {
  return [&def](RequestContext& ctx) -> HttpResponse {
    LedgerService& service = ctx.conn.ledgers();
    if (Status refreshed = service.RefreshDictionaries(); !refreshed.ok()) return HttpResponse::FromStatus(refreshed);
    TempFile out(".xlsx");
    Status s = WriteTemplate(def, out.path(), &service.dictionary_snapshot());
    if (!s.ok()) return HttpResponse::FromStatus(s);
    Result<std::string> bytes = ReadWholeFile(out.path());
    if (!bytes.ok()) return HttpResponse::FromStatus(bytes.status());
    return FileResponse(std::move(bytes).value(), kXlsxType, def.label_zh + "导入模板.xlsx");
  };
}

boost::json::object EvidenceJson(const EvidenceInfo& e) {
  return {{"id", e.id},           {"ledger", e.ledger},         {"record_id", e.record_id},
          {"file_name", e.file_name}, {"content_type", e.content_type}, {"size_bytes", e.size_bytes},
          {"sha256", e.sha256},   {"created_at", e.created_at}, {"created_by", e.created_by},
          {"url", "/api/v1/evidence/" + std::to_string(e.id)}};
}

ApiHandler AttachEvidence(const LedgerDef& def) {
  return [&def](RequestContext& ctx) -> HttpResponse {
    Result<int64_t> id = PathId(ctx.request);
    if (!id.ok()) return HttpResponse::FromStatus(id.status());
    const std::string content_type(ctx.request.Header("Content-Type").value_or(""));
    Result<std::vector<MultipartPart>> parts = ParseMultipart(ctx.request.body, content_type);
    if (!parts.ok()) return HttpResponse::FromStatus(parts.status());
    const MultipartPart* file = FindPart(*parts, "file");
    if (!file) return HttpResponse::FromStatus(Status::InvalidArgument("请上传文件（字段名 file）", "upload a file in field \"file\""));
    Result<EvidenceInfo> info = ctx.conn.evidence().Attach(ctx.actor, def, *id, file->filename, file->data);
    if (!info.ok()) return HttpResponse::FromStatus(info.status());
    return JsonResponse(EvidenceJson(*info), 201);
  };
}

ApiHandler ListEvidence(const LedgerDef& def) {
  return [&def](RequestContext& ctx) -> HttpResponse {
    Result<int64_t> id = PathId(ctx.request);
    if (!id.ok()) return HttpResponse::FromStatus(id.status());
    Result<std::vector<EvidenceInfo>> list = ctx.conn.evidence().List(ctx.actor, def, *id);
    if (!list.ok()) return HttpResponse::FromStatus(list.status());
    boost::json::array items;
    for (const EvidenceInfo& e : *list) items.push_back(EvidenceJson(e));
    return JsonResponse(boost::json::object{{"items", std::move(items)}});
  };
}

HttpResponse DownloadEvidence(RequestContext& ctx) {
  Result<int64_t> id = PathId(ctx.request);
  if (!id.ok()) return HttpResponse::FromStatus(id.status());
  Result<std::pair<EvidenceInfo, std::string>> file = ctx.conn.evidence().Read(ctx.actor, *id);
  if (!file.ok()) return HttpResponse::FromStatus(file.status());
  return FileResponse(std::move(file->second), file->first.content_type, file->first.file_name);
}

}  // namespace

void AddLedgerFileRoutes(std::vector<ApiRoute>& routes) {
  for (const LedgerDef* def : AllLedgers()) {
    const std::string base = LedgerBasePath(*def);
    routes.push_back({"POST", base + "/import", LedgerPermission(*def, "import"), Import(*def),
                      def->label_zh + "：导入 .xlsx/.csv（multipart 字段 file；?dry_run=1 试导入）"});
    routes.push_back({"GET", base + "/export", LedgerPermission(*def, "export"), Export(*def),
                      def->label_zh + "：按当前筛选导出（?format=xlsx|csv）"});
    routes.push_back({"GET", base + "/template", LedgerPermission(*def, "list"), Template(*def),
                      def->label_zh + "：下载导入模板"});
    routes.push_back({"GET", base + "/{id}/evidence", LedgerPermission(*def, "read"), ListEvidence(*def),
                      def->label_zh + "：证明材料列表"});
    routes.push_back({"POST", base + "/{id}/evidence", LedgerPermission(*def, "update"), AttachEvidence(*def),
                      def->label_zh + "：上传证明材料（PDF/PNG/JPEG/XLSX/DOCX，≤20MB）"});
  }
  routes.push_back({"GET", "/api/v1/evidence/{id}", kSession, DownloadEvidence, "下载证明材料"});
  routes.push_back({"GET", "/api/v1/imports/{token}/errors.xlsx", kSession, ErrorSheet,
                    "下载导入错误清单（仅导入者本人，一天内有效）"});
}

}  // namespace shanhai

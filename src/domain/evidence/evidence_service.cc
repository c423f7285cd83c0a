#include "domain/evidence/evidence_service.h"

#include <sodium.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/personal_numbers.h"
#include "domain/audit/audit_detail.h"

namespace shanhai {

namespace {

// A ledger holding personal numbers (people): its evidence (an ID card's scan) is itself one, so
// reading it needs the ledger's reveal permission and is audited.
bool HoldsSensitiveFields(const LedgerDef& def) {
  return std::any_of(def.fields.begin(), def.fields.end(), [](const FieldDef& f) { return f.IsSensitive(); });
}

// A file's name as the audit log, the history and a reader who may not reveal see it: an ID
// number or a mobile in it (idcard_522727199005171232.png) masked by its shape.
std::string ShownFileName(const std::string& file_name) { return MaskPersonalNumbers(file_name); }

constexpr const char* kInsertEvidence =
    "INSERT INTO evidence (ledger, record_id, helped_region, file_name, content_type, size_bytes, sha256, created_at, "
    "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kSelectEvidence =
    "SELECT id, ledger, record_id, file_name, content_type, sha256, created_at, created_by, size_bytes FROM evidence";
constexpr const char* kInsertContent = "INSERT INTO evidence_content (evidence_id, content) VALUES (?, ?)";
constexpr const char* kSelectContent = "SELECT content FROM evidence_content WHERE evidence_id = ?";
constexpr const char* kDeleteRecordContent =
    "DELETE FROM evidence_content WHERE evidence_id IN (SELECT id FROM evidence WHERE ledger = ? AND record_id = ?)";
constexpr const char* kDeleteRecordEvidence = "DELETE FROM evidence WHERE ledger = ? AND record_id = ?";
constexpr const char* kDeleteContent = "DELETE FROM evidence_content WHERE evidence_id = ?";
constexpr const char* kDeleteEvidence = "DELETE FROM evidence WHERE id = ?";
constexpr const char* kSelectWithoutContent =
    "SELECT id, sha256 FROM evidence e WHERE NOT EXISTS (SELECT 1 FROM evidence_content c WHERE c.evidence_id = e.id) "
    "ORDER BY id";

// Binds a file's ciphertext to its evidence row.
std::string ContentContext(int64_t evidence_id) { return "evidence:" + std::to_string(evidence_id); }

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

EvidenceInfo InfoFromRow(const std::vector<Value>& r) {
  return {AsInt(r[0]), AsText(r[1]), AsInt(r[2]), AsText(r[3]), AsText(r[4]), AsText(r[5]), AsText(r[6]),
          AsText(r[7]), AsInt(r[8])};
}

}  // namespace

std::string SniffEvidenceType(const std::string& file_name, const std::string& bytes) {
  const std::string name = Lower(file_name);
  const auto starts = [&](std::string_view magic) { return bytes.compare(0, magic.size(), magic) == 0; };
  if (starts("%PDF-") && name.ends_with(".pdf")) return "application/pdf";
  if (starts("\x89PNG\r\n\x1a\n") && name.ends_with(".png")) return "image/png";
  if (starts("\xff\xd8\xff") && (name.ends_with(".jpg") || name.ends_with(".jpeg"))) return "image/jpeg";
  if (starts("PK\x03\x04")) {
    // Office files are zip packages; the part names inside tell which kind.
    if (name.ends_with(".xlsx") && bytes.find("xl/") != std::string::npos)
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (name.ends_with(".docx") && bytes.find("word/") != std::string::npos)
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  return "";
}

Result<EvidenceInfo> EvidenceService::Attach(const Actor& actor, const LedgerDef& def, int64_t record_id,
                                             const std::string& file_name, const std::string& bytes) {
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "update")));
  if (bytes.empty()) return Status::InvalidArgument("文件是空的", "the file is empty");
  if (static_cast<int64_t>(bytes.size()) > kMaxBytes)
    return Status::InvalidArgument("文件超过 20 MB", "the file is larger than 20 MB");
  const std::string type = SniffEvidenceType(file_name, bytes);
  if (type.empty())
    return Status::InvalidArgument("只接受 PDF、PNG、JPEG、XLSX、DOCX 文件，且扩展名须与内容一致：" + file_name,
                                   "only PDF, PNG, JPEG, XLSX or DOCX files whose name matches their content: " + file_name);
  // A file changes its record: the record must lie in the actor's write scope.
  SH_ASSIGN_OR_RETURN(Record record, ledgers_.ReadForChange(actor, def, record_id, 0));
  const std::string sha = Sha256Hex(bytes);
  Database& db = *context_.db;
  Result<EvidenceInfo> out = Status::Internal("not attached");
  SH_RETURN_IF_ERROR(InTransaction(db, [&]() -> Status {
    SH_RETURN_IF_ERROR(RefuseAttachedAlready(actor, def, record_id, sha));
    SH_ASSIGN_OR_RETURN(Rows id, db.Query(kInsertEvidence, {def.name, record_id, record.helped_region, file_name, type,
                                                            static_cast<int64_t>(bytes.size()), sha,
                                                            context_.clock.Iso(), actor.name}));
    const int64_t evidence_id = AsInt(id.rows[0][0]);
    SH_RETURN_IF_ERROR(
        db.Execute(kInsertContent, {evidence_id, context_.vault->Encrypt(bytes, ContentContext(evidence_id))}).status());
    SH_RETURN_IF_ERROR(context_.audit.Write(actor, "attach", def.name, record_id, record.helped_region, "", "",
                                              "evidence=" + AsText(id.rows[0][0]) + " file=" + AuditDetailValue(ShownFileName(file_name))));
    SH_ASSIGN_OR_RETURN(Rows row, db.Query(std::string(kSelectEvidence) + " WHERE id = ?", {id.rows[0][0]}));
    out = InfoFromRow(row.rows[0]);
    return Status::Ok();
  }));
  return out;
}

Status EvidenceService::RefuseAttachedAlready(const Actor& actor, const LedgerDef& def, int64_t record_id,
                                              const std::string& sha) {
  SH_ASSIGN_OR_RETURN(Rows same, context_.db->Query(std::string(kSelectEvidence) +
                                                        " WHERE ledger = ? AND record_id = ? AND sha256 = ? ORDER BY id LIMIT 1",
                                                    {def.name, record_id, sha}));
  if (same.rows.empty()) return Status::Ok();
  const EvidenceInfo first = InfoFromRow(same.rows[0]);
  // Named as the list shows it to this reader (a personal number in it masked unless revealed).
  const std::string name =
      DisclosureFor(actor, def) == Disclosure::kMasked ? ShownFileName(first.file_name) : first.file_name;
  const std::string day = first.created_at.substr(0, 10);
  return Status::Conflict("该文件已是本记录的证明材料（“" + name + "”，" + day + " 上传），未重复上传",
                          "this file is already evidence of the record (\"" + name + "\", uploaded " + day +
                              "); not uploaded again");
}

Result<std::vector<EvidenceInfo>> EvidenceService::List(const Actor& actor, const LedgerDef& def, int64_t record_id) {
  SH_RETURN_IF_ERROR(ledgers_.Get(actor, def, record_id).status());
  SH_ASSIGN_OR_RETURN(Rows rows, context_.db->Query(std::string(kSelectEvidence) +
                                                         " WHERE ledger = ? AND record_id = ? ORDER BY id",
                                                     {def.name, record_id}));
  const bool masked = DisclosureFor(actor, def) == Disclosure::kMasked;
  std::vector<EvidenceInfo> out;
  for (const auto& r : rows.rows) {
    out.push_back(InfoFromRow(r));
    if (masked) out.back().file_name = ShownFileName(out.back().file_name);
  }
  return out;
}

Result<EvidenceService::Visible> EvidenceService::VisibleEvidence(const Actor& actor, int64_t evidence_id,
                                                                 EvidenceAccess access) {
  const Status missing = Status::NotFound("没有该证明材料", "no such evidence file");
  SH_ASSIGN_OR_RETURN(Rows rows, context_.db->Query(std::string(kSelectEvidence) + " WHERE id = ?", {evidence_id}));
  if (rows.rows.empty()) return missing;
  Visible out{InfoFromRow(rows.rows[0]), {}, nullptr};
  out.def = FindLedger(out.info.ledger);
  if (!out.def) return Status::Internal("evidence of unknown ledger " + out.info.ledger);
  const bool change = access == EvidenceAccess::kChange;
  Result<Record> record = change ? ledgers_.ReadForChange(actor, *out.def, out.info.record_id, 0)
                                 : ledgers_.ReadVisible(actor, *out.def, out.info.record_id);
  if (record.status().code() == Code::kNotFound) return missing;
  if (!record.ok()) return record.status();
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(*out.def, change ? "update" : "read")));
  out.record = std::move(*record);
  return out;
}

Result<std::pair<EvidenceInfo, std::string>> EvidenceService::Read(const Actor& actor, int64_t evidence_id) {
  SH_ASSIGN_OR_RETURN(Visible visible, VisibleEvidence(actor, evidence_id, EvidenceAccess::kRead));
  EvidenceInfo& info = visible.info;
  if (HoldsSensitiveFields(*visible.def)) {
    SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(*visible.def, "reveal")));
    SH_RETURN_IF_ERROR(context_.audit.Write(actor, "evidence_read", visible.def->name, info.record_id,
                                            visible.record.helped_region, "", "",
                                            "evidence=" + std::to_string(info.id) +
                                                " file=" + AuditDetailValue(ShownFileName(info.file_name))));
  }
  SH_ASSIGN_OR_RETURN(Rows content, context_.db->Query(kSelectContent, {evidence_id}));
  if (content.rows.empty()) return Status::Unavailable("证明材料文件丢失", "the evidence file is missing");
  SH_ASSIGN_OR_RETURN(std::string bytes, context_.vault->Decrypt(AsText(content.rows[0][0]), ContentContext(info.id)));
  return std::make_pair(std::move(info), std::move(bytes));
}

Status EvidenceService::Remove(const Actor& actor, int64_t evidence_id) {
  Database& db = *context_.db;
  SH_ASSIGN_OR_RETURN(Visible visible, VisibleEvidence(actor, evidence_id, EvidenceAccess::kChange));
  const EvidenceInfo& info = visible.info;
  const LedgerDef* def = visible.def;
  const Record& record = visible.record;
  return InTransaction(db, [&]() -> Status {
    SH_RETURN_IF_ERROR(db.Execute(kDeleteContent, {evidence_id}).status());
    SH_RETURN_IF_ERROR(db.Execute(kDeleteEvidence, {evidence_id}).status());
    return context_.audit.Write(actor, "detach", def->name, info.record_id, record.helped_region, "", "",
                                "evidence=" + std::to_string(evidence_id) + " file=" + AuditDetailValue(ShownFileName(info.file_name)) +
                                    " sha256=" + info.sha256);
  });
}

Status EvidenceService::DeleteRecord(const Actor& actor, const LedgerDef& def, int64_t record_id,
                                     int64_t expected_version) {
  Database& db = *context_.db;
  SH_RETURN_IF_ERROR(InTransaction(db, [&]() -> Status {
    SH_RETURN_IF_ERROR(ledgers_.Delete(actor, def, record_id, expected_version));
    SH_RETURN_IF_ERROR(db.Execute(kDeleteRecordContent, {def.name, record_id}).status());
    return db.Execute(kDeleteRecordEvidence, {def.name, record_id}).status();
  }));
  ledgers_.changes().Announce();  // Delete's own announcement came before this commit
  return Status::Ok();
}

Result<int64_t> EvidenceService::EncryptLegacyFiles() {
  Database& db = *context_.db;
  SH_ASSIGN_OR_RETURN(Rows pending, db.Query(kSelectWithoutContent));
  std::vector<std::filesystem::path> converted_files;
  int64_t converted = 0;
  for (const auto& row : pending.rows) {
    const std::string sha = AsText(row[1]);
    const std::filesystem::path file = std::filesystem::path(dir_) / sha.substr(0, 2) / sha;
    std::ifstream in(file, std::ios::binary);
    if (!in) continue;
    std::stringstream buffer;
    buffer << in.rdbuf();
    const int64_t evidence_id = AsInt(row[0]);
    SH_RETURN_IF_ERROR(
        db.Execute(kInsertContent, {evidence_id, context_.vault->Encrypt(buffer.str(), ContentContext(evidence_id))})
            .status());
    converted_files.push_back(file);
    ++converted;
  }
  // Only now: several rows may share one file (it was named by its hash).
  for (const std::filesystem::path& file : converted_files) {
    std::error_code ec;
    std::filesystem::remove(file, ec);
    if (ec && ec != std::errc::no_such_file_or_directory)
      return Status::Unavailable("无法删除明文证明材料 " + file.string() + "：" + ec.message(),
                                 "cannot remove the plain evidence file " + file.string() + ": " + ec.message());
  }
  return converted;
}

}  // namespace shanhai

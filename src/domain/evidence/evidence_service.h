// Evidence files (合同、工资表、照片 …) attached to any ledger record: a row in table evidence
// and the bytes, encrypted with the data key (XChaCha20-Poly1305, "evidence:<id>" as
// associated data, whole file — at most kMaxBytes), in table evidence_content. Files attached
// before migration 0007 lie in plain under <legacy_dir>/<sha256[0..2]>/<sha256> until
// EncryptLegacyFiles (run by serve at start) moves them in. Only PDF,
// PNG, JPEG, XLSX and DOCX are accepted, recognised by their content (not their name).
// Attaching and removing need the record in the user's write scope and the update permission,
// reading its read permission. A record's evidence is deleted with it (DeleteRecord); its
// history keeps the reference (id, file name).
#pragma once

#include <string>
#include <vector>

#include "domain/ledger/ledger_service.h"

namespace shanhai {

struct EvidenceInfo {
  int64_t id = 0;
  std::string ledger;
  int64_t record_id = 0;
  std::string file_name, content_type, sha256, created_at, created_by;
  int64_t size_bytes = 0;
};

class EvidenceService {
 public:
  static constexpr int64_t kMaxBytes = 20 * 1024 * 1024;

  // context: the connection's (database, vault, clock, audit log); ledgers: the service over
  // the same context, which reads and deletes the records. Both must outlive this service.
  // legacy_dir: where evidence attached before migration 0007 lies as plain files.
  EvidenceService(ServiceContext& context, LedgerService& ledgers, std::string legacy_dir)
      : context_(context), ledgers_(ledgers), dir_(std::move(legacy_dir)) {}

  // Errors beyond the access rules above: InvalidArgument (empty, too large, a type not accepted),
  // Conflict when the same bytes are attached to the record already (named as List shows them).
  Result<EvidenceInfo> Attach(const Actor& actor, const LedgerDef& def, int64_t record_id, const std::string& file_name,
                              const std::string& bytes);
  Result<std::vector<EvidenceInfo>> List(const Actor& actor, const LedgerDef& def, int64_t record_id);
  // The file's metadata and (decrypted) bytes. Errors: NotFound (no such file, or its record out
  // of sight), then PermissionDenied; Internal if the stored
  // content does not decrypt under this evidence id (altered, or moved from another row).
  Result<std::pair<EvidenceInfo, std::string>> Read(const Actor& actor, int64_t evidence_id);
  // Removes one evidence file from its record: needs the record in the actor's write scope and
  // the update permission; the audit entry ("detach", on the record) keeps the file's id, name
  // and hash. Errors: NotFound (no such file, or its record out of the write scope), then
  // PermissionDenied.
  Status Remove(const Actor& actor, int64_t evidence_id);
  // Deletes the record (LedgerService::Delete: permission, visibility, history, expected_version)
  // and, in the same transaction, every evidence file attached to it.
  Status DeleteRecord(const Actor& actor, const LedgerDef& def, int64_t record_id, int64_t expected_version = 0);
  // Encrypts each evidence row's plain legacy file into evidence_content (one transaction per
  // row) and then removes the plain files. Rows whose file is missing are left as they are.
  // Returns the number of rows converted. Errors: Unavailable (database or file system).
  Result<int64_t> EncryptLegacyFiles();

 private:
  enum class EvidenceAccess { kRead, kChange };
  struct Visible {
    EvidenceInfo info;
    Record record;  // the record it is attached to, whole
    const LedgerDef* def;
  };
  // Evidence evidence_id with its record, for reading (the record in the actor's sight, the
  // ledger's read permission) or for a change (the record in the actor's write scope, the update
  // permission). Sight comes first: a file of a record out of reach is NotFound, as one that does
  // not exist, whatever the actor's permissions; then PermissionDenied.
  Result<Visible> VisibleEvidence(const Actor& actor, int64_t evidence_id, EvidenceAccess access);
  // Conflict if the record holds a file of these bytes (sha: their SHA-256, hex) already.
  Status RefuseAttachedAlready(const Actor& actor, const LedgerDef& def, int64_t record_id, const std::string& sha);

  ServiceContext& context_;
  LedgerService& ledgers_;
  std::string dir_;
};

// The MIME type the bytes really are, if accepted ("" otherwise); file_name's extension must agree.
std::string SniffEvidenceType(const std::string& file_name, const std::string& bytes);

}  // namespace shanhai

// Evidence files (合同、工资表、照片 …) attached to any ledger record. The server keeps the
// bytes under <evidence_dir>/<sha256[0..2]>/<sha256> and a row in table evidence. Only PDF,
// PNG, JPEG, XLSX and DOCX are accepted, recognised by their content (not their name), up to
// kMaxBytes. Attaching needs the record's update permission, reading its read permission.
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

  EvidenceService(LedgerService& ledgers, std::string evidence_dir)
      : ledgers_(ledgers), dir_(std::move(evidence_dir)) {}

  Result<EvidenceInfo> Attach(const Actor& actor, const LedgerDef& def, int64_t record_id, const std::string& file_name,
                              const std::string& bytes);
  Result<std::vector<EvidenceInfo>> List(const Actor& actor, const LedgerDef& def, int64_t record_id);
  // The file's metadata and bytes.
  Result<std::pair<EvidenceInfo, std::string>> Read(const Actor& actor, int64_t evidence_id);

 private:
  LedgerService& ledgers_;
  std::string dir_;
};

// The MIME type the bytes really are, if accepted ("" otherwise); file_name's extension must agree.
std::string SniffEvidenceType(const std::string& file_name, const std::string& bytes);

}  // namespace shanhai

#include "domain/ledger/import_fingerprints.h"

#include <algorithm>
#include <cstdint>

namespace shanhai {

namespace {

// Statement texts: the ledger's table joined in by name (from its declaration, never input).
constexpr const char* kFindStoredHead =
    "SELECT f.record_id, f.fingerprint FROM import_fingerprints f JOIN ";
// A fingerprint counts while its record exists in the region it was imported into: a record
// since moved to another pair's county is not reported (nor named) to this region's import.
constexpr const char* kFindStoredTail =
    " t ON t.id = f.record_id AND t.helped_region = f.helped_region WHERE f.helped_region = ? AND f.ledger = ? AND "
    "f.fingerprint IN (";
constexpr const char* kFingerprintTable = "import_fingerprints";
constexpr const char* kInsertFingerprint =
    "INSERT INTO import_fingerprints (helped_region, ledger, fingerprint, record_id) VALUES (?, ?, ?, ?)";
constexpr size_t kFindChunk = 500;

bool IsBookkeeping(const std::string& column) {
  return column == "id" || column == "created_at" || column == "updated_at" || column == "created_by" ||
         column == "updated_by" || column == "version" || column.ends_with("_enc");
}

}  // namespace

Value RowFingerprint(const Columns& stored, const PiiVault& vault) {
  std::string bytes;
  for (const auto& [column, value] : stored) {
    if (IsBookkeeping(column)) continue;
    // Each column as its name, then "\0-" for NULL or "\0=" and its text, then "\0": no two
    // rows' columns run together into the same bytes.
    bytes += column;
    if (IsNull(value)) {
      bytes.append("\0-\0", 3);
    } else {
      bytes.append("\0=", 2);
      bytes += AsText(value);
      bytes.push_back('\0');
    }
  }
  return vault.Fingerprint(bytes);
}

Result<std::vector<TakenKey>> FingerprintRepository::FindStored(const std::string& helped_region,
                                                                const std::vector<Value>& fingerprints) {
  std::vector<TakenKey> out;
  // Always kFindChunk fingerprints (the last repeated): one statement text, prepared once.
  static const std::string marks = [] {
    std::string m;
    for (size_t i = 0; i < kFindChunk; ++i) m += i ? ", ?" : "?";
    return m + ")";
  }();
  const std::string sql = kFindStoredHead + def_.name + kFindStoredTail + marks;
  for (size_t first = 0; first < fingerprints.size(); first += kFindChunk) {
    const size_t n = std::min(kFindChunk, fingerprints.size() - first);
    std::vector<Value> params{helped_region, def_.name};
    params.insert(params.end(), fingerprints.begin() + static_cast<ptrdiff_t>(first),
                  fingerprints.begin() + static_cast<ptrdiff_t>(first + n));
    params.resize(kFindChunk + 2, params.back());
    SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(sql, params));
    for (auto& r : rows.rows) out.push_back({AsInt(r[0]), 0, std::move(r[1])});
  }
  return out;
}

Status FingerprintRepository::Remember(const std::vector<std::vector<Value>>& id_fingerprint_region) {
  if (id_fingerprint_region.empty()) return Status::Ok();
  std::vector<std::vector<Value>> rows;
  rows.reserve(id_fingerprint_region.size());
  for (const std::vector<Value>& r : id_fingerprint_region) rows.push_back({r[2], def_.name, r[1], r[0]});
  return db_.BulkInsert(kFingerprintTable, {"helped_region", "ledger", "fingerprint", "record_id"}, rows);
}

Status FingerprintRepository::Note(int64_t record_id, const Value& fingerprint, const std::string& helped_region) {
  return db_.Execute(kInsertFingerprint, {helped_region, def_.name, fingerprint, record_id}).status();
}

}  // namespace shanhai

#include "domain/ledger/at_rest_upgrade.h"

#include "domain/ledger/import_fingerprints.h"
#include "domain/ledger/ledger_def.h"
#include "domain/ledger/ledger_repository.h"
#include "domain/ledger/record_codec.h"

namespace shanhai {

namespace {

constexpr const char* kIsPending = "SELECT COUNT(*) FROM pending_upgrades WHERE step = 'seal_at_rest'";
constexpr const char* kDone = "DELETE FROM pending_upgrades WHERE step = 'seal_at_rest'";

// Encrypts again, padded, each of def's sensitive values stored in a version 1 token.
Status PadSealedValues(Database& db, const PiiVault& vault, const LedgerDef& def) {
  std::vector<const FieldDef*> sealed;
  for (const FieldDef& f : def.fields)
    if (f.IsSensitive()) sealed.push_back(&f);
  if (sealed.empty()) return Status::Ok();
  std::string columns = "id", assignments;
  for (const FieldDef* f : sealed) {
    columns += ", " + f->key + "_enc";
    assignments += (assignments.empty() ? "" : ", ") + f->key + "_enc = ?";
  }
  const std::string update = "UPDATE " + def.name + " SET " + assignments + " WHERE id = ?";
  const RecordCodec codec(def, vault);
  SH_ASSIGN_OR_RETURN(Rows rows, db.Query("SELECT " + columns + " FROM " + def.name));
  for (std::vector<Value>& row : rows.rows) {
    bool changed = false;
    for (size_t k = 0; k < sealed.size(); ++k) {
      Value& cell = row[k + 1];
      if (IsNull(cell) || PiiVault::IsCurrentToken(AsText(cell))) continue;
      SH_ASSIGN_OR_RETURN(std::string plain, codec.Open(sealed[k]->key, cell));
      cell = codec.Seal(sealed[k]->key, plain);
      changed = true;
    }
    if (!changed) continue;
    std::vector<Value> params(row.begin() + 1, row.end());
    params.push_back(row[0]);
    SH_RETURN_IF_ERROR(db.Execute(update, params).status());
  }
  return Status::Ok();
}

// Notes a keyed fingerprint for each record of def (a ledger without a natural key), made from
// its stored columns as LedgerService::StoredRowForInsert lays them out.
Status FingerprintStoredRecords(Database& db, const PiiVault& vault, const LedgerDef& def) {
  std::vector<std::string> columns;
  if (def.pair_scoped) columns = {"pair_id", "helped_region"};
  for (const std::string& c : StoredColumnsOf(def)) columns.push_back(c);
  SH_ASSIGN_OR_RETURN(Rows rows, db.Query("SELECT * FROM " + def.name));
  std::vector<int> at;
  for (const std::string& c : columns) at.push_back(rows.Column(c));
  const int id = rows.Column("id"), region = rows.Column("helped_region");
  std::vector<std::vector<Value>> noted;
  noted.reserve(rows.rows.size());
  for (const std::vector<Value>& row : rows.rows) {
    Columns stored;
    for (size_t i = 0; i < columns.size(); ++i) stored.emplace_back(columns[i], at[i] < 0 ? Value{} : row[at[i]]);
    // The helped region a write notes: the record's own column where it has one, else "".
    noted.push_back({row[id], RowFingerprint(stored, vault), region < 0 ? Value{std::string()} : row[region]});
  }
  return FingerprintRepository(db, def).Remember(noted);
}

}  // namespace

Status CompletePendingAtRestUpgrade(Database& db, const PiiVault& vault) {
  return InTransaction(db, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(Rows pending, db.Query(kIsPending));
    if (AsInt(pending.rows.at(0).at(0)) == 0) return Status::Ok();
    for (const LedgerDef* def : AllLedgers()) {
      SH_RETURN_IF_ERROR(PadSealedValues(db, vault, *def));
      if (def->natural_key.empty()) SH_RETURN_IF_ERROR(FingerprintStoredRecords(db, vault, *def));
    }
    return db.Execute(kDone).status();
  });
}

}  // namespace shanhai

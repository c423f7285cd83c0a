// Fingerprints of imported rows, so that re-importing a row of a ledger without a natural key
// is noticed (import_pipeline.h, "Re-imports"). A fingerprint is a hash of the row's stored
// values — the values as parsed, so "50万" and "500000" agree; personal fields by their keyed
// look-up hash, never their ciphertext (random per write); bookkeeping columns left out — kept
// in import_fingerprints (migration 0014) with the record it became and its helped region. A row counts as stored
// while that record exists: deleting the record frees its fingerprint. Records entered by hand
// are noted too, and each changed version of a record (LedgerService::InsertPrepared,
// UpdatePrepared), so that a sheet exported from the console and imported back is noticed; an
// earlier version's fingerprint keeps naming its record.
#pragma once

#include <vector>

#include "domain/ledger/ledger_repository.h"
#include "security/pii_vault.h"

namespace shanhai {

// The fingerprint of a row from its stored columns (LedgerService::StoredRowForInsert): 63 bits
// of a BLAKE2b hash keyed with the vault's fingerprint key (PiiVault::Fingerprint), as an
// integer, so a stolen database does not let one confirm guessed row contents. Two different
// rows share one with a chance of 1 in 2^63 per pair of rows (a million rows imported over a
// million stored: about 1 in 10 million that one new row is taken for stored). Thread-safe.
Value RowFingerprint(const Columns& stored, const PiiVault& vault);

class FingerprintRepository {
 public:
  FingerprintRepository(Database& db, const LedgerDef& def) : db_(db), def_(def) {}

  // The fingerprints among `fingerprints` noted for records of helped_region (the rows'
  // helped county, "" for a ledger without pairs) whose record still exists, with that
  // record's id (TakenKey::pair_id 0: the fingerprint covers the pair).
  Result<std::vector<TakenKey>> FindStored(const std::string& helped_region, const std::vector<Value>& fingerprints);
  // Notes each {record id, fingerprint, helped region} of records just imported.
  Status Remember(const std::vector<std::vector<Value>>& id_fingerprint_region);
  // Notes the fingerprint of one record just written (one statement, not a bulk load).
  Status Note(int64_t record_id, const Value& fingerprint, const std::string& helped_region);

 private:
  Database& db_;
  const LedgerDef& def_;
};

}  // namespace shanhai

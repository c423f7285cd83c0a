// Preparing one import row: validation (LedgerService::Prepare, every problem of the row),
// duplicates of the natural key within the file, encryption and look-up hashes of the
// personal fields (the stored row, in the bulk load's column order), and the audit row's
// record after. What needs the database inside the import's transaction — the natural key
// against stored records, the id — is left to the BatchWriter, which does it a batch at a time.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "domain/ledger/ledger_service.h"

namespace shanhai {

// One data row on its way through the import.
struct PreparedRow {
  int64_t row_number = 0;  // as the spreadsheet numbers it
  RawRecord raw;           // the row as read; cleared once prepared (kept for valid rows if keep_input)
  bool prepared = false;
  std::vector<FieldError> errors;  // non-empty: the row is refused (field = key, "pair", or "")
  // Valid rows: the values of LedgerSql::bulk_columns with the id (values[0]) still 0 …
  std::vector<Value> values;
  // … the natural key as stored (<key>_hash for a sensitive key; NULL if the row has none) or,
  // for a ledger without one, the row's fingerprint (RowFingerprint), and its pair …
  Value key;
  int64_t pair_id = 0;
  std::string helped_region;
  // … and the audit row's record after, masked, with "id":0 (see WithRecordId); with preview,
  // the JSON members "<ref field>_label": the cell as typed (e.g. the unit's name), as a list shows it.
  std::string after_json;
  std::string preview_labels;
};

// Record JSON made with id 0 (RecordToJsonText puts "id" first) with that id instead.
std::string WithRecordId(const std::string& json_with_id_0, int64_t id);

class RowPreparer {
 public:
  // now: the created_at/updated_at of every record of this import. keep_input: valid rows keep
  // their raw input (to update a stored record with it). preview: valid rows get
  // preview_labels (a dry run's preview shows references as typed, not as ids).
  RowPreparer(LedgerService& service, const Actor& actor, const LedgerDef& def, std::string now,
              bool keep_input = false, bool preview = false);

  // True if Prepare may run on the reader thread while the writer uses the connection and the
  // service: the ledger has no reference fields or lines (resolving or checking them reads the
  // database), the service's pair cache is complete (LedgerService::PreloadPairs), and the
  // import does not update stored records (keep_input: the writer then validates through the
  // same service, whose caches are for one thread).
  bool runs_beside_writer() const { return beside_writer_; }

  // Prepares row (raw filled in) in place; rows must come in file order (the first of two
  // equal natural keys is the one kept). A repeat of an earlier row's natural key gets that
  // error alone; a sensitive key (the ID number) or one of a ledger without pairs is one
  // registry, so the scope of a repeat is the whole file, else the pair. A ledger without a
  // natural key: a row with the fingerprint of an earlier row of the file (the same values, the
  // same pair) is refused as repeating it ("与第 N 行相同").
  // Errors: a problem that is not the data's (stop the import).
  Status Prepare(PreparedRow& row);
  // The file is read through and every row prepared: forgets the natural keys (or
  // fingerprints) seen (a million
  // of them for a million rows), freed on the calling thread while the writer goes on.
  void ForgetKeys() { std::unordered_map<std::string, int64_t>().swap(first_row_of_key_); }

 private:
  // The in-file scope and value of the natural key, "" if the row has none that parses.
  std::string KeyInFile(const PreparedRow& row, const Record* record) const;

  LedgerService& service_;
  const Actor& actor_;
  const LedgerDef& def_;
  const std::string now_;
  const FieldDef* key_field_;
  LedgerRepository repo_;  // only its generated column list is used here
  const bool keep_input_;
  const bool preview_;
  bool beside_writer_ = false;
  std::unordered_map<std::string, int64_t> first_row_of_key_;
};

}  // namespace shanhai

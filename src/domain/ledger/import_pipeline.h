// Importing a spreadsheet (.xlsx or .csv) into a ledger: the pipeline and its contract.
//
// Import is all-or-nothing by default: every row is validated first and if any row is bad,
// nothing is stored and every problem is returned (row as the spreadsheet numbers it,
// column header, reason in zh and en). With skip_invalid the valid rows are stored and the
// bad ones reported. dry_run validates and even inserts inside a transaction that is then
// rolled back, so database-level conflicts show too.
//
// The pieces, on two threads joined by a bounded queue of batches:
//   reader thread: ImportSheet (cells → RawRecord) → RowPreparer (validation, duplicates in
//                  the file, encryption, audit JSON) — the preparing moves to the writer's
//                  thread for ledgers with reference fields, whose resolution reads the database,
//                  and for an import that updates stored records (the writer validates each
//                  update through the same service);
//   this thread:   BatchWriter (stored natural keys, ids, bulk insert, audit chain, report).
// Everything happens in one transaction, committed only for an acceptable file that is not a
// dry run: memory stays flat for a million rows, and a rejected file or a killed process
// leaves nothing behind.
//
// Re-imports: a row whose record is stored already — the same natural key (LedgerDef::
// natural_key, in the scope CheckUnique gives it), or for a ledger without one the same
// fingerprint (a hash of the row's stored values, kept for each imported record: see
// import_fingerprints.h) — is counted in already_stored and, as options.stored_rows says,
// refused (the default: the file is refused as for a bad row, but the row is not counted as bad),
// left alone, or written over the stored record.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "domain/ledger/ledger_service.h"

namespace shanhai {

// What an import does with a row whose record is stored already (see above).
enum class StoredRows {
  kRefuse,  // a bad row: "already exists", the file refused unless skip_invalid
  kSkip,    // left as stored, not counted as bad
  kUpdate,  // the stored record updated with the row's values (needs "update"); a ledger
            // without a natural key has nothing to update (same fingerprint, same values): skipped
};

struct ImportOptions {
  bool dry_run = false;
  bool skip_invalid = false;
  std::string default_pair;  // used when the sheet has no 帮扶关系 column or the cell is empty
  // A file at least this long adding more records than the table holds drops the table's
  // secondary indexes and builds them once at the end (see BatchWriter::Begin).
  int64_t rebuild_indexes_from_bytes = int64_t{4} << 20;
  StoredRows stored_rows = StoredRows::kRefuse;
  // The file as its user named it (the upload's name), for the audit entry; "" = the path.
  std::string file_name;
  // How many of the rows to store the report keeps (ImportReport::preview).
  size_t preview_rows = 0;
};

struct ImportReport {
  int64_t rows = 0;       // data rows read
  int64_t valid = 0;      // rows that passed validation
  int64_t invalid = 0;    // bad rows: at least one problem with the row itself
  int64_t stored = 0;     // records added (0 on dry runs and rejected files)
  int64_t already_stored = 0;  // rows whose record is stored already (refused, skipped or updated)
  int64_t updated = 0;    // of those, records updated (StoredRows::kUpdate; on a dry run, to update)
  int64_t stored_refused = 0;  // of those, rows refused for it alone (StoredRows::kRefuse); not in invalid
  // The first options.preview_rows rows to store — those the database took, never a bad row nor
  // one left or updated as stored — each as record JSON (masked as the audit log's, "id":0,
  // references with "<key>_label" as typed, the pair and regions with "<key>_label" by name), in
  // file order.
  std::vector<std::string> preview;
  std::vector<FieldError> errors;  // field = the column as the file heads it (e.g. 人次, 金额（万元）), "" for a whole-row conflict
  // The rows (numbers) of errors refused only for being stored already (stored_refused of them),
  // told apart from bad rows wherever errors are listed (SheetError::stored).
  std::set<int64_t> stored_rows;
  // Rows the import refuses, bad or stored already: a file with any is refused unless skip_invalid.
  int64_t Refused() const { return invalid + stored_refused; }
  // The helped sides (records' helped_region) of the rows read that named a pair, for the
  // import's own audit entry (ImportAuditRegion).
  std::set<std::string> helped_regions;
};

// Reads path (.xlsx or .csv: UTF-8 with/without BOM or GB18030) into def's ledger.
// Errors: an unreadable file or a header problem → InvalidArgument; row problems are in
// the report (status ok). Needs what AuthorizeImport says. Every stored record gets its own audit
// entry (action "import", the record after, masked), in the import's transaction, followed by
// one entry for the file. Uses service's database connection from this thread only.
Result<ImportReport> ImportLedger(LedgerService& service, const Actor& actor, const LedgerDef& def,
                                  const std::string& path, const ImportOptions& options);

// The rows of one sheet (sheet_index of an .xlsx; 0 for a .csv) into def's ledger inside the
// caller's transaction, authorised and with the dictionaries refreshed by the caller; fills
// report, its `stored` with the records added in the transaction. Stores the valid rows (all
// with skip_invalid, else those before the first bad one); the caller decides by
// report.Refused() whether to commit. Writes no audit entry for the file. False if the sheet is
// empty (not even a header row). Errors: as ImportLedger's, for the file. For ImportLedger and
// ImportWorkbook (import_workbook.h).
Result<bool> ImportSheetRows(LedgerService& service, const Actor& actor, const LedgerDef& def,
                             const std::string& path, int sheet_index, const ImportOptions& options,
                             ImportReport& report);

// PermissionDenied unless actor may import into def with options: "<m>:<l>:import", and when
// options update stored records of a ledger with a natural key, "update" too (and "reveal" if
// that key is personal, as writing over it answers whose it is) — asked before any row is read.
Status AuthorizeImport(const Actor& actor, const LedgerDef& def, const ImportOptions& options);

// The audit detail of an imported file: "file=<name> rows=<valid>[ invalid=<n>][ already_stored=<n>]
// [ updated=<n>]".
std::string ImportAuditDetail(const ImportOptions& options, const std::string& path, const ImportReport& report);
// The helped region an import's own audit entry carries (so the audit log shows the pair's helped
// side, and a region's auditor sees the entry): the one helped side of all its rows, "" when they
// name several pairs' or none.
std::string ImportAuditRegion(const ImportReport& report);

}  // namespace shanhai

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
//                  thread for ledgers with reference fields, whose resolution reads the database;
//   this thread:   BatchWriter (stored natural keys, ids, bulk insert, audit chain, report).
// Everything happens in one transaction, committed only for an acceptable file that is not a
// dry run: memory stays flat for a million rows, and a rejected file or a killed process
// leaves nothing behind.
#pragma once

#include <string>
#include <vector>

#include "domain/ledger/ledger_service.h"

namespace shanhai {

struct ImportOptions {
  bool dry_run = false;
  bool skip_invalid = false;
  std::string default_pair;  // used when the sheet has no 帮扶关系 column or the cell is empty
  // A file at least this long adding more records than the table holds drops the table's
  // secondary indexes and builds them once at the end (see BatchWriter::Begin).
  int64_t rebuild_indexes_from_bytes = int64_t{4} << 20;
};

struct ImportReport {
  int64_t rows = 0;       // data rows read
  int64_t valid = 0;      // rows that passed validation
  int64_t invalid = 0;    // rows with at least one problem
  int64_t stored = 0;     // rows written (0 on dry runs and rejected files)
  std::vector<FieldError> errors;  // field = the column's Chinese label (e.g. 人次), "" for a whole-row conflict
};

// Reads path (.xlsx or .csv: UTF-8 with/without BOM or GB18030) into def's ledger.
// Errors: an unreadable file or a header problem → InvalidArgument; row problems are in
// the report (status ok). Needs "<m>:<l>:import". Every stored record gets its own audit
// entry (action "import", the record after, masked), in the import's transaction, followed by
// one entry for the file. Uses service's database connection from this thread only.
Result<ImportReport> ImportLedger(LedgerService& service, const Actor& actor, const LedgerDef& def,
                                  const std::string& path, const ImportOptions& options);

}  // namespace shanhai

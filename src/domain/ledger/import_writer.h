// Writing an import's prepared rows: the one place where a batch reaches the database.
// Per batch: the natural keys (or fingerprints) looked up among stored records in one query (none when the
// table was empty when the import began: in its transaction nothing else adds to it, and the
// UNIQUE constraint is there all the same; all loaded once at the start when it was small), fresh ids, one bulk insert (COPY on PostgreSQL)
// that stores all of the batch or none of it, the records' audit entries appended to the hash chain in one step. A batch
// the database refuses (a constraint no row check sees) is retried row by row to name the row.
// Counting and reporting (ImportReport) happen here too, so they follow the file's order.
// Thread safety: none; runs on the thread that owns the service's database connection.
#pragma once

#include <optional>
#include <unordered_map>
#include <vector>

#include "domain/ledger/import_fingerprints.h"
#include "domain/ledger/import_pipeline.h"
#include "domain/ledger/import_prepare.h"
#include "domain/ledger/import_sheet.h"

namespace shanhai {

class BatchWriter {
 public:
  // report is filled as batches are written; the caller holds the import's transaction. sheet
  // (outliving the writer) names the columns in errors, as the file writes them.
  BatchWriter(LedgerService& service, const Actor& actor, const LedgerDef& def, const ImportOptions& options,
              const ImportSheet& sheet, ImportReport& report);

  // file_bytes: the size of the file, or of a workbook's sheet its share (excel::SheetBytes).
  // Notes whether the table is empty. For a bulk load — a file of at least
  // options.rebuild_indexes_from_bytes adding more records than the table holds (at most one
  // per 100 bytes of file), and on PostgreSQL only into an empty table, since there the drop
  // makes readers of the table wait for the commit — drops the table's secondary indexes, to
  // be built once over all rows by Finish (far cheaper than keeping them in order row by
  // row). The drop is part of the import's transaction: a rollback or a crash restores them.
  // A file of that size also widens SQLite's page cache to 256 MiB until the writer ends
  // (LedgerRepository::SetPageCache).
  Status Begin(int64_t file_bytes);
  ~BatchWriter();
  // Counts, checks and stores the rows of one batch (prepared, in file order).
  Status Write(std::vector<PreparedRow>& batch);
  // Stores what is pending and recreates the dropped indexes (not needed if the import is
  // then rolled back, so callers skip it for dry runs and refused files).
  Status Finish();
  // The errors so far in file order.
  void SortErrors();

 private:
  // Counts row as bad (or, as_stored, as refused for being stored already) and reports errors.
  void Reject(const PreparedRow& row, std::vector<FieldError> errors, bool as_stored = false);
  // The bad-row error of a row whose record `existing` is stored already (StoredRows::kRefuse).
  Result<FieldError> AlreadyStoredError(int64_t existing);
  // Writes row (prepared, raw input kept) over the stored record id (StoredRows::kUpdate); a
  // row the update refuses becomes a bad row. Errors: what is not the data's (stop).
  Status UpdateStored(PreparedRow& row, int64_t id);
  // A file with a bad row is refused: its later rows are checked but not stored. A dry run,
  // rolled back anyway, stores them all the same, so that its preview and counts say what the
  // database takes once the bad rows are skipped.
  bool Refusing() const { return report_.Refused() > 0 && !options_.skip_invalid && !options_.dry_run; }
  // Inserts pending_ (ids, bulk load, audit), row by row if the batch is refused.
  Status Flush();
  // Inserts rows [first, last) of pending_ all or nothing; the status of the database.
  Status InsertPending(size_t first, size_t last);
  // InsertPending's two ways with insert_rows_: in a savepoint (PostgreSQL), or without one,
  // deleting what a refused load stored (SQLite).
  Status InsertInSavepoint();
  Status InsertOrTakeBack();

  LedgerService& service_;
  const Actor& actor_;
  const LedgerDef& def_;
  const ImportOptions& options_;
  const ImportSheet& sheet_;
  ImportReport& report_;
  LedgerRepository repo_;
  FingerprintRepository fingerprints_;  // ledgers without a natural key
  bool table_was_empty_ = false;
  // Natural keys stored before the import: key → (id, pair id), all of them when the table was
  // small (keys_loaded_), else those of the current batch.
  using TakenMap = std::unordered_map<std::string, std::vector<std::pair<int64_t, int64_t>>>;
  TakenMap taken_;
  bool keys_loaded_ = false;
  std::optional<int64_t> saved_page_cache_;  // to restore, if Begin widened it
  std::vector<TableIndex> dropped_indexes_;
  std::vector<PreparedRow*> pending_;  // valid rows of the current batch not yet inserted
  std::vector<std::vector<Value>> insert_rows_;
};

}  // namespace shanhai

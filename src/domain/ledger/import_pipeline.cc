#include "domain/ledger/import_pipeline.h"

#include <filesystem>
#include <limits>
#include <thread>
#include <utility>

#include "domain/audit/audit_detail.h"
#include "domain/ledger/import_prepare.h"
#include "domain/ledger/import_queue.h"
#include "domain/ledger/import_sheet.h"
#include "domain/ledger/import_writer.h"
#include "domain/ledger/record_set_service.h"
#include "excel/sheet_out.h"
#include "excel/table_reader.h"
#include "excel/xlsx_reader.h"

namespace shanhai {

namespace {

// Rows per batch: one natural-key look-up, one id allocation, one bulk insert and one audit
// append each. Batches in flight: enough to keep both threads busy, little memory.
constexpr size_t kBatchRows = 2000;
constexpr size_t kBatchesInFlight = 4;

using Batch = std::vector<PreparedRow>;

// Runs the reader side on its own thread: reads path, batches the rows (prepared if the
// preparer may run beside the writer) into queue, closes it with the reading's status.
// Batches the writer is done with come back through `done` and are freed here, by the thread
// that allocated them: glibc's malloc handles that more cheaply than frees from another thread
// (its internals took a sixth of the writer's time on a million rows), and the reader has time to spare.
void FreeReturned(BoundedQueue<Batch>& done) {
  for (std::optional<Batch> batch = done.TryPop(); batch; batch = done.TryPop()) batch.reset();
}

class ReaderThread {
 public:
  ReaderThread(const std::string& path, int sheet_index, ImportSheet& sheet, RowPreparer& preparer,
               BoundedQueue<Batch>& queue, BoundedQueue<Batch>& done)
      : thread_([path, sheet_index, s = &sheet, p = &preparer, q = &queue, d = &done] {
          q->Close(Read(path, sheet_index, *s, *p, *q, *d));
        }) {}
  ~ReaderThread() { thread_.join(); }

 private:
  static Status Read(const std::string& path, int sheet_index, ImportSheet& sheet, RowPreparer& preparer,
                     BoundedQueue<Batch>& queue, BoundedQueue<Batch>& done) {
    Batch batch;
    batch.reserve(kBatchRows);
    auto on_row = [&](int64_t row_number, const std::vector<std::string>& cells) -> Status {
      if (batch.empty()) FreeReturned(done);
      if (!sheet.has_header()) return sheet.ReadHeader(row_number, cells);
      if (ImportSheet::IsInstructions(cells)) return Status::Ok();
      PreparedRow& row = batch.emplace_back();
      row.row_number = row_number;
      row.raw = sheet.RecordOf(cells);
      if (preparer.runs_beside_writer()) SH_RETURN_IF_ERROR(preparer.Prepare(row));
      if (batch.size() < kBatchRows) return Status::Ok();
      // The writer stopped (an error of its own, which it reports): stop reading.
      if (!queue.Push(std::move(batch))) return Status::Internal("import cancelled");
      batch = {};
      batch.reserve(kBatchRows);
      return Status::Ok();
    };
    SH_RETURN_IF_ERROR(excel::ReadTable(path, on_row, {.sheet_index = sheet_index}));
    if (preparer.runs_beside_writer()) preparer.ForgetKeys();  // all rows prepared here
    if (!batch.empty() && !queue.Push(std::move(batch))) return Status::Internal("import cancelled");
    return Status::Ok();
  }

  std::thread thread_;
};

// The file as its user knows it (an upload's name, not the temporary path it was saved to).
const std::string& FileNameOf(const ImportOptions& options, const std::string& path) {
  return options.file_name.empty() ? path : options.file_name;
}

int64_t FileBytes(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : static_cast<int64_t>(size);
}

}  // namespace

Result<bool> ImportSheetRows(LedgerService& service, const Actor& actor, const LedgerDef& def,
                             const std::string& path, int sheet_index, const ImportOptions& options,
                             ImportReport& report) {
  // So rows find their pairs without the database; for this sheet only (the service lives on in
  // serve, and a workbook's pairs sheet adds pairs for the sheets after it).
  struct PairPreload {
    LedgerService& service;
    ~PairPreload() { service.validator().EndPairPreload(); }
  } preload{service};
  if (def.pair_scoped) SH_RETURN_IF_ERROR(service.validator().PreloadPairs());

  ImportSheet sheet(def, excel::PathEndsWith(path, ".csv"), options.default_pair);
  BatchWriter writer(service, actor, def, options, sheet, report);
  // A workbook's sheet is sized by its own share of the file, not by its sheets together.
  int64_t bytes = 0;
  if (excel::PathEndsWith(path, ".xlsx")) {
    SH_ASSIGN_OR_RETURN(bytes, excel::SheetBytes(path, sheet_index));
  } else {
    bytes = FileBytes(path);
  }
  SH_RETURN_IF_ERROR(writer.Begin(bytes));
  RowPreparer preparer(service, actor, def, service.context().clock.Iso(), options.stored_rows == StoredRows::kUpdate,
                       options.preview_rows > 0);
  BoundedQueue<Batch> queue(kBatchesInFlight);
  // Never full: the reader drains it before each batch, so it holds at most the batches in flight.
  BoundedQueue<Batch> done(std::numeric_limits<size_t>::max());
  Status written = Status::Ok();
  {
    ReaderThread reader(path, sheet_index, sheet, preparer, queue, done);
    while (std::optional<Batch> batch = queue.Pop()) {
      for (PreparedRow& row : *batch)
        if (!row.prepared && written.ok()) written = preparer.Prepare(row);
      if (written.ok()) written = writer.Write(*batch);
      if (!written.ok()) {
        queue.Cancel();  // the reader stops at its next batch; joined when `reader` ends
        break;
      }
      done.Push(std::move(*batch));
    }
  }
  SH_RETURN_IF_ERROR(written);
  SH_RETURN_IF_ERROR(queue.status());
  writer.SortErrors();
  if (!sheet.has_header()) return false;
  if (report.Refused() > 0 && !options.skip_invalid) return true;  // to be rolled back
  // A dry run's rollback restores the indexes.
  if (!options.dry_run) SH_RETURN_IF_ERROR(writer.Finish());
  return true;
}

Status AuthorizeImport(const Actor& actor, const LedgerDef& def, const ImportOptions& options) {
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "import")));
  const FieldDef* key = def.natural_key.empty() ? nullptr : def.Field(def.natural_key);
  if (options.stored_rows != StoredRows::kUpdate || !key) return Status::Ok();  // nothing to update
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "update")));
  if (key->IsSensitive()) SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "reveal")));
  return Status::Ok();
}

std::string ImportAuditDetail(const ImportOptions& options, const std::string& path, const ImportReport& report) {
  std::string detail = "file=" + AuditDetailValue(FileNameOf(options, path)) + " rows=" + std::to_string(report.valid);
  if (report.invalid > 0) detail += " invalid=" + std::to_string(report.invalid);
  if (report.already_stored > 0) detail += " already_stored=" + std::to_string(report.already_stored);
  if (report.updated > 0) detail += " updated=" + std::to_string(report.updated);
  return detail;
}

std::string ImportAuditRegion(const ImportReport& report) {
  return report.helped_regions.size() == 1 ? *report.helped_regions.begin() : std::string();
}

namespace {

// The import itself (see ImportLedger): reads, checks and stores in one transaction, committed
// only for an acceptable file that is not a dry run.
Result<ImportReport> ImportRows(LedgerService& service, const Actor& actor, const LedgerDef& def,
                                const std::string& path, const ImportOptions& options) {
  Database& db = service.db();
  Transaction tx(db);
  SH_RETURN_IF_ERROR(tx.begin_status());
  // Read inside the import's transaction (on SQLite it holds the write lock from its start, so
  // no other writer changes them until the commit).
  SH_RETURN_IF_ERROR(service.RefreshDictionaries());  // once: rows are parsed with this snapshot
  ImportReport report;
  SH_ASSIGN_OR_RETURN(const bool had_header, ImportSheetRows(service, actor, def, path, 0, options, report));
  if (!had_header) {
    const std::string& name = FileNameOf(options, path);
    return Status::InvalidArgument("文件是空的：" + name, "the file is empty: " + name);
  }
  const int64_t inserted = std::exchange(report.stored, 0);  // stored once committed
  if (report.Refused() > 0 && !options.skip_invalid) return report;  // tx rolls back: nothing stored
  SH_RETURN_IF_ERROR(service.audit().Write(actor, "import", def.name, 0, ImportAuditRegion(report), "", "",
                                           ImportAuditDetail(options, path, report) +
                                               (options.dry_run ? " dry_run" : "")));
  if (options.dry_run) return report;  // tx rolls back
  SH_RETURN_IF_ERROR(tx.Commit());
  service.changes().Announce();
  report.stored = inserted;
  return report;
}

}  // namespace

Result<ImportReport> ImportLedger(LedgerService& service, const Actor& actor, const LedgerDef& def,
                                  const std::string& path, const ImportOptions& options) {
  SH_RETURN_IF_ERROR(AuthorizeImport(actor, def, options));
  SH_RETURN_IF_ERROR(RefuseLineWrite(def));
  Result<ImportReport> imported = ImportRows(service, actor, def, path, options);
  // The numbers the file found registered are audited and counted whatever became of it.
  SH_RETURN_IF_ERROR(service.SettleDisclosures());
  SH_ASSIGN_OR_RETURN(ImportReport report, std::move(imported));
  // A dry run or a refused file stores nothing and its transaction took its audit rows with it;
  // who tried which file is kept all the same, in a transaction of its own, so that checking
  // values against the stored ones (uniqueness answers) is never unaudited.
  if (options.dry_run || (report.Refused() > 0 && !options.skip_invalid)) {
    const std::string detail = ImportAuditDetail(options, path, report);
    SH_RETURN_IF_ERROR(InTransaction(service.db(), [&] {
      return service.audit().Write(actor, options.dry_run ? "import_dry_run" : "import_refused", def.name, 0,
                                   ImportAuditRegion(report), "", "", detail);
    }));
  }
  return report;
}

}  // namespace shanhai

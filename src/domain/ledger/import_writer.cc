#include "domain/ledger/import_writer.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "domain/ledger/conflict_messages.h"
#include "domain/ledger/import_sheet.h"

namespace shanhai {

namespace {

// What the data caused (a constraint); anything else stops the import.
bool IsDataProblem(const Status& s) { return s.code() == Code::kConflict || s.code() == Code::kInvalidArgument; }

// The row as a dry run's preview shows it: its record with the references' labels.
std::string PreviewJson(const PreparedRow& row) {
  if (row.preview_labels.empty() || !row.after_json.ends_with('}')) return row.after_json;
  std::string json = row.after_json;
  json.insert(json.size() - 1, "," + row.preview_labels);
  return json;
}

}  // namespace

BatchWriter::BatchWriter(LedgerService& service, const Actor& actor, const LedgerDef& def,
                         const ImportOptions& options, const ImportSheet& sheet, ImportReport& report)
    : service_(service), actor_(actor), def_(def), options_(options), sheet_(sheet), report_(report),
      repo_(service.db(), def),
      fingerprints_(service.db(), def) {}

Status BatchWriter::Begin(int64_t file_bytes) {
  // A CSV row of the smallest ledger is longer than this; an xlsx row (compressed) shorter,
  // so the file's rows are underestimated there, which only keeps more indexes.
  constexpr int64_t kBytesPerRowAtMost = 100;
  const int64_t file_rows = file_bytes / kBytesPerRowAtMost;
  if (file_bytes >= options_.rebuild_indexes_from_bytes) {
    constexpr int64_t kBulkLoadPageCache = -256 * 1024;  // KiB
    SH_ASSIGN_OR_RETURN(const int64_t saved, repo_.PageCache());
    SH_RETURN_IF_ERROR(repo_.SetPageCache(kBulkLoadPageCache));
    saved_page_cache_ = saved;
  }
  // Up to this many stored keys are loaded at once rather than looked up batch by batch.
  constexpr int64_t kLoadKeysUpTo = 100000;
  SH_ASSIGN_OR_RETURN(const int64_t stored, repo_.CountUpTo(std::max(file_rows, kLoadKeysUpTo) + 1));
  table_was_empty_ = stored == 0;
  if (!table_was_empty_ && stored <= kLoadKeysUpTo && !def_.natural_key.empty()) {
    SH_ASSIGN_OR_RETURN(std::vector<TakenKey> all, repo_.AllTakenKeys());
    for (const TakenKey& t : all) taken_[AsText(t.value)].emplace_back(t.id, t.pair_id);
    keys_loaded_ = true;
  }
  const bool bulk = file_bytes >= options_.rebuild_indexes_from_bytes && stored < file_rows &&
                    (table_was_empty_ || service_.db().dialect() == Dialect::kSqlite);
  if (!bulk) return Status::Ok();
  SH_ASSIGN_OR_RETURN(dropped_indexes_, repo_.SecondaryIndexes());
  for (const TableIndex& index : dropped_indexes_) SH_RETURN_IF_ERROR(repo_.DropIndex(index));
  return Status::Ok();
}

BatchWriter::~BatchWriter() {
  // The connection outlives the import (serve pools it): back to its usual cache.
  if (saved_page_cache_) (void)repo_.SetPageCache(*saved_page_cache_);
}

void BatchWriter::Reject(const PreparedRow& row, std::vector<FieldError> errors, bool as_stored) {
  ++(as_stored ? report_.stored_refused : report_.invalid);
  if (as_stored) report_.stored_rows.insert(row.row_number);
  for (FieldError& e : errors) {
    e.row = row.row_number;
    // The column as the file heads it ("金额（万元）"), else the field's label (a missing column).
    if (const std::string* column = sheet_.ColumnName(e.field)) e.field = *column;
    else if (const FieldDef* f = def_.Field(e.field)) e.field = f->label_zh;
    else if (e.field == "pair") e.field = kPairHeader;
    report_.errors.push_back(std::move(e));
  }
}

Status BatchWriter::Write(std::vector<PreparedRow>& batch) {
  // Natural keys or fingerprints other records hold already: one look-up for the batch (see
  // the header).
  if (!keys_loaded_) taken_.clear();
  if (!table_was_empty_ && !keys_loaded_) {
    // Fingerprints are looked up by helped region (their table's distribution key).
    std::unordered_map<std::string, std::vector<Value>> keys_by_region;
    for (const PreparedRow& row : batch)
      if (row.errors.empty() && !IsNull(row.key))
        keys_by_region[def_.natural_key.empty() ? row.helped_region : std::string()].push_back(row.key);
    for (const auto& [region, keys] : keys_by_region) {
      SH_ASSIGN_OR_RETURN(std::vector<TakenKey> found, def_.natural_key.empty()
                                                           ? fingerprints_.FindStored(region, keys)
                                                           : repo_.FindTakenKeys(keys));
      for (const TakenKey& t : found) taken_[AsText(t.value)].emplace_back(t.id, t.pair_id);
    }
  }
  // People are one registry across all pairs (as LedgerService::CheckUnique has it); a
  // fingerprint covers the pair.
  const FieldDef* key_field = def_.Field(def_.natural_key);
  const bool one_registry = !def_.pair_scoped || !key_field || key_field->IsSensitive();

  for (PreparedRow& row : batch) {
    ++report_.rows;
    if (!row.helped_region.empty()) report_.helped_regions.insert(row.helped_region);
    int64_t existing = 0;
    if (auto it = row.errors.empty() && !IsNull(row.key) ? taken_.find(AsText(row.key)) : taken_.end();
        it != taken_.end())
      for (const auto& [id, pair_id] : it->second)
        if (one_registry || pair_id == row.pair_id) existing = existing ? existing : id;
    if (existing != 0) {
      // Refused, skipped or updated, the row told its writer that this number is registered.
      SH_RETURN_IF_ERROR(service_.validator().NoteKeyMatch(actor_, def_, existing));
      ++report_.already_stored;
      if (options_.stored_rows == StoredRows::kRefuse) {
        SH_ASSIGN_OR_RETURN(FieldError e, AlreadyStoredError(existing));
        row.errors.push_back(std::move(e));  // its only error: a stored key is looked for only in a good row
      } else if (options_.stored_rows == StoredRows::kUpdate && key_field) {
        SH_RETURN_IF_ERROR(UpdateStored(row, existing));
        continue;
      } else {
        ++report_.valid;  // left as stored
        continue;
      }
    }
    if (!row.errors.empty()) {
      Reject(row, std::move(row.errors), existing != 0);
      // Refused from here on: what came before is still stored, so that the database's own
      // objections to it are reported too.
      if (Refusing()) SH_RETURN_IF_ERROR(Flush());
      continue;
    }
    ++report_.valid;
    if (Refusing()) continue;  // will be rolled back anyway
    pending_.push_back(&row);
  }
  return Flush();
}

Result<FieldError> BatchWriter::AlreadyStoredError(int64_t existing) {
  if (def_.natural_key.empty()) {
    // As KeyTakenError words it: the record is named only to a reader who may see it.
    SH_ASSIGN_OR_RETURN(std::optional<Rows> visible,
                        LedgerRepository(service_.db(), def_).Get(existing, ScopeOf(actor_)));
    const std::string where_zh = visible ? "与记录编号 " + std::to_string(existing) + " 相同" : "在您无权查看的记录中";
    const std::string where_en = visible ? "record " + std::to_string(existing) : "in a record you may not see";
    return FieldError{0, "", "该行已导入过（" + where_zh + "）；如需保留请选择跳过已导入的行",
                      "this row was imported before (" + where_en + "); choose to skip rows already stored"};
  }
  SH_ASSIGN_OR_RETURN(FieldError e, service_.validator().KeyTakenError(actor_, def_, existing));
  e.message_zh += "；如为再次导入，请选择更新或跳过已导入的行";
  e.message_en += "; if this is a re-import, choose to update or skip rows already stored";
  return e;
}

Status BatchWriter::UpdateStored(PreparedRow& row, int64_t id) {
  const auto refuse = [&](const Status& s) -> Status {
    if (s.details().empty() && !IsDataProblem(s)) return s;  // not the data's: stop
    --report_.already_stored;  // counted as a bad row instead
    Reject(row, s.details().empty() ? std::vector<FieldError>{{0, "", s.message_zh(), s.message_en()}} : s.details());
    return Status::Ok();
  };
  SH_RETURN_IF_ERROR(service_.AuthorizeUpdate(actor_, def_, row.raw));
  // A refused update leaves nothing of itself, and on PostgreSQL the import's transaction stays
  // usable.
  Transaction savepoint(service_.db());
  SH_RETURN_IF_ERROR(savepoint.begin_status());
  Result<Record> before = service_.ReadForChange(actor_, def_, id, 0);
  // A stored record the user may not change (the people registry is one across pairs) is a bad
  // row saying only that its key is taken, as a refusing import says it: never the record's id.
  const Code read = before.ok() ? Code::kOk : before.status().code();
  if (read == Code::kNotFound) {
    SH_ASSIGN_OR_RETURN(FieldError taken, service_.validator().KeyTakenError(actor_, def_, id));
    return refuse(Status::Invalid({std::move(taken)}));
  }
  // One the user sees in a pair it only reads (CheckPairWritable): that pair is named instead.
  if (read == Code::kPermissionDenied)
    return refuse(Status::Invalid({{0, "", before.status().message_zh(), before.status().message_en()}}));
  if (!before.ok()) return refuse(before.status());
  Result<Record> record = service_.Prepare(actor_, def_, row.raw, InputSource::kSpreadsheet, &*before);
  if (!record.ok()) return refuse(record.status());
  if (Status kept = LedgerService::KeepState(def_, *before, *record, row.raw); !kept.ok()) return refuse(kept);
  // The record's own audit entry says "update"; the import's detail says which file did it.
  Result<Record> after = service_.UpdatePrepared(actor_, def_, *before, *record, "import");
  // No duplicate key to restate: the record was found by its natural key, which the row keeps,
  // and a ledger with one has no other unique key (ledger_schema_test.cc checks the schema).
  if (!after.ok()) return refuse(after.status());
  SH_RETURN_IF_ERROR(savepoint.Commit());
  ++report_.valid;
  ++report_.updated;
  row.raw = {};
  return Status::Ok();
}

Status BatchWriter::InsertPending(size_t first, size_t last) {
  insert_rows_.clear();
  for (size_t i = first; i < last; ++i) insert_rows_.push_back(std::move(pending_[i]->values));
  Status s = service_.db().dialect() == Dialect::kSqlite ? InsertOrTakeBack() : InsertInSavepoint();
  // Back into their rows: kept for a retry row by row, and freed with the batch by the reader
  // thread that allocated them (see ReaderThread in import_pipeline.cc).
  for (size_t i = first; i < last; ++i) pending_[i]->values = std::move(insert_rows_[i - first]);
  return s;
}

Status BatchWriter::InsertInSavepoint() {
  // A refused bulk load leaves nothing of itself, and on PostgreSQL the import's transaction
  // stays usable.
  Transaction savepoint(service_.db());
  SH_RETURN_IF_ERROR(savepoint.begin_status());
  SH_RETURN_IF_ERROR(repo_.InsertMany(insert_rows_));
  return savepoint.Commit();
}

Status BatchWriter::InsertOrTakeBack() {
  // No savepoint on SQLite: it would copy every page of the unique index that the batch
  // touches (in random order: most of a batch's pages) into a sub-journal first, a fifth of
  // the insert's time. SQLite undoes a refused statement itself; the statements of the load
  // before it are deleted here by their ids, which are this load's alone (NewIds).
  Status s = repo_.InsertMany(insert_rows_);
  if (s.ok() || !IsDataProblem(s)) return s;  // anything else stops the import, which rolls back
  int64_t low = AsInt(insert_rows_.front()[0]), high = low;
  for (const std::vector<Value>& row : insert_rows_) {
    low = std::min(low, AsInt(row[0]));
    high = std::max(high, AsInt(row[0]));
  }
  SH_RETURN_IF_ERROR(repo_.DeleteIdRange(low, high));
  return s;
}

Status BatchWriter::Flush() {
  if (pending_.empty()) return Status::Ok();
  SH_ASSIGN_OR_RETURN(std::vector<int64_t> ids, repo_.NewIds(static_cast<int64_t>(pending_.size())));
  for (size_t i = 0; i < pending_.size(); ++i) pending_[i]->values[0] = ids[i];
  std::vector<bool> stored(pending_.size(), true);
  Status all = InsertPending(0, pending_.size());
  if (!all.ok()) {
    if (!IsDataProblem(all)) return all;
    for (size_t i = 0; i < pending_.size(); ++i) {
      stored[i] = false;
      if (Refusing()) continue;  // counted valid, not stored: the file is refused
      Status one = InsertPending(i, i + 1);
      if (one.ok()) {
        stored[i] = true;
      } else if (IsDataProblem(one)) {
        --report_.valid;
        const Status named = NameDuplicateKey(def_, one);
        Reject(*pending_[i], {{0, "", named.message_zh(), named.message_en()}});
      } else {
        return one;
      }
    }
  }
  // Each stored record's own audit entry and change_log row, in this transaction, the entries
  // chained here in file order.
  std::vector<AuditEntry> entries;
  std::vector<Change> changes;
  std::vector<std::vector<Value>> fingerprints;
  entries.reserve(pending_.size());
  changes.reserve(pending_.size());
  for (size_t i = 0; i < pending_.size(); ++i) {
    if (!stored[i]) continue;
    ++report_.stored;
    // The preview: rows the database took, none it refused or left as stored.
    if (report_.preview.size() < options_.preview_rows) report_.preview.push_back(PreviewJson(*pending_[i]));
    if (def_.natural_key.empty()) fingerprints.push_back({ids[i], pending_[i]->key, pending_[i]->helped_region});
    changes.push_back({0, def_.name, ids[i], kChangeCreated, 1, pending_[i]->helped_region, ""});
    AuditEntry& e = entries.emplace_back();
    e.action = "import";
    e.ledger = def_.name;
    e.record_id = ids[i];
    e.helped_region = std::move(pending_[i]->helped_region);
    e.after_json = WithRecordId(pending_[i]->after_json, ids[i]);
  }
  pending_.clear();
  SH_RETURN_IF_ERROR(fingerprints_.Remember(fingerprints));
  SH_RETURN_IF_ERROR(service_.audit().Append(actor_, std::move(entries)));
  return service_.changes().Append(std::move(changes));
}

Status BatchWriter::Finish() {
  SH_RETURN_IF_ERROR(Flush());
  for (const TableIndex& index : dropped_indexes_) SH_RETURN_IF_ERROR(repo_.CreateIndex(index));
  dropped_indexes_.clear();
  return Status::Ok();
}

void BatchWriter::SortErrors() {
  std::stable_sort(report_.errors.begin(), report_.errors.end(),
                   [](const FieldError& a, const FieldError& b) { return a.row < b.row; });
}

}  // namespace shanhai

#include "domain/ledger/import_prepare.h"

#include <algorithm>

#include <boost/json.hpp>

#include "domain/ledger/import_fingerprints.h"

#include "domain/ledger/record_json.h"
#include "domain/ledger/record_names.h"
#include "domain/ledger/record_set_service.h"

namespace shanhai {

namespace {

constexpr std::string_view kIdZero = "{\"id\":0";

// The record after as Get shows it (bookkeeping columns last), built from the values in hand
// rather than read back and decrypted, which would double the import's work; masked as every
// audit row is.
std::string AfterJson(const LedgerDef& def, const Record& record, const Columns& row) {
  Record after;
  after.pair_id = record.pair_id;
  after.pair_code = record.pair_code;
  after.helped_region = record.helped_region;
  after.values.reserve(def.fields.size() + 5);
  for (const FieldDef& f : def.fields) {
    const Value* v = record.Get(f.key);
    after.values.emplace_back(f.key, v ? *v : Value{});
  }
  for (const char* extra : {"created_at", "updated_at", "created_by", "updated_by"}) {
    auto it = std::find_if(row.begin(), row.end(), [&](const auto& column) { return column.first == extra; });
    after.values.emplace_back(extra, it == row.end() ? Value{} : it->second);
  }
  after.values.emplace_back("version", int64_t{1});
  return AuditRecordJsonText(def, std::move(after));
}

// The preview names a reference as the clerk typed it: `"<key>_label":"<cell>"` for each
// reference cell of raw that is not empty, comma-separated.
std::string TypedRefLabels(const LedgerDef& def, const RawRecord& raw) {
  std::string out;
  for (const auto& [key, text] : raw.fields) {
    const FieldDef* f = def.Field(key);
    if (!f || f->type != FieldType::kRef || text.empty()) continue;
    out += (out.empty() ? "" : ",") + boost::json::serialize(boost::json::string(key + "_label")) + ":" +
           boost::json::serialize(boost::json::string(text));
  }
  return out;
}

}  // namespace

std::string WithRecordId(const std::string& json_with_id_0, int64_t id) {
  if (!json_with_id_0.starts_with(kIdZero)) return json_with_id_0;
  std::string out = "{\"id\":" + std::to_string(id);
  out.append(json_with_id_0, kIdZero.size());
  return out;
}

RowPreparer::RowPreparer(LedgerService& service, const Actor& actor, const LedgerDef& def, std::string now,
                         bool keep_input, bool preview)
    : service_(service),
      actor_(actor),
      def_(def),
      now_(std::move(now)),
      key_field_(def.natural_key.empty() ? nullptr : def.Field(def.natural_key)),
      repo_(service.db(), def),
      keep_input_(keep_input),
      preview_(preview) {
  // References and the checks of a record's lines read the database: those rows are prepared
  // on the writer's thread, which owns the connection. So are all rows of an import that
  // updates stored records: the writer validates each update through the same service (its
  // validator's caches are not shared between threads). And the rows of an organisation's
  // account, whose pair the validator reads with its organisation's record (CheckPairWritable).
  beside_writer_ = !keep_input && def.lines.empty() && !actor.owner_scoped() &&
                   std::none_of(def.fields.begin(), def.fields.end(),
                                [](const FieldDef& f) { return f.type == FieldType::kRef; });
}

std::string RowPreparer::KeyInFile(const PreparedRow& row, const Record* record) const {
  if (!key_field_) return "";
  std::string value;
  if (record) {
    const Value* v = record->Get(key_field_->key);
    if (!v || IsNull(*v)) return "";
    value = AsText(*v);
  } else {
    // A refused row still claims its key, so a later repeat names it: parse that cell alone.
    auto cell = std::find_if(row.raw.fields.begin(), row.raw.fields.end(),
                             [&](const auto& f) { return f.first == key_field_->key; });
    if (cell == row.raw.fields.end()) return "";
    const std::vector<EnumOption>& options = service_.dictionary_snapshot().OptionsFor(def_, *key_field_);
    Result<Value> k = ParseFieldValue(*key_field_, cell->second, InputSource::kSpreadsheet, &options);
    if (!k.ok() || IsNull(*k)) return "";
    value = AsText(*k);
  }
  const bool one_registry = key_field_->IsSensitive() || !def_.pair_scoped;
  return (one_registry ? std::string() : row.raw.pair) + "|" + value;
}

Status RowPreparer::Prepare(PreparedRow& row) {
  Result<Record> record = service_.Prepare(actor_, def_, row.raw, InputSource::kSpreadsheet, nullptr,
                                           /*check_unique=*/false);
  // A record that has lines comes in without them: it must pass its lines' checks so.
  if (record.ok() && !def_.lines.empty()) {
    std::vector<FieldError> line_errors;
    SH_RETURN_IF_ERROR(RecordSetService(service_).CheckWithoutLines(actor_, def_, *record, line_errors));
    if (!line_errors.empty()) record = Status::Invalid(std::move(line_errors));
  }
  if (!record.ok() && record.status().details().empty()) return record.status();  // not a data problem: stop
  row.prepared = true;
  const std::string key = KeyInFile(row, record.ok() ? &*record : nullptr);
  if (!key.empty()) {
    auto [first, fresh] = first_row_of_key_.emplace(key, row.row_number);
    if (!fresh) {
      const LedgerDef::KeyNaming named = def_.NaturalKeyNaming();
      const std::string n = std::to_string(first->second);
      row.errors = {{0, named.field, named.label_zh + "与第" + n + "行重复",
                     named.label_en + (named.plural ? " repeat row " : " repeats row ") + n}};
      row.raw = {};
      return Status::Ok();
    }
  }
  if (!record.ok()) {
    row.raw = {};
    row.errors = record.status().details();
    return Status::Ok();
  }
  if (preview_) {
    // References as typed; the pair and regions by name, as the ledger's list shows them.
    const std::string refs = TypedRefLabels(def_, row.raw), regions = RegionLabelMembers(def_, *record);
    row.preview_labels = refs + (refs.empty() || regions.empty() ? "" : ",") + regions;
  }
  if (!keep_input_) row.raw = {};
  Columns stored = service_.StoredRowForInsert(actor_, def_, *record, now_);
  row.after_json = AfterJson(def_, *record, stored);
  if (key_field_) {
    const std::string column = key_field_->IsSensitive() ? key_field_->key + "_hash" : key_field_->key;
    auto it = std::find_if(stored.begin(), stored.end(), [&](const auto& c) { return c.first == column; });
    if (it != stored.end()) row.key = it->second;
  } else {
    // A repeat of an earlier row of the file is refused as a repeated natural key is, wherever
    // it comes in the file; so the writer never finds a fingerprint of this import's own records.
    row.key = RowFingerprint(stored, *service_.context().vault);
    auto [first, fresh] = first_row_of_key_.emplace("#" + AsText(row.key), row.row_number);
    if (!fresh) {
      const std::string n = std::to_string(first->second);
      row.errors = {{0, "", "与第" + n + "行相同", "repeats row " + n}};
      row.raw = {};
      row.key = Value{};
      row.after_json.clear();
      return Status::Ok();
    }
  }
  row.pair_id = record->pair_id;
  row.helped_region = record->helped_region;
  row.values = repo_.BulkRowOf(0, std::move(stored));
  return Status::Ok();
}

}  // namespace shanhai

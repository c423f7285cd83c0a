#include "domain/ledger/ledger_io.h"

#include <algorithm>
#include <map>

#include "common/money.h"
#include "common/personal_numbers.h"
#include "domain/ledger/record_codec.h"
#include "domain/ledger/record_json.h"
#include "excel/sheet_out.h"
#include "excel/formula_guard.h"
#include "excel/table_reader.h"

namespace shanhai {

namespace {

constexpr const char* kPairHeader = "帮扶关系";
constexpr const char* kInstructionsMarker = "填写说明";
constexpr int64_t kExportPageSize = 1000;
// Imported records' audit entries are appended this many at a time (one bulk insert each).
constexpr size_t kImportAuditBatch = 500;

// Fields a sheet carries, in column order (computed fields are shown on export only).
std::vector<const FieldDef*> SheetFields(const LedgerDef& def, bool with_computed) {
  std::vector<const FieldDef*> out;
  for (const FieldDef& f : def.fields)
    if (with_computed || !f.computed) out.push_back(&f);
  return out;
}

std::string HeaderOf(const FieldDef& f) { return (f.required ? "*" : "") + f.label_zh; }

std::vector<std::string> Headers(const LedgerDef& def, bool with_computed) {
  std::vector<std::string> headers;
  if (def.pair_scoped) headers.push_back(std::string("*") + kPairHeader);
  for (const FieldDef* f : SheetFields(def, with_computed)) headers.push_back(HeaderOf(*f));
  return headers;
}

// options: the field's options in force (enum fields).
std::string InstructionOf(const FieldDef& f, const std::vector<EnumOption>& options) {
  std::string note = f.required ? "必填" : "选填";
  switch (f.type) {
    case FieldType::kDate: note += "；日期，如 2020-06-09"; break;
    case FieldType::kMoney: note += "；金额（元），最多两位小数"; break;
    case FieldType::kInteger: note += "；整数"; break;
    case FieldType::kBool: note += "；是/否"; break;
    case FieldType::kEnum:
    case FieldType::kSensitiveEnum: {
      note += "；可选：";
      bool first = true;
      for (const EnumOption& o : options) {
        if (o.disabled) continue;
        note += (first ? "" : "、") + o.label_zh;
        first = false;
      }
      break;
    }
    case FieldType::kRegion: note += "；行政区划代码"; break;
    case FieldType::kIdNumber: note += "；18位身份证号"; break;
    case FieldType::kMobile: note += "；11位手机号"; break;
    case FieldType::kCreditCode: note += "；18位统一社会信用代码"; break;
    default: break;
  }
  if (!f.hint_zh.empty()) note += "；" + f.hint_zh;
  return note;
}

// Maps a header cell to a field: "*名称", "名称", "Name" or "name" all name the same field.
const FieldDef* FieldForHeader(const LedgerDef& def, std::string header) {
  while (!header.empty() && (header[0] == '*' || header[0] == ' ')) header.erase(0, 1);
  for (const FieldDef& f : def.fields)
    if (header == f.label_zh || header == f.label_en || header == f.key) return &f;
  return nullptr;
}

// The option of that code, or null.
const EnumOption* OptionOf(const std::vector<EnumOption>& options, const std::string& code) {
  for (const EnumOption& o : options)
    if (o.code == code) return &o;
  return nullptr;
}

// The cell text of a stored value in the spreadsheet layout; options: the field's options in force.
std::string CellText(const FieldDef& f, const std::vector<EnumOption>& options, const Value& v,
                     const std::map<int64_t, std::string>* labels) {
  if (IsNull(v)) return "";
  switch (f.type) {
    case FieldType::kMoney: return FormatFenAsYuan(AsInt(v));
    case FieldType::kBool: return AsInt(v) ? "是" : "否";
    case FieldType::kEnum:
    case FieldType::kSensitiveEnum: {
      const EnumOption* o = OptionOf(options, AsText(v));
      return o ? o->label_zh : AsText(v);  // masked values ("***") have no option
    }
    case FieldType::kRef: {
      if (labels) {
        auto it = labels->find(AsInt(v));
        if (it != labels->end()) return it->second;
      }
      return AsText(v);
    }
    default: return AsText(v);
  }
}

// The audit detail of an export: how many rows, selected by which filter, to what format. The
// audit administrator reads it without reveal: a value given for a field that needs reveal is
// kept as "***" (the field's name says what was selected), and personal numbers in q are masked.
std::string ExportDetail(const LedgerDef& def, const ListRequest& request, int64_t rows, bool reveal,
                         const std::string& path) {
  boost::json::object filter;
  auto put = [&](const char* key, const std::string& value) {
    if (!value.empty()) filter[key] = value;
  };
  put("pair", request.pair ? request.pair->code() : "");
  put("q", MaskPersonalNumbers(request.text));
  put("from", request.date_from);
  put("to", request.date_to);
  put("sort", request.sort);
  for (const auto& [key, value] : request.equals) {
    const FieldDef* f = def.Field(key);
    filter[key] = f && f->NeedsReveal() ? std::string("***") : MaskPersonalNumbers(value);
  }
  boost::json::object detail{{"rows", rows}, {"format", excel::PathEndsWith(path, ".csv") ? "csv" : "xlsx"},
                             {"reveal", reveal}, {"filter", std::move(filter)}};
  return boost::json::serialize(detail);
}

// The audit entry of a record just imported as row under id: the record after as Get shows it
// (sensitive values masked, bookkeeping columns last), built from the values in hand rather
// than read back and decrypted, which would double the import's work.
AuditEntry ImportedEntry(const LedgerDef& def, const Record& record, const Columns& row, int64_t id) {
  Record after;
  after.id = id;
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
  AuditEntry e;
  e.action = "import";
  e.ledger = def.name;
  e.record_id = id;
  e.helped_region = record.helped_region;
  e.after_json = AuditRecordJsonText(def, std::move(after));  // masked as every audit row is
  return e;
}

}  // namespace

namespace {

// The import itself (see ImportLedger): reads, checks and stores in one transaction, committed
// only for an acceptable file that is not a dry run.
Result<ImportReport> ImportRows(LedgerService& service, const Actor& actor, const LedgerDef& def,
                                const std::string& path, const ImportOptions& options) {
  SH_RETURN_IF_ERROR(service.RefreshDictionaries());  // once: rows are parsed with this snapshot
  // Valid rows are inserted as they are read, inside one transaction that is committed only
  // if the whole file is acceptable: memory stays flat for a million rows, and a rejected
  // file leaves nothing behind.
  Database& db = service.db();
  Transaction tx(db);
  SH_RETURN_IF_ERROR(tx.begin_status());
  LedgerRepository repo(db, def);

  ImportReport report;
  std::vector<const FieldDef*> columns;  // per sheet column; nullptr = pair column or ignored
  int pair_column = -1;
  bool have_header = false;
  const FieldDef* key_field = def.natural_key.empty() ? nullptr : def.Field(def.natural_key);
  std::map<std::string, int64_t> key_rows;  // pair|natural key → first row, for duplicates in the file
  const bool guard_rows = db.dialect() == Dialect::kPostgres;  // one savepoint per insert
  // Each stored record gets its own audit entry, in this transaction, appended in batches.
  std::vector<AuditEntry> audit_batch;
  auto flush_audit = [&]() -> Status {
    Status s = service.audit().Append(actor, std::move(audit_batch));
    audit_batch.clear();
    return s;
  };
  const bool from_csv = excel::PathEndsWith(path, ".csv");  // cells may carry ExportLedger's defusing

  auto reject = [&](int64_t row_number, std::vector<FieldError> errors) {
    ++report.invalid;
    for (FieldError& e : errors) {
      e.row = row_number;
      if (const FieldDef* f = def.Field(e.field)) e.field = f->label_zh;
      else if (e.field == "pair") e.field = kPairHeader;
      report.errors.push_back(std::move(e));
    }
  };

  auto on_row = [&](int64_t row_number, const std::vector<std::string>& cells) -> Status {
    if (!have_header) {
      std::vector<std::string> unknown;
      for (size_t c = 0; c < cells.size(); ++c) {
        std::string h = cells[c];
        while (!h.empty() && h[0] == '*') h.erase(0, 1);
        const FieldDef* f = FieldForHeader(def, cells[c]);
        if (h == kPairHeader || h == "pair") pair_column = static_cast<int>(c);
        else if (!f && !h.empty() && h != "编号" && h != "id") unknown.push_back(cells[c]);
        columns.push_back(f && !f->computed ? f : nullptr);
      }
      if (!unknown.empty()) {
        std::string list;
        for (const std::string& u : unknown) list += (list.empty() ? "" : "、") + u;
        return Status::InvalidArgument("第" + std::to_string(row_number) + "行表头有无法识别的列：" + list +
                                           "（请使用“" + def.label_zh + "”导入模板）",
                                       "row " + std::to_string(row_number) + ": unknown columns: " + list +
                                           " (use the " + def.name + " template)");
      }
      have_header = true;
      return Status::Ok();
    }
    if (!cells.empty() && cells[0].starts_with(kInstructionsMarker)) return Status::Ok();
    ++report.rows;
    RawRecord raw;
    raw.pair = pair_column >= 0 && pair_column < static_cast<int>(cells.size()) ? cells[pair_column] : "";
    if (raw.pair.empty()) raw.pair = options.default_pair;
    std::string key_text;
    for (size_t c = 0; c < columns.size(); ++c) {
      if (!columns[c]) continue;
      const std::string cell = c < cells.size() ? cells[c] : "";
      raw.fields.emplace_back(columns[c]->key, from_csv ? excel::UndefusedCsvText(cell) : cell);
      if (columns[c] == key_field) {
        const std::vector<EnumOption>& options = service.dictionary_snapshot().OptionsFor(def, *key_field);
        Result<Value> k = ParseFieldValue(*key_field, raw.fields.back().second, InputSource::kSpreadsheet, &options);
        if (k.ok() && !IsNull(*k)) key_text = raw.pair + "|" + AsText(*k);
      }
    }
    if (!key_text.empty()) {
      auto [first, fresh] = key_rows.emplace(key_text, row_number);
      if (!fresh) {
        reject(row_number, {{0, key_field->key, key_field->label_zh + "与第" + std::to_string(first->second) + "行重复",
                             key_field->label_en + " repeats row " + std::to_string(first->second)}});
        return Status::Ok();
      }
    }
    Result<Record> record = service.Prepare(actor, def, raw, InputSource::kSpreadsheet, nullptr);
    if (!record.ok()) {
      if (record.status().details().empty()) return record.status();  // not a data problem: stop
      reject(row_number, record.status().details());
      return Status::Ok();
    }
    ++report.valid;
    if (report.invalid > 0 && !options.skip_invalid) return Status::Ok();  // will be rolled back anyway
    // A row the database refuses must not spoil the rest of the file: on PostgreSQL a failed
    // statement aborts the whole transaction unless it ran in a savepoint (SQLite's does not).
    const Columns row = service.StoredRowForInsert(actor, def, *record);
    Result<int64_t> id = [&]() -> Result<int64_t> {
      if (!guard_rows) return repo.Insert(row);
      Transaction row_tx(db);  // a savepoint, rolled back by the guard unless its commit succeeds
      SH_RETURN_IF_ERROR(row_tx.begin_status());
      SH_ASSIGN_OR_RETURN(int64_t new_id, repo.Insert(row));
      SH_RETURN_IF_ERROR(row_tx.Commit());
      return new_id;
    }();
    // Only what the data caused is the row's fault; anything else (e.g. the database went
    // away) stops the import, and the outer transaction rolls everything back.
    if (!id.ok() && id.status().code() != Code::kConflict && id.status().code() != Code::kInvalidArgument)
      return id.status();
    if (!id.ok()) {
      // A conflict the row checks could not see (e.g. a unique combination of columns).
      --report.valid;
      reject(row_number, {{0, "", id.status().message_zh(), id.status().message_en()}});
      return Status::Ok();
    }
    audit_batch.push_back(ImportedEntry(def, *record, row, *id));
    return audit_batch.size() >= kImportAuditBatch ? flush_audit() : Status::Ok();
  };
  SH_RETURN_IF_ERROR(excel::ReadTable(path, on_row));
  if (!have_header) return Status::InvalidArgument("文件是空的：" + path, "the file is empty: " + path);
  if (report.invalid > 0 && !options.skip_invalid) return report;  // tx rolls back: nothing stored

  SH_RETURN_IF_ERROR(flush_audit());
  SH_RETURN_IF_ERROR(service.audit().Write(actor, "import", def.name, 0, "", "", "",
                                           "file=" + path + " rows=" + std::to_string(report.valid) +
                                               (options.dry_run ? " dry_run" : "")));
  if (options.dry_run) return report;  // tx rolls back
  SH_RETURN_IF_ERROR(tx.Commit());
  report.stored = report.valid;
  return report;
}

}  // namespace

Result<ImportReport> ImportLedger(LedgerService& service, const Actor& actor, const LedgerDef& def,
                                  const std::string& path, const ImportOptions& options) {
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "import")));
  SH_ASSIGN_OR_RETURN(ImportReport report, ImportRows(service, actor, def, path, options));
  // A dry run or a refused file stores nothing and its transaction took its audit rows with it;
  // who tried which file is kept all the same, in a transaction of its own, so that checking
  // values against the stored ones (uniqueness answers) is never unaudited.
  if (options.dry_run || (report.invalid > 0 && !options.skip_invalid)) {
    const std::string detail = "file=" + path + " rows=" + std::to_string(report.valid) +
                               " invalid=" + std::to_string(report.invalid);
    SH_RETURN_IF_ERROR(InTransaction(service.db(), [&] {
      return service.audit().Write(actor, options.dry_run ? "import_dry_run" : "import_refused", def.name, 0, "", "",
                                   "", detail);
    }));
  }
  return report;
}

Result<int64_t> ExportLedger(LedgerService& service, const Actor& actor, const LedgerDef& def, ListRequest request,
                             const std::string& path, bool reveal) {
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "export")));
  if (reveal) SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "reveal")));
  SH_ASSIGN_OR_RETURN(auto out, excel::SheetOut::Open(path, def.label_zh));
  SH_RETURN_IF_ERROR(out->Header(Headers(def, true)));
  const std::vector<const FieldDef*> fields = SheetFields(def, true);
  std::vector<bool> numeric;
  if (def.pair_scoped) numeric.push_back(false);
  for (const FieldDef* f : fields)
    numeric.push_back(f->type == FieldType::kInteger || f->type == FieldType::kMoney);

  int64_t written = 0;
  request.page_size = kExportPageSize;
  auto write_pages = [&]() -> Status {
    for (request.page = 1;; ++request.page) {
      // Revealing writes one audit row per record, in this transaction: no row, no file.
      SH_ASSIGN_OR_RETURN(RecordPage page, reveal ? service.ListRevealed(actor, def, request, "export")
                                                  : service.List(actor, def, request));
      const DictionarySnapshot& dictionaries = service.dictionary_snapshot();  // refreshed by List
      for (const Record& r : page.records) {
        std::vector<std::string> cells;
        if (def.pair_scoped) cells.push_back(r.pair_code);
        for (const FieldDef* f : fields) {
          const Value* v = r.Get(f->key);
          auto labels = page.ref_labels.find(f->key);
          cells.push_back(CellText(*f, dictionaries.OptionsFor(def, *f), v ? *v : Value{},
                                   labels == page.ref_labels.end() ? nullptr : &labels->second));
        }
        SH_RETURN_IF_ERROR(out->Row(cells, numeric));
        ++written;
      }
      if (static_cast<int64_t>(page.records.size()) < kExportPageSize) return Status::Ok();
    }
  };
  SH_RETURN_IF_ERROR(reveal ? InTransaction(service.db(), write_pages) : write_pages());
  SH_RETURN_IF_ERROR(out->Close());
  SH_RETURN_IF_ERROR(service.audit().Write(actor, "export", def.name, 0, "", "", "",
                                           ExportDetail(def, request, written, reveal, path)));
  return written;
}

Status WriteTemplate(const LedgerDef& def, const std::string& path, const DictionarySnapshot* dictionaries) {
  const DictionarySnapshot declared;
  excel::XlsxWriterOptions options;
  SH_ASSIGN_OR_RETURN(auto xlsx, excel::XlsxWriter::Open(path, options));
  SH_RETURN_IF_ERROR(xlsx->AddSheet(def.label_zh));
  const std::vector<std::string> headers = Headers(def, false);
  SH_RETURN_IF_ERROR(xlsx->WriteHeaderRow(0, headers));
  std::vector<std::string> notes;
  int col = 0;
  if (def.pair_scoped) {
    notes.push_back(std::string(kInstructionsMarker) + "（导入时跳过本行）：帮扶关系必填，帮扶方代码-受帮扶方代码，如 440111-522727");
    ++col;
  }
  for (const FieldDef* f : SheetFields(def, false)) {
    const std::vector<EnumOption>& options = (dictionaries ? *dictionaries : declared).OptionsFor(def, *f);
    std::string note = InstructionOf(*f, options);
    if (notes.empty()) note = std::string(kInstructionsMarker) + "（导入时跳过本行）：" + note;
    notes.push_back(note);
    if (f->type == FieldType::kEnum || f->type == FieldType::kSensitiveEnum || f->type == FieldType::kBool) {
      std::vector<std::string> items;
      if (f->type == FieldType::kBool) items = {"是", "否"};
      for (const EnumOption& o : options)
        if (!o.disabled) items.push_back(o.label_zh);
      SH_RETURN_IF_ERROR(xlsx->AddListValidation(2, 10000, col, items));
    }
    ++col;
  }
  SH_RETURN_IF_ERROR(xlsx->WriteInstructionsRow(1, notes, 60));
  SH_RETURN_IF_ERROR(xlsx->FreezeTopRows(2));
  SH_RETURN_IF_ERROR(xlsx->SetColumnWidth(0, static_cast<int>(headers.size()) - 1, 20));
  return xlsx->Close();
}

Status WriteErrorSheet(const std::vector<FieldError>& errors, const std::string& path) {
  SH_ASSIGN_OR_RETURN(auto out, excel::SheetOut::Open(path, "导入错误"));
  SH_RETURN_IF_ERROR(out->Header({"行号 Row", "列 Column", "原因", "Reason"}));
  // The sheet outlives the request: whatever produced a message, no personal number stays whole in it.
  for (const FieldError& e : errors)
    SH_RETURN_IF_ERROR(out->Row({std::to_string(e.row), e.field, MaskPersonalNumbers(e.message_zh),
                                 MaskPersonalNumbers(e.message_en)},
                                {true, false, false, false}));
  return out->Close();
}

}  // namespace shanhai

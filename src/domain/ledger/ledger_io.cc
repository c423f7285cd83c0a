#include "domain/ledger/ledger_io.h"

#include <algorithm>
#include <map>

#include "common/money.h"
#include "common/personal_numbers.h"
#include "domain/ledger/import_sheet.h"
#include "domain/ledger/record_codec.h"
#include "domain/ledger/record_json.h"
#include "excel/sheet_out.h"
#include "excel/formula_guard.h"

namespace shanhai {

namespace {

constexpr int64_t kExportPageSize = 1000;

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
  if (def.pair_scoped) headers.push_back(std::string("*") + kImportPairHeader);
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
  put("pair", request.pair);
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

}  // namespace

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
    notes.push_back(std::string(kImportInstructionsMarker) + "（导入时跳过本行）：帮扶关系必填，帮扶方代码-受帮扶方代码，如 440111-522727");
    ++col;
  }
  for (const FieldDef* f : SheetFields(def, false)) {
    const std::vector<EnumOption>& options = (dictionaries ? *dictionaries : declared).OptionsFor(def, *f);
    std::string note = InstructionOf(*f, options);
    if (notes.empty()) note = std::string(kImportInstructionsMarker) + "（导入时跳过本行）：" + note;
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

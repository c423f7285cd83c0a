#include "domain/ledger/ledger_export.h"

#include <map>

#include <boost/json.hpp>

#include "common/money.h"
#include "common/personal_numbers.h"
#include "domain/ledger/sheet_layout.h"
#include "excel/sheet_out.h"
#include "regions/region_cell_name.h"
#include "regions/region_display.h"

namespace shanhai {

namespace {

// Records read per query: large enough that the per-query cost (dictionary refresh, the range
// seek) vanishes, small enough that a page of decoded records stays a few hundred kilobytes.
constexpr int64_t kExportPageSize = 1000;

// The option of that code, or null.
const EnumOption* OptionOf(const std::vector<EnumOption>& options, const std::string& code) {
  for (const EnumOption& o : options)
    if (o.code == code) return &o;
  return nullptr;
}

// The pair's two side codes ("440111-522727" → {"440111", "522727"}), within which the import
// looks for a region cell's name; {} for a record of no pair.
std::vector<std::string> SidesOf(const std::string& pair_code) {
  const size_t dash = pair_code.find('-');
  if (dash == std::string::npos) return {};
  return {pair_code.substr(0, dash), pair_code.substr(dash + 1)};
}

// The cell text of a stored value in the spreadsheet layout, as the import reads it back;
// options: the field's options in force; region_names: names of region codes, looked for within
// the record's pair's sides (a pair side anywhere, down to county, as the import does).
std::string CellText(const FieldDef& f, const std::vector<EnumOption>& options, const Value* v,
                     const std::map<int64_t, std::string>* labels, RegionCellNames& region_names,
                     const std::vector<std::string>& sides) {
  if (!v || IsNull(*v)) return "";
  switch (f.type) {
    case FieldType::kRegion:
      return f.anywhere ? region_names.Of(AsText(*v), {}, RegionLevel::kCounty)
                         : region_names.Of(AsText(*v), sides, RegionLevel::kVillage);
    case FieldType::kMoney:  // in the unit the header says (HeaderOf)
      return SheetMoneyUnit(f) == MoneyUnit::kYuan ? FormatFenAsYuan(AsInt(*v)) : FormatFenAsWanYuanExact(AsInt(*v));
    case FieldType::kBool: return AsInt(*v) ? "是" : "否";
    case FieldType::kEnum:
    case FieldType::kSensitiveEnum: {
      const EnumOption* o = OptionOf(options, AsText(*v));
      return o ? o->label_zh : AsText(*v);  // masked values ("***") have no option
    }
    case FieldType::kRef: {
      if (labels) {
        auto it = labels->find(AsInt(*v));
        if (it != labels->end()) return it->second;
      }
      return AsText(*v);
    }
    default: return AsText(*v);
  }
}

// The audit detail of an export: how many rows, selected by which filter, to what format. The
// audit administrator reads it without reveal and sees each filter's value (poverty_status=lifted)
// with personal numbers in it and in q masked; which records a filter by a field that needs reveal
// selected is in the sensitive_query entries the export's pages wrote (their ids).
std::string ExportDetail(const ListRequest& request, int64_t rows, bool reveal,
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
  put("selected_by", request.selected_by);
  for (const auto& [key, value] : request.equals) {
    filter[key] = MaskPersonalNumbers(value);
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
  std::vector<excel::CellKind> kinds;
  if (def.pair_scoped) kinds.push_back(excel::CellKind::kText);
  for (const FieldDef* f : fields)
    kinds.push_back(f->type == FieldType::kInteger || f->type == FieldType::kMoney ? excel::CellKind::kNumber
                    : f->type == FieldType::kDate && !f->NeedsReveal()             ? excel::CellKind::kDate
                                                                                   : excel::CellKind::kText);

  int64_t written = 0;
  // Pages by keyset, uncounted: OFFSET paging reread every skipped row and each page counted
  // the whole selection again, which made a million-row export quadratic.
  request.page = 1;
  request.page_size = kExportPageSize;
  request.count_total = false;
  request.after.reset();
  // A column headed by its sheet label (HeaderOf) is written in the sheet's form, so it imports back.
  auto form = service.context().sheet_forms.find(def.name);
  const SheetForm* sheet_form = form == service.context().sheet_forms.end() ? nullptr : &form->second;
  std::vector<std::string> cells;
  RegionCellNames region_names(RegionCatalog::Embedded());
  // Per pair code, once: its PairDisplayName ("" if unknown) and its two sides (SidesOf).
  struct PairCells {
    std::string name;
    std::vector<std::string> sides;
  };
  std::map<std::string, PairCells> pairs;
  auto write_pages = [&]() -> Status {
    for (;;) {
      // Revealing writes one audit row per record, in this transaction: no row, no file.
      SH_ASSIGN_OR_RETURN(RecordPage page, reveal ? service.ListRevealed(actor, def, request, "export")
                                                  : service.List(actor, def, request));
      const DictionarySnapshot& dictionaries = service.dictionary_snapshot();  // refreshed by List
      std::vector<const std::vector<EnumOption>*> options;
      std::vector<const std::map<int64_t, std::string>*> labels;
      for (const FieldDef* f : fields) {
        options.push_back(&dictionaries.OptionsFor(def, *f));
        auto found = page.ref_labels.find(f->key);
        labels.push_back(found == page.ref_labels.end() ? nullptr : &found->second);
      }
      for (const Record& r : page.records) {
        cells.clear();
        auto [pair, fresh] = pairs.try_emplace(r.pair_code);
        if (fresh) pair->second = {PairDisplayName(RegionCatalog::Embedded(), r.pair_code), SidesOf(r.pair_code)};
        // The pair as the console shows it, which the import's pair cell takes (an unknown code stays).
        if (def.pair_scoped) cells.push_back(pair->second.name.empty() ? r.pair_code : pair->second.name);
        for (size_t i = 0; i < fields.size(); ++i)
          cells.push_back(sheet_form && !fields[i]->sheet_label_zh.empty()
                              ? sheet_form->write(*fields[i], r)
                              : CellText(*fields[i], *options[i], r.Get(fields[i]->key), labels[i], region_names,
                                         pair->second.sides));
        SH_RETURN_IF_ERROR(out->Row(cells, kinds));
        ++written;
      }
      if (!page.has_more) return Status::Ok();
      request.after = page.next;
    }
  };
  const Status wrote = reveal ? InTransaction(service.db(), write_pages) : write_pages();
  SH_RETURN_IF_ERROR(service.SettleDisclosures());  // a refusal's alert, after the rollback
  SH_RETURN_IF_ERROR(wrote);
  SH_RETURN_IF_ERROR(out->Close());
  SH_RETURN_IF_ERROR(service.audit().Write(actor, "export", def.name, 0, "", "", "",
                                           ExportDetail(request, written, reveal, path)));
  return written;
}

}  // namespace shanhai

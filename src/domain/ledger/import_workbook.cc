#include "domain/ledger/import_workbook.h"

#include <algorithm>
#include <utility>

#include "domain/audit/audit_detail.h"
#include "domain/ledger/import_sheet.h"
#include "domain/ledger/record_placement.h"
#include "excel/sheet_out.h"
#include "excel/table_reader.h"
#include "excel/xlsx_reader.h"

namespace shanhai {

namespace {

bool SameAsciiCaseless(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

// The ledgers def's records refer to, by name.
std::vector<std::string> Dependencies(const LedgerDef& def) {
  std::vector<std::string> out;
  if (def.pair_scoped) out.push_back("pairs");
  for (const FieldDef& f : def.fields)
    if (f.type == FieldType::kRef && f.ref_ledger != def.name) out.push_back(f.ref_ledger);
  return out;
}

std::vector<const LedgerDef*> SortedByDependencies() {
  std::vector<const LedgerDef*> left, out;
  for (const LedgerDef* def : AllLedgers())
    if (def->line_of.empty()) left.push_back(def);
  const auto placed = [&](const std::string& name) {
    return std::any_of(out.begin(), out.end(), [&](const LedgerDef* d) { return d->name == name; });
  };
  while (!left.empty()) {
    // The first ledger (in AllLedgers order) whose references are all placed; a cycle, which the
    // declarations do not have, would place the first left.
    auto ready = std::find_if(left.begin(), left.end(), [&](const LedgerDef* def) {
      const std::vector<std::string> deps = Dependencies(*def);
      return std::all_of(deps.begin(), deps.end(), [&](const std::string& d) { return placed(d) || !FindLedger(d); });
    });
    if (ready == left.end()) ready = left.begin();
    out.push_back(*ready);
    left.erase(ready);
  }
  return out;
}

size_t OrderOf(const LedgerDef* def) {
  const std::vector<const LedgerDef*>& order = ImportOrder();
  return static_cast<size_t>(std::find(order.begin(), order.end(), def) - order.begin());
}

Status InSheet(const std::string& sheet, const Status& s) {
  if (s.code() != Code::kInvalidArgument) return s;
  return Status::InvalidArgument("工作表“" + sheet + "”：" + s.message_zh(), "sheet \"" + sheet + "\": " + s.message_en());
}

// True if the sheet at sheet_index has a row besides its header and the instructions row.
Result<bool> HasDataRows(const std::string& path, int sheet_index) {
  bool header = false, data = false;
  const Status read = excel::ReadTable(
      path,
      [&](int64_t, const std::vector<std::string>& cells) -> Status {
        if (!header) {
          header = true;
        } else if (!ImportSheet::IsInstructions(cells)) {
          data = true;
          return Status::Internal("found a data row");  // stops the reading: nothing more to know
        }
        return Status::Ok();
      },
      {.sheet_index = sheet_index});
  if (!data && !read.ok()) return read;
  return data;
}

// The sheets to import, in ImportOrder, with their tab indexes; fills report.ignored and
// report.empty.
Result<std::vector<std::pair<int, SheetImport>>> SheetsToImport(const std::string& path, WorkbookReport& report) {
  SH_ASSIGN_OR_RETURN(std::vector<std::string> names, excel::SheetNames(path));
  std::vector<std::pair<int, SheetImport>> out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i].starts_with("_")) continue;  // the templates' hidden drop-down lists
    const LedgerDef* def = LedgerOfSheet(names[i]);
    if (!def) {
      report.ignored.push_back(names[i]);
      continue;
    }
    SH_ASSIGN_OR_RETURN(const bool has_rows, HasDataRows(path, static_cast<int>(i)));
    if (!has_rows) {
      report.empty.push_back(names[i]);
      continue;
    }
    if (!def->line_of.empty()) {
      const LedgerDef* parent = FindLedger(def->line_of);
      return Status::InvalidArgument(
          "工作表“" + names[i] + "”不能导入：" + def->label_zh + "随所属" + parent->label_zh +
              "在控制台录入，请删除该工作表",
          "sheet \"" + names[i] + "\" cannot be imported: " + def->label_en + " are entered with their " +
              parent->label_en + " in the console; remove the sheet");
    }
    for (const auto& [index, taken] : out)
      if (taken.ledger == def)
        return Status::InvalidArgument("工作表“" + taken.sheet + "”与“" + names[i] + "”都是" + def->label_zh,
                                       "sheets \"" + taken.sheet + "\" and \"" + names[i] + "\" are both " +
                                           def->label_en);
    out.push_back({static_cast<int>(i), SheetImport{names[i], def, {}}});
  }
  if (out.empty() && !report.empty.empty())
    return Status::InvalidArgument("工作簿中的台账工作表都没有数据行", "no ledger's sheet of the workbook has data rows");
  if (out.empty()) {
    std::string labels;
    for (const LedgerDef* def : ImportOrder()) labels += (labels.empty() ? "" : "、") + def->label_zh;
    return Status::InvalidArgument("工作簿中没有以台账命名的工作表（工作表名可为：" + labels + "）",
                                   "no sheet of the workbook is named after a ledger (sheet names: " + labels + ")");
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return OrderOf(a.second.ledger) < OrderOf(b.second.ledger); });
  return out;
}

// The audit entries of an import: one for the workbook (no ledger; its totals and which sheets
// were imported, left empty or ignored), then one per imported sheet (its ledger, its counts). A
// sheet without data rows has none of its own: it is named in the workbook's. Inside the
// caller's transaction if one is open.
Status AuditWorkbook(LedgerService& service, const Actor& actor, const std::string& action,
                     const WorkbookReport& report, const ImportOptions& options, const std::string& path) {
  std::vector<std::string> imported;
  for (const SheetImport& s : report.sheets) imported.push_back(s.sheet);
  std::string detail = ImportAuditDetail(options, path, report.Totals()) + " sheets=" + AuditDetailList(imported);
  if (!report.empty.empty()) detail += " empty_sheets=" + AuditDetailList(report.empty);
  if (!report.ignored.empty()) detail += " ignored_sheets=" + AuditDetailList(report.ignored);
  SH_RETURN_IF_ERROR(service.audit().Write(actor, action, "", 0, ImportAuditRegion(report.Totals()), "", "", detail));
  for (const SheetImport& s : report.sheets)
    SH_RETURN_IF_ERROR(service.audit().Write(actor, action, s.ledger->name, 0, ImportAuditRegion(s.report), "", "",
                                             ImportAuditDetail(options, path, s.report) + " sheet=" + AuditDetailValue(s.sheet)));
  return Status::Ok();
}

}  // namespace

ImportReport WorkbookReport::Totals() const {
  ImportReport total;
  for (const SheetImport& s : sheets) {
    total.rows += s.report.rows;
    total.valid += s.report.valid;
    total.invalid += s.report.invalid;
    total.stored += s.report.stored;
    total.already_stored += s.report.already_stored;
    total.updated += s.report.updated;
    total.stored_refused += s.report.stored_refused;
    total.helped_regions.insert(s.report.helped_regions.begin(), s.report.helped_regions.end());
  }
  return total;
}

const LedgerDef* LedgerOfSheet(std::string_view sheet_name) {
  while (!sheet_name.empty() && sheet_name.back() == ' ') sheet_name.remove_suffix(1);
  while (!sheet_name.empty() && sheet_name.front() == ' ') sheet_name.remove_prefix(1);
  for (const LedgerDef* def : AllLedgers())
    if (sheet_name == def->label_zh || SameAsciiCaseless(sheet_name, def->label_en) ||
        SameAsciiCaseless(sheet_name, def->name))
      return def;
  return nullptr;
}

const std::vector<const LedgerDef*>& ImportOrder() {
  static const std::vector<const LedgerDef*> order = SortedByDependencies();
  return order;
}

// Less the ledgers the actor's data scope never lets it write (as RecordValidator refuses them):
// to an account limited to a town or a village a ledger without pairs or placing no record in a
// region (record_placement.h), to an organisation's account a ledger whose records are not its
// organisation's.
std::vector<const LedgerDef*> ImportableBy(const Actor& actor) {
  std::vector<const LedgerDef*> out;
  const bool in_town = !EnclosingPairSides(actor).empty();
  for (const LedgerDef* def : ImportOrder()) {
    if (!Authorize(actor, LedgerPermission(*def, "import")).ok()) continue;
    if (in_town && (!def->pair_scoped || PlacingFields(*def).empty())) continue;
    if (actor.owner_scoped() && def->OwnerLedger() != actor.owner_ledger) continue;
    out.push_back(def);
  }
  return out;
}

Result<WorkbookReport> ImportWorkbook(LedgerService& service, const Actor& actor, const std::string& path,
                                      const ImportOptions& options) {
  if (!excel::PathEndsWith(path, ".xlsx"))
    return Status::InvalidArgument("按工作表导入多个台账须用 .xlsx 工作簿", "a workbook of several ledgers is an .xlsx file");
  WorkbookReport report;
  SH_ASSIGN_OR_RETURN(auto sheets, SheetsToImport(path, report));
  for (const auto& [index, sheet] : sheets)
    SH_RETURN_IF_ERROR(AuthorizeImport(actor, *sheet.ledger, options));

  // Every sheet stores its valid rows, so that the sheets after it find the records they name;
  // whether the whole is kept is decided at the end.
  ImportOptions each = options;
  each.skip_invalid = true;
  std::vector<int64_t> inserted;
  bool kept = false;
  const Status imported = [&]() -> Status {
    Transaction tx(service.db());
    SH_RETURN_IF_ERROR(tx.begin_status());
    SH_RETURN_IF_ERROR(service.RefreshDictionaries());
    for (auto& [index, sheet] : sheets) {
      Result<bool> had_header = ImportSheetRows(service, actor, *sheet.ledger, path, index, each, sheet.report);
      if (!had_header.ok()) return InSheet(sheet.sheet, had_header.status());
      report.sheets.push_back(std::move(sheet));
    }
    for (SheetImport& s : report.sheets) inserted.push_back(std::exchange(s.report.stored, 0));  // once committed
    kept = !options.dry_run && (report.Totals().Refused() == 0 || options.skip_invalid);
    if (kept) {
      SH_RETURN_IF_ERROR(AuditWorkbook(service, actor, "import", report, options, path));
      SH_RETURN_IF_ERROR(tx.Commit());
    }
    return Status::Ok();
  }();  // not kept: rolled back here
  // The numbers the sheets found registered are audited and counted whatever became of them.
  SH_RETURN_IF_ERROR(service.SettleDisclosures());
  SH_RETURN_IF_ERROR(imported);
  if (!kept) {
    // Who tried which sheets although nothing was stored (see ImportLedger), in a transaction of its own.
    SH_RETURN_IF_ERROR(InTransaction(service.db(), [&] {
      return AuditWorkbook(service, actor, options.dry_run ? "import_dry_run" : "import_refused", report, options, path);
    }));
    return report;
  }
  service.changes().Announce();
  for (size_t i = 0; i < report.sheets.size(); ++i) report.sheets[i].report.stored = inserted[i];
  return report;
}

}  // namespace shanhai

// Importing a workbook that holds one sheet per ledger (a county office keeps one per pair):
// every sheet named after a ledger — its Chinese label, English label or name, e.g. "结对单位",
// "Units" or "units" — goes into that ledger, in dependency order (ImportOrder: pairs, units,
// then the ledgers that refer to them), all in one transaction: one bad row on any sheet and
// nothing is stored on any (unless skip_invalid). Each sheet is read as ImportLedger reads a
// file (import_pipeline.h), with the same permission per ledger; a sheet's rows see the records
// the sheets before it added (a visit names a unit of the units sheet).
//
// Sheets named after no ledger (notes, summaries) are left out and listed in `ignored`, so a
// clerk's own sheets do not stop the import; so are the templates' hidden lists (sheets named
// "_…"), unlisted. A ledger's sheet without data rows (a template sheet left empty) is left out
// too, before any permission is checked, and listed in `empty`. A sheet of a line ledger (分批拨付, written only
// with its fund) is refused: its rows would otherwise be lost without a word.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/ledger/import_pipeline.h"

namespace shanhai {

struct SheetImport {
  std::string sheet;  // the tab's name as written
  const LedgerDef* ledger = nullptr;
  ImportReport report;
};

struct WorkbookReport {
  std::vector<SheetImport> sheets;   // in import order
  std::vector<std::string> ignored;  // sheets named after no ledger, in tab order
  std::vector<std::string> empty;    // sheets of a ledger with no data rows, in tab order
  // The sheets' counts added up (no preview, no errors: those are per sheet).
  ImportReport Totals() const;
};

// The ledger a sheet of that name is for, or nullptr.
const LedgerDef* LedgerOfSheet(std::string_view sheet_name);

// The ledgers a workbook may hold (all but line ledgers), each after every ledger it refers to
// (its reference fields' ledgers, and the pairs for a pair-scoped one); ties in AllLedgers order.
const std::vector<const LedgerDef*>& ImportOrder();

// The ledgers of ImportOrder that actor may import (holds "<m>:<l>:import"), in that order.
std::vector<const LedgerDef*> ImportableBy(const Actor& actor);

// Imports the workbook at path (.xlsx). Errors: InvalidArgument (zh+en) for another file type,
// a workbook without a sheet named after a ledger or whose ledgers' sheets are all empty, a line
// ledger's sheet with data, two sheets of one ledger, or a sheet's header problem (naming the
// sheet); PermissionDenied if the actor may not import the ledger of a sheet with data rows; row problems are in the sheets' reports (status ok). Audit: one
// "import" entry for the workbook (no ledger; detail: the totals, `sheets=` imported, `empty_sheets=`,
// `ignored_sheets=`; the file and sheet names as domain/audit/audit_detail.h writes them, quoted when
// they could be misread) and one per imported sheet (its ledger; `sheet=`) when stored, else the same
// entries as "import_dry_run"/"import_refused"; a sheet without data rows gets no entry of its own.
Result<WorkbookReport> ImportWorkbook(LedgerService& service, const Actor& actor, const std::string& path,
                                      const ImportOptions& options);

}  // namespace shanhai

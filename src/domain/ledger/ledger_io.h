// Spreadsheet import of any ledger (domain/ledger/import_pipeline.h, included here for its
// callers) and its empty template; export: ledger_export.h.
//
// Layout of every sheet: row 1 holds the Chinese column headers (a leading "*" marks a
// required column; English labels and field keys are accepted too); a template adds an
// instructions row starting with "填写说明", which import skips. Pair-scoped ledgers start
// with a "帮扶关系" column holding the pair code (e.g. 440111-522727).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/ledger/import_pipeline.h"
#include "domain/ledger/import_workbook.h"
#include "domain/ledger/ledger_service.h"
#include "domain/ledger/template_names.h"

namespace shanhai {

// The drop-downs of template columns in a sheet's own form (FieldDef::sheet_label_zh), which the
// declarations cannot list: ledger name → field key → the choices offered (the targets sheet's
// indicator names: indicators/targets_sheet.h).
using SheetChoices = std::map<std::string, std::map<std::string, std::vector<std::string>>>;

// An empty .xlsx template: headers, instructions row, drop-down lists for enum columns (and the
// sheet_choices of its sheet-form columns). dictionaries: the options in force (enabled ones are
// offered); null = the declared options. names: the account's pairs and their regions
// (TemplateNamesFor), offered in the 帮扶关系 column and the region columns of a pair-scoped
// ledger (not a pair's sides), the instructions saying when a list was cut short; null = none.
Status WriteTemplate(const LedgerDef& def, const std::string& path,
                     const DictionarySnapshot* dictionaries = nullptr, const SheetChoices* sheet_choices = nullptr,
                     const TemplateNames* names = nullptr);

// The template workbook of ledgers ImportWorkbook takes (ImportOrder, or those a user may import:
// ImportableBy): one template sheet per ledger (named by its Chinese label), in their order.
// .xlsx only. Errors: InvalidArgument for another extension or no ledger.
Status WriteWorkbookTemplate(const std::string& path, const std::vector<const LedgerDef*>& ledgers,
                             const DictionarySnapshot* dictionaries = nullptr,
                             const SheetChoices* sheet_choices = nullptr, const TemplateNames* names = nullptr);

// One import problem and the sheet it is on ("" for a file of one ledger); stored: the row is
// refused only for being stored already (ImportReport::stored_rows), not a bad row.
struct SheetError {
  std::string sheet;
  FieldError error;
  bool stored = false;
};
// Every problem of a workbook import, sheet by sheet in import order.
std::vector<SheetError> WorkbookErrors(const WorkbookReport& report);

// The problems of a file of one ledger as SheetErrors (sheet ""), for WriteErrorSheet (error_sheet.h) and the
// callers' lists; report's stored_rows flagged as stored.
std::vector<SheetError> ErrorsOfFile(const std::vector<FieldError>& errors);
std::vector<SheetError> ErrorsOfFile(const ImportReport& report);

}  // namespace shanhai

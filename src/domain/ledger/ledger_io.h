// Spreadsheet import of any ledger, and its empty template (export: ledger_export.h).
//
// Layout of every sheet: row 1 holds the Chinese column headers (a leading "*" marks a
// required column; English labels and field keys are accepted too); a template adds an
// instructions row starting with "填写说明", which import skips. Pair-scoped ledgers start
// with a "帮扶关系" column holding the pair code (e.g. 440111-522727).
//
// Import is all-or-nothing by default: every row is validated first and if any row is bad,
// nothing is stored and every problem is returned (row as the spreadsheet numbers it,
// column header, reason in zh and en). With skip_invalid the valid rows are stored and the
// bad ones reported. dry_run validates and even inserts inside a transaction that is then
// rolled back, so database-level conflicts show too.
#pragma once

#include <string>
#include <vector>

#include "domain/ledger/ledger_service.h"

namespace shanhai {

struct ImportOptions {
  bool dry_run = false;
  bool skip_invalid = false;
  std::string default_pair;  // used when the sheet has no 帮扶关系 column or the cell is empty
};

struct ImportReport {
  int64_t rows = 0;       // data rows read
  int64_t valid = 0;      // rows that passed validation
  int64_t invalid = 0;    // rows with at least one problem
  int64_t stored = 0;     // rows written (0 on dry runs and rejected files)
  std::vector<FieldError> errors;  // field = the column's Chinese label (e.g. 人次), "" for a whole-row conflict
};

// Reads path (.xlsx or .csv: UTF-8 with/without BOM or GB18030) into def's ledger.
// Errors: an unreadable file or a header problem → InvalidArgument; row problems are in
// the report (status ok). Needs "<m>:<l>:import". Every stored record gets its own audit
// entry (action "import", the record after, masked), in the import's transaction, followed by
// one entry for the file.
Result<ImportReport> ImportLedger(LedgerService& service, const Actor& actor, const LedgerDef& def,
                                  const std::string& path, const ImportOptions& options);

// An empty .xlsx template: headers, instructions row, drop-down lists for enum columns.
// dictionaries: the options in force (enabled ones are offered); null = the declared options.
Status WriteTemplate(const LedgerDef& def, const std::string& path,
                     const DictionarySnapshot* dictionaries = nullptr);

// A workbook listing import problems: 行号/row, 列/column, 原因, reason; personal numbers
// in the messages are masked (MaskPersonalNumbers).
Status WriteErrorSheet(const std::vector<FieldError>& errors, const std::string& path);

}  // namespace shanhai

// Reading an import sheet: the header row mapped to the ledger's fields, then each data row
// turned into a RawRecord. No validation beyond the header: that is the RowPreparer's.
// Layout (see ledger_io.h): row 1 the column headers ("*" marks a required column; Chinese
// labels, English labels and field keys alike), an optional instructions row starting with
// "填写说明", a "帮扶关系" column with the pair code for pair-scoped ledgers.
// Thread safety: none; used by one thread (the import's reader).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ledger/ledger_service.h"
#include "domain/ledger/sheet_layout.h"

namespace shanhai {

class ImportSheet {
 public:
  // from_csv: cells may carry ExportLedger's formula defusing, undone here. default_pair is
  // the pair of rows without a 帮扶关系 cell.
  ImportSheet(const LedgerDef& def, bool from_csv, std::string default_pair);

  // Reads the header row. Errors: InvalidArgument naming the unknown columns (zh + en).
  Status ReadHeader(int64_t row_number, const std::vector<std::string>& cells);
  bool has_header() const { return have_header_; }
  // True for the template's instructions row (skipped by the import).
  static bool IsInstructions(const std::vector<std::string>& cells);
  // The raw record of a data row (after ReadHeader): field key → cell text as typed, the pair,
  // and the money fields whose column is in 万元 (RawRecord::wan_yuan_fields: the parser reads
  // a bare number in the unit the header names; a cell with a unit of its own, "500元", keeps it),
  // and the fields headed by their sheet label (RawRecord::sheet_form_fields).
  RawRecord RecordOf(const std::vector<std::string>& cells) const;
  // The header of field key's column as the file writes it ("金额（万元）", "Amount", without
  // the "*"; the Chinese label for a header that is the field's key), or nullptr if no column
  // is that field's. For naming a column in errors: called
  // after ReadHeader (the queue between the import's threads orders the two).
  const std::string* ColumnName(std::string_view key) const;

 private:
  const LedgerDef& def_;
  const bool from_csv_;
  const std::string default_pair_;
  std::vector<const FieldDef*> columns_;  // per sheet column; nullptr = pair column or ignored
  std::vector<std::string> names_;        // per sheet column: its header, without "*"
  std::shared_ptr<const std::vector<std::string>> wan_yuan_fields_;
  std::shared_ptr<const std::vector<std::string>> sheet_form_fields_;  // RawRecord::sheet_form_fields
  int pair_column_ = -1;
  bool have_header_ = false;
};

}  // namespace shanhai

// Reading an import sheet: the header row mapped to the ledger's fields, then each data row
// turned into a RawRecord. No validation beyond the header: that is the RowPreparer's.
// Layout (see ledger_io.h): row 1 the column headers ("*" marks a required column; Chinese
// labels, English labels and field keys alike), an optional instructions row starting with
// "填写说明", a "帮扶关系" column with the pair code for pair-scoped ledgers.
// Thread safety: none; used by one thread (the import's reader).
#pragma once

#include <string>
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
  // The raw record of a data row (after ReadHeader): field key → cell text, and the pair. A bare
  // number in a 万元 column gets its unit ("50" → "50万元"), so the parser reads the unit the
  // header names; a cell with a unit of its own ("500元", "0.5亿") keeps it.
  RawRecord RecordOf(const std::vector<std::string>& cells) const;

 private:
  const LedgerDef& def_;
  const bool from_csv_;
  const std::string default_pair_;
  std::vector<const FieldDef*> columns_;  // per sheet column; nullptr = pair column or ignored
  std::vector<MoneyUnit> units_;          // per sheet column: the unit its header names (money)
  int pair_column_ = -1;
  bool have_header_ = false;
};

}  // namespace shanhai

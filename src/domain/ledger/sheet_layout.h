// The column layout every ledger sheet shares (templates, imports, exports): an optional
// "帮扶关系" pair column, then one column per field under its Chinese label ("*" = required).
#pragma once

#include <string>
#include <vector>

#include "domain/ledger/ledger_def.h"

namespace shanhai {

// The pair column's header, and how a template's instructions row (skipped on import) begins.
inline constexpr const char* kPairHeader = "帮扶关系";
inline constexpr const char* kInstructionsMarker = "填写说明";

// Fields a sheet carries, in column order; computed fields only when with_computed (exports).
std::vector<const FieldDef*> SheetFields(const LedgerDef& def, bool with_computed);
// "*人次" for a required field, "备注" otherwise.
std::string HeaderOf(const FieldDef& f);
// The header row: "*帮扶关系" first for pair-scoped ledgers, then HeaderOf each SheetFields.
std::vector<std::string> Headers(const LedgerDef& def, bool with_computed);

}  // namespace shanhai

#include "domain/ledger/sheet_layout.h"

namespace shanhai {

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

}  // namespace shanhai

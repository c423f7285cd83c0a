// The label a reader is shown for the option a record holds in an enum field (a job's social insurance
// "five_and_fund" → 五险一金 / five insurances and housing fund), from the ledger's declaration. Pure;
// thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "domain/ledger/ledger_def.h"

namespace shanhai {

struct OptionLabel {
  std::string zh;
  std::string en;
};

// The labels of the option record holds in field key of def: a stored code no declared option has
// is its own label in both languages; an empty field has empty labels. key must name an enum field
// of def (a programming error otherwise).
OptionLabel OptionLabelOf(const LedgerDef& def, const Record& record, std::string_view key);

}  // namespace shanhai

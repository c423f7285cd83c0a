#include "domain/ledger/option_label.h"

namespace shanhai {

OptionLabel OptionLabelOf(const LedgerDef& def, const Record& record, std::string_view key) {
  const std::string code = record.Text(key);
  const EnumOption* option = code.empty() ? nullptr : def.Field(key)->FindOption(code);
  if (!option) return {code, code};
  return {option->label_zh, option->label_en};
}

}  // namespace shanhai

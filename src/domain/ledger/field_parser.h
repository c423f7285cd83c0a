// Turns one raw input value (a spreadsheet cell or a JSON value as text) into the plain
// value a field stores, or says precisely why it cannot. Normalises first (full-width
// digits, spaces). References are not resolved here (the service does, it needs the DB).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/money.h"
#include "domain/ledger/ledger_def.h"

namespace shanhai {

// Where an input comes from decides a few units: spreadsheets carry money as typed amounts
// ("1,033.98" in the column's unit, "50万", "0.5亿": ParseAmountToFen), enums as Chinese labels
// and booleans as 是/否; the JSON API
// carries money in fen (integer) and enums as codes — though labels are accepted from both.
enum class InputSource { kSpreadsheet, kApi };

// Result value:
//  - empty input → NULL (the caller decides whether the field was required);
//  - kInteger/kMoney/kBool → int64; kRef → the raw natural key (spreadsheet) or id (API)
//    as text, resolved later; kRegion → a validated code, or text that is not all digits as
//    typed (a name, resolved later within the record's pair by RecordValidator); kIdNumber → the normalised 18-character number; kMobile → 11
//    digits; kEnum/kSensitiveEnum → the option code; others → normalised text.
// options: the enum options in force (a dictionary's merged list, see
// domain/dictionaries); nullptr means field.options. The option is found by MatchOption
// (option_match.h); a value naming several is refused listing them, one naming none listing
// the allowed ones, a disabled option is refused.
// money_unit: the unit of a bare spreadsheet amount (its column's: "金额（万元）" → 万元), which
// a problem's message names the field by ("金额（万元）：…").
// Errors: InvalidArgument whose single FieldError names the field and the reason.
Result<Value> ParseFieldValue(const FieldDef& field, std::string_view raw, InputSource source,
                              const std::vector<EnumOption>* options = nullptr, MoneyUnit money_unit = MoneyUnit::kYuan);

}  // namespace shanhai

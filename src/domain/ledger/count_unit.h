// The unit a count column is written in, and a count cell read with its unit: clerks type "3人",
// "12 人次", "5批" into count columns, as their own sheets have them.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "domain/ledger/ledger_def.h"

namespace shanhai {

// The unit word of count field f, from its Chinese label: the unit in brackets ("带动就业（人）" → 人,
// "其中脱贫人口（人次）" → 人次), a label that is the unit or ends in it ("人次" → 人次), or the
// counted thing of "…数" ("参会人数" → 人, "期数" → 期), "年度" → 年. "" when the label names none
// ("数值").
std::string CountUnitOf(const FieldDef& f);

// The number of a count cell typed with a unit: "3人", "12 人次", "3名" (人/名/位 count people,
// under 人 and 人次 alike) → "3",
// "1,036" as is. Text with no word after the number is returned unchanged (the integer parser
// judges it). Errors (InvalidArgument, zh/en, naming the unit expected): a word that is not the
// column's unit ("3万" under 人), or any word in a column with no unit.
Result<std::string_view> CountWithoutUnit(std::string_view cell, std::string_view unit);

}  // namespace shanhai

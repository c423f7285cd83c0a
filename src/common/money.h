// Money and numbers typed by people or read from spreadsheets. Money is int64 fen
// (1 元 = 100 fen; 1 万元 = 1,000,000 fen) everywhere; parsing is exact decimal
// arithmetic, never floating point. All functions are pure and thread-safe.
//
// Number grammar shared by every parser here, applied after NormalizeInput (so full-width
// digits, the full-width comma and surrounding blanks are fine):
//   [+|-] digits [. digits]
// where the integer digits may be grouped by thousands separators ',' ("1,033.98":
// first group 1–3 digits, every later group exactly 3). No exponent, no currency sign,
// no spaces inside, at least one digit on each side of the point.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "common/status.h"

namespace shanhai {

// The unit a money column or field names (a spreadsheet header "金额（万元）").
enum class MoneyUnit { kYuan, kWanYuan };

// An amount as people type it: a number with an optional unit word — "50万", "50万元",
// "0.5亿", "0.5亿元", "500元" — or a bare number ("1,033.98") read in bare_unit. Decimals down
// to one fen: 2 for 元, 6 for 万元, 10 for 亿元: "1033.98" in 元 → 103398, "1,033.98" → 103398,
// "-5" → -500. Errors (InvalidArgument, the message quoting the text as typed): empty text, a
// malformed number (the message says what is wrong: a non-digit, misplaced thousands
// separator, scientific notation, …), more decimals than the unit has (even "1.000" in 元: a
// third decimal usually means the wrong unit), a value outside the int64 fen range.
Result<int64_t> ParseAmountToFen(std::string_view text, MoneyUnit bare_unit);

// The one way the product shows an amount as text (formatAmount in web/src/utils/money.ts
// follows the same rule, and both tests pin the same cases): below 1万元 in 元 with thousands
// separators, whole 元 without decimals ("500元", "0元") and two decimals otherwise
// ("9,999.99元"); from 1万元 and below 1亿元 in 万元 with two decimals ("1.00万元",
// "1,033.98万元"); from 1亿元 (after rounding) in 亿元 the same way ("70.00亿元", "1,234.00亿元").
// Rounded half away from zero, "-" in front of a negative amount, never "-0.00".
std::string FormatAmount(int64_t fen);

// A count as the console writes it (formatIndicator in web/src/utils/indicators.ts): thousands
// separators, no unit: 1036 → "1,036", -5 → "-5". The report puts the catalogue's unit right
// after it, without a space ("1,036人").
std::string FormatCount(int64_t n);

// fen as 万元, exact (up to six decimals, no trailing zeros, no grouping): 1033980000 →
// "1033.98", 1 → "0.000001", 2000000 → "2". For spreadsheet cells under a 万元 header.
std::string FormatFenAsWanYuanExact(int64_t fen);

// fen as 元 with exactly two decimals and no grouping: 103398 → "1033.98", -5 → "-0.05".
std::string FormatFenAsYuan(int64_t fen);

// A whole number in [min, max] (thousands separators allowed, no decimal point).
// Errors (InvalidArgument): empty, malformed, has decimals, or outside [min, max]
// (the message states the range).
Result<int64_t> ParseInteger(std::string_view text, int64_t min = std::numeric_limits<int64_t>::min(),
                             int64_t max = std::numeric_limits<int64_t>::max());

// A decimal number such as a rate or a quantity, as a double (the nearest one to the
// decimal text). Any number of decimal places. Errors (InvalidArgument): empty, malformed,
// or too large to be a finite double.
Result<double> ParseDecimal(std::string_view text);

}  // namespace shanhai

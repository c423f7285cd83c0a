// Turning the raw values of xlsx number cells into the text a user expects to see:
// numbers in short decimal form and date serials as ISO dates. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace shanhai::excel {

// What a number format makes of a number cell.
enum class NumberFormatKind {
  kNumber,  // plain number
  kDate,    // a date, perhaps with a time of day (yyyy-mm-dd, m/d/yy h:mm, yyyy"年"m"月"d"日", ...)
  kTime,    // a time of day only (h:mm, [h]:mm:ss, h"时"mm"分", ...)
};

// Classifies a cell's number format. num_fmt_id is the id from styles.xml; format_code is the
// custom code the workbook defines for that id, or empty when it defines none (then the built-in
// table decides: 14–22 and 45–47, plus the zh-CN built-ins 27–36 and 50–58 that Chinese Excel
// and WPS use for 年/月/日 and 时/分 formats). A custom code is a date/time when it holds
// y/m/d/h/s tokens outside "quoted text", [brackets] and escaped (\x, _x, *x) characters.
NumberFormatKind ClassifyNumberFormat(int num_fmt_id, std::string_view format_code);

// Shortest decimal text of v as Excel shows it: integers without ".0" and without exponent; those
// beyond 15 digits as the shortest digits that identify the double, padded with zeros
// (1.10101199003071E+17 → "110101199003071000", 110101199003071234 typed into a JS tool →
// "110101199003071230": digits the file lacks cannot be restored); other values rounded to
// Excel's 15 significant digits, so 1033.9800000000001 → "1033.98" and 0.1 → "0.1"; exponent
// form only below 1e-10 or from 1e21 up. -0 → "0".
std::string FormatNumber(double v);

// Date text of an Excel serial: "YYYY-MM-DD", or "YYYY-MM-DD HH:MM:SS" when the time of day
// (rounded to the second) is not midnight. The 1900 system keeps Excel's fictitious 1900-02-29
// (serial 60); date1904 selects the 1904 system (serial 0 = 1904-01-01).
// kind == kTime, or a 1900-system serial below 1 (Excel's day "0"), gives "HH:MM:SS" when
// 0 <= serial < 1. Returns nullopt for serials outside Excel's range (negative, after 9999-12-31).
std::optional<std::string> SerialToText(double serial, NumberFormatKind kind, bool date1904);

// Text of a raw numeric cell value <v>raw</v> under a format kind: the date text for date/time
// kinds when representable, else FormatNumber. A raw value that is not a number is returned as is.
std::string NumberCellText(std::string_view raw, NumberFormatKind kind, bool date1904);

}  // namespace shanhai::excel

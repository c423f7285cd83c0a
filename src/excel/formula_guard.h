// Keeping exported text from running as a formula when a spreadsheet opens the file
// (CSV injection: a cell "=HYPERLINK(...)" or "+cmd|..." typed into a ledger by anyone).
// The xlsx writer needs no help: it writes text as string cells, which Excel never
// evaluates, and numbers as number cells. CSV has no cell types, so its text cells that
// would start a formula get a leading apostrophe, which Excel and WPS show as text and hide.
// Pure, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace shanhai::excel {

// True when text begins with a character that makes a spreadsheet read it as a formula:
// '=', '+', '-', '@', a tab or a carriage return.
bool StartsLikeFormula(std::string_view text);

// True for a plain decimal number: optional '-', digits, optionally '.' and digits ("-12.50").
bool IsPlainNumber(std::string_view text);

// The CSV cell for a text value: "'" + text when StartsLikeFormula(text), else text itself.
std::string DefusedCsvText(std::string_view text);

// The text a CSV cell written by DefusedCsvText stood for: the apostrophe before a formula
// character is dropped (spreadsheets do not save it either), anything else is kept, so an
// exported CSV imports back unchanged.
std::string UndefusedCsvText(std::string_view cell);

}  // namespace shanhai::excel

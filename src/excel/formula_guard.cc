#include "excel/formula_guard.h"

namespace shanhai::excel {

bool StartsLikeFormula(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

bool IsPlainNumber(std::string_view text) {
  if (text.starts_with('-')) text.remove_prefix(1);
  const size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction = point == std::string_view::npos ? std::string_view("0") : text.substr(point + 1);
  auto digits = [](std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; };
  return digits(whole) && digits(fraction);
}

std::string DefusedCsvText(std::string_view text) {
  if (!StartsLikeFormula(text)) return std::string(text);
  return "'" + std::string(text);
}

std::string UndefusedCsvText(std::string_view cell) {
  if (cell.starts_with('\'') && StartsLikeFormula(cell.substr(1))) cell.remove_prefix(1);
  return std::string(cell);
}

}  // namespace shanhai::excel

#include "storage/postgres/pg_values.h"

#include <charconv>
#include <cstdlib>

namespace shanhai {
namespace {

// Built-in type OIDs (catalog/pg_type_d.h; fixed since PostgreSQL 7).
constexpr unsigned kBoolOid = 16;
constexpr unsigned kInt8Oid = 20;
constexpr unsigned kInt2Oid = 21;
constexpr unsigned kInt4Oid = 23;
constexpr unsigned kOidOid = 26;
constexpr unsigned kFloat4Oid = 700;
constexpr unsigned kFloat8Oid = 701;
constexpr unsigned kNumericOid = 1700;

bool ParseInt(std::string_view text, int64_t& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

// PostgreSQL writes NaN/Infinity/-Infinity, which from_chars does not read; strtod does.
double ParseDouble(std::string_view text) { return std::strtod(std::string(text).c_str(), nullptr); }

Value NumericValue(std::string_view text) {
  const size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const bool fraction_is_zero =
      dot == std::string_view::npos || text.find_first_not_of('0', dot + 1) == std::string_view::npos;
  int64_t n = 0;
  if (fraction_is_zero && ParseInt(whole, n)) return n;
  return ParseDouble(text);
}

}  // namespace

std::string PgParamText(const Value& v) {
  if (const auto* d = std::get_if<double>(&v)) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *d);
    return std::string(buf, end);
  }
  return AsText(v);
}

Value PgCellValue(std::string_view text, unsigned type_oid) {
  switch (type_oid) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid:
    case kOidOid: {
      int64_t n = 0;
      if (ParseInt(text, n)) return n;
      return std::string(text);  // oid above INT64_MAX cannot happen; keep the text rather than lie
    }
    case kFloat4Oid:
    case kFloat8Oid:
      return ParseDouble(text);
    case kNumericOid:
      return NumericValue(text);
    case kBoolOid:
      return static_cast<int64_t>(text == "t" ? 1 : 0);
    default:
      return std::string(text);
  }
}

void AppendCopyField(std::string& out, const Value& v) {
  if (IsNull(v)) {
    out += "\\N";
    return;
  }
  if (!std::holds_alternative<std::string>(v)) {
    out += PgParamText(v);
    return;
  }
  // Runs without a character to escape (nearly all of every value) are copied whole.
  const std::string_view text = std::get<std::string>(v);
  size_t from = 0;
  for (size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if (c != '\\' && c != '\t' && c != '\n' && c != '\r') continue;
    out.append(text, from, at - from);
    out += c == '\\' ? "\\\\" : c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r";
    from = at + 1;
  }
  out.append(text, from);
}

}  // namespace shanhai

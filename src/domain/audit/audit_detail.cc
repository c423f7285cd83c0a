#include "domain/audit/audit_detail.h"

namespace shanhai {

namespace {

bool NeedsQuotes(std::string_view value) {
  if (value.empty()) return true;
  for (unsigned char c : value)
    if (c <= ' ' || c == 0x7f || c == ',' || c == '=' || c == '"' || c == '\\') return true;
  return false;
}

}  // namespace

std::string AuditDetailValue(std::string_view value) {
  if (!NeedsQuotes(value)) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

std::string AuditDetailList(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : ",") + AuditDetailValue(v);
  return out;
}

}  // namespace shanhai

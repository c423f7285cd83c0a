// Values written into an audit entry's detail text ("file=a.xlsx rows=3 sheets=结对单位,交流互访").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace shanhai {

// value as one unambiguous token of a detail: as it is when it holds none of space, comma, '=',
// '"', '\' or a control character (so ordinary names read as before), otherwise in double quotes
// with '"' and '\' escaped by '\' — a user's name like `x empty_sheets=y` cannot pass for a key.
std::string AuditDetailValue(std::string_view value);
// The values, each as AuditDetailValue writes it, separated by commas ("" for none).
std::string AuditDetailList(const std::vector<std::string>& values);

}  // namespace shanhai

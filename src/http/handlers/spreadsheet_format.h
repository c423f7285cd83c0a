// The spreadsheet a download is written as (exports, templates, the audit log), chosen by the
// request's `format` parameter, and the content types of the spreadsheets the API sends.
#pragma once

#include <string>

#include "common/status.h"
#include "http/http_types.h"

namespace shanhai {

inline constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr const char* kCsvType = "text/csv; charset=utf-8";

struct SpreadsheetFile {
  bool csv = false;
  const char* extension() const { return csv ? ".csv" : ".xlsx"; }
  const char* content_type() const { return csv ? kCsvType : kXlsxType; }
};

// `format` = xlsx (also when absent) or csv. Errors: InvalidArgument naming the value (zh/en).
Result<SpreadsheetFile> SpreadsheetFormat(const HttpRequest& request);

}  // namespace shanhai

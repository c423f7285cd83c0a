#include "http/handlers/spreadsheet_format.h"

#include "http/json_io.h"

namespace shanhai {

Result<SpreadsheetFile> SpreadsheetFormat(const HttpRequest& request) {
  const std::string format = QueryText(request, "format");
  if (format.empty() || format == "xlsx") return SpreadsheetFile{false};
  if (format == "csv") return SpreadsheetFile{true};
  return Status::InvalidArgument("文件格式只能是 xlsx 或 csv，而不是“" + format + "”",
                                 "the format is xlsx or csv, not \"" + format + "\"");
}

}  // namespace shanhai

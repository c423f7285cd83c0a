// Small JSON and query-string helpers shared by the handlers.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/ledger/ledger_service.h"
#include "http/http_types.h"

namespace shanhai {

// The body as a JSON object. Errors: InvalidArgument naming the parse problem.
Result<boost::json::object> JsonBody(const HttpRequest& request);
// A JSON scalar as input text: strings as-is, numbers in decimal, true/false → 1/0, null → "".
std::string JsonScalarText(const boost::json::value& v);
// Optional string member of an object ("" if absent).
std::string JsonString(const boost::json::object& o, std::string_view key);
// Optional array member as texts (each element as JsonScalarText; empty if absent or not an array).
std::vector<std::string> JsonStringList(const boost::json::object& o, std::string_view key);
// texts as a JSON array of strings.
boost::json::array JsonTextArray(const std::vector<std::string>& texts);
// Query parameter as integer, or fallback when absent. Errors: not an integer.
Result<int64_t> QueryInt(const HttpRequest& request, std::string_view name, int64_t fallback);
std::string QueryText(const HttpRequest& request, std::string_view name);
// Path parameter {id} as a positive integer. Errors: InvalidArgument.
Result<int64_t> PathId(const HttpRequest& request, std::string_view name = "id");

HttpResponse JsonResponse(const boost::json::value& v, int status = 200);
// A file download: bytes with its MIME type and a Content-Disposition that keeps a
// Chinese file name (RFC 6266 / 5987).
HttpResponse FileResponse(std::string bytes, const std::string& content_type, const std::string& file_name);

// {"total":…, "page":…, "page_size":…, "items":[…]} of a record page.
boost::json::object PageJson(const LedgerDef& def, const RecordPage& page, int64_t page_number, int64_t page_size);

}  // namespace shanhai

// Small JSON and query-string helpers shared by the handlers.
#pragma once

#include <functional>

#include <boost/json.hpp>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/ledger/ledger_service.h"
#include "http/http_types.h"

namespace shanhai {

// The body as a JSON object. Errors: InvalidArgument when Content-Type is not application/json (so a
// cross-site form cannot send it without a preflight) or naming the parse problem.
Result<boost::json::object> JsonBody(const HttpRequest& request);

// What a member of a JSON body must be when present and not null.
enum class JsonKind {
  kText,      // a string
  kInteger,   // an integer number within [min, max]
  kBool,      // true/false (or 0/1)
  kTextList,  // an array of strings
};
struct JsonMember {
  std::string_view key;
  JsonKind kind;
  int64_t min = INT64_MIN;  // kInteger only
  int64_t max = INT64_MAX;
};

// The body as a JSON object whose listed members have the declared kinds (members not
// listed are not checked). Errors: InvalidArgument for a body that is not a JSON object, or a
// Status::Invalid whose details name each member of the wrong type or out of range (zh/en).
Result<boost::json::object> JsonBody(const HttpRequest& request, std::initializer_list<JsonMember> members);
// Integer member key of an object already checked as kInteger by JsonBody, or fallback when
// absent or null.
int64_t JsonInt(const boost::json::object& o, std::string_view key, int64_t fallback);
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

// ?page= and ?page_size= of a paged list: page ≥ 1 (default 1), page_size in 1..max_size
// (default default_size), and (page − 1) × page_size small enough not to overflow an offset.
// Errors: InvalidArgument naming the parameter and its bounds (zh/en).
inline constexpr int64_t kMaxListPageSize = 1000;  // a ledger list's largest page (the service's bound)
struct PageParams {
  int64_t page = 1;
  int64_t page_size = 20;
};
Result<PageParams> QueryPage(const HttpRequest& request, int64_t default_size, int64_t max_size);
std::string QueryText(const HttpRequest& request, std::string_view name);
// Path parameter {id} as a positive integer. Errors: InvalidArgument.
Result<int64_t> PathId(const HttpRequest& request, std::string_view name = "id");

// The text of members a caller adds to each record of a page (see AppendRecordJson); "" for none.
using RecordMembers = std::function<std::string(const Record&)>;

// {"total":…, "page":…, "page_size":…, "has_more":…, "items":[…]} of a record page; no
// "total" when the page was not counted (RecordPage::total < 0); each item with the members
// extra gives it (none when extra is empty).
// PageJsonText is that text, written directly (the list route's answer); PageJson the object,
// for callers that add members to the page.
std::string PageJsonText(const LedgerDef& def, const RecordPage& page, int64_t page_number, int64_t page_size,
                         const RecordMembers& extra = {});
boost::json::object PageJson(const LedgerDef& def, const RecordPage& page, int64_t page_number, int64_t page_size,
                             const RecordMembers& extra = {});

}  // namespace shanhai

#include "http/json_io.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "domain/ledger/record_json.h"

namespace shanhai {

namespace {

// "application/json", in any case, with or without parameters ("; charset=utf-8").
bool IsJsonMediaType(std::string_view content_type) {
  const std::string_view type = content_type.substr(0, content_type.find(';'));
  const size_t begin = type.find_first_not_of(" \t");
  const size_t end = type.find_last_not_of(" \t");
  if (begin == std::string_view::npos) return false;
  const std::string_view bare = type.substr(begin, end - begin + 1);
  constexpr std::string_view kJson = "application/json";
  return bare.size() == kJson.size() &&
         std::equal(bare.begin(), bare.end(), kJson.begin(), [](char a, char b) { return (a | 0x20) == b; });
}

}  // namespace

Result<boost::json::object> JsonBody(const HttpRequest& request) {
  // A browser sends a cross-site form (text/plain, urlencoded) without asking first; a JSON body
  // only after a CORS preflight we never grant. Insisting on the media type is what keeps the
  // requests without a CSRF token (the login) from being sent on a victim's behalf.
  if (!IsJsonMediaType(request.Header("Content-Type").value_or("")))
    return Status::InvalidArgument("请求的内容类型应为 application/json", "Content-Type must be application/json");
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(request.body, ec);
  if (ec) return Status::InvalidArgument("请求体不是合法的 JSON：" + ec.message(), "the body is not valid JSON: " + ec.message());
  if (!v.is_object()) return Status::InvalidArgument("请求体应为 JSON 对象", "the body must be a JSON object");
  return std::move(v.as_object());
}

namespace {

// Why v is not of kind (zh, en), or nullopt if it is.
std::optional<std::pair<std::string, std::string>> KindProblem(const boost::json::value& v, const JsonMember& m) {
  switch (m.kind) {
    case JsonKind::kText:
      if (v.is_string()) return std::nullopt;
      return std::pair<std::string, std::string>{"应为字符串", "must be a string"};
    case JsonKind::kBool:
      if (v.is_bool() || (v.is_int64() && (v.as_int64() == 0 || v.as_int64() == 1))) return std::nullopt;
      return std::pair<std::string, std::string>{"应为 true 或 false", "must be true or false"};
    case JsonKind::kTextList:
      if (v.is_array()) {
        for (const auto& e : v.as_array())
          if (!e.is_string()) return std::pair<std::string, std::string>{"应为字符串数组", "must be an array of strings"};
        return std::nullopt;
      }
      return std::pair<std::string, std::string>{"应为字符串数组", "must be an array of strings"};
    case JsonKind::kInteger: {
      if (!v.is_int64() && !(v.is_uint64()))
        return std::pair<std::string, std::string>{"应为整数", "must be an integer"};
      // boost::json keeps only integers above INT64_MAX as uint64.
      if (v.is_uint64() || v.as_int64() < m.min || v.as_int64() > m.max)
        return std::pair<std::string, std::string>{
            "应在 " + std::to_string(m.min) + " 到 " + std::to_string(m.max) + " 之间",
            "must be between " + std::to_string(m.min) + " and " + std::to_string(m.max)};
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

Result<boost::json::object> JsonBody(const HttpRequest& request, std::initializer_list<JsonMember> members) {
  SH_ASSIGN_OR_RETURN(boost::json::object body, JsonBody(request));
  std::vector<FieldError> errors;
  for (const JsonMember& m : members) {
    auto it = body.find(m.key);
    if (it == body.end() || it->value().is_null()) continue;
    if (auto problem = KindProblem(it->value(), m)) {
      const std::string key(m.key);
      errors.push_back({0, key, key + "：" + problem->first, key + ": " + problem->second});
    }
  }
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return body;
}

int64_t JsonInt(const boost::json::object& o, std::string_view key, int64_t fallback) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return fallback;
  return it->value().as_int64();
}

std::string JsonScalarText(const boost::json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (v.is_uint64()) return std::to_string(v.as_uint64());
  if (v.is_double()) return boost::json::serialize(v);
  if (v.is_bool()) return v.as_bool() ? "1" : "0";
  if (v.is_null()) return "";
  return boost::json::serialize(v);
}

std::string JsonString(const boost::json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it == o.end() ? "" : JsonScalarText(it->value());
}

std::vector<std::string> JsonStringList(const boost::json::object& o, std::string_view key) {
  std::vector<std::string> out;
  auto it = o.find(key);
  if (it != o.end() && it->value().is_array())
    for (const auto& v : it->value().as_array()) out.push_back(JsonScalarText(v));
  return out;
}

boost::json::array JsonTextArray(const std::vector<std::string>& texts) {
  boost::json::array out;
  for (const std::string& t : texts) out.push_back(boost::json::string(t));
  return out;
}

std::string QueryText(const HttpRequest& request, std::string_view name) {
  auto v = request.Query(name);
  return v ? std::string(*v) : "";
}

Result<int64_t> QueryInt(const HttpRequest& request, std::string_view name, int64_t fallback) {
  auto v = request.Query(name);
  if (!v || v->empty()) return fallback;
  int64_t out = 0;
  auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
  if (ec != std::errc() || ptr != v->data() + v->size())
    return Status::InvalidArgument("参数 " + std::string(name) + " 应为整数", "parameter " + std::string(name) + " must be an integer");
  return out;
}

Result<PageParams> QueryPage(const HttpRequest& request, int64_t default_size, int64_t max_size) {
  // Bounded so that (page - 1) * page_size always fits, whatever max_size is.
  constexpr int64_t kMaxPage = 1'000'000'000;
  PageParams p;
  SH_ASSIGN_OR_RETURN(p.page, QueryInt(request, "page", 1));
  SH_ASSIGN_OR_RETURN(p.page_size, QueryInt(request, "page_size", default_size));
  if (p.page < 1 || p.page > kMaxPage)
    return Status::InvalidArgument("参数 page 应在 1 到 " + std::to_string(kMaxPage) + " 之间",
                                   "parameter page must be between 1 and " + std::to_string(kMaxPage));
  if (p.page_size < 1 || p.page_size > max_size)
    return Status::InvalidArgument("参数 page_size 应在 1 到 " + std::to_string(max_size) + " 之间",
                                   "parameter page_size must be between 1 and " + std::to_string(max_size));
  return p;
}

Result<int64_t> PathId(const HttpRequest& request, std::string_view name) {
  auto v = request.PathParam(name);
  int64_t out = 0;
  if (v) {
    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec == std::errc() && ptr == v->data() + v->size() && out > 0) return out;
  }
  return Status::InvalidArgument("路径中的编号无效", "the id in the path is not a positive integer");
}

std::string PageJsonText(const LedgerDef& def, const RecordPage& page, int64_t page_number, int64_t page_size,
                         const RecordMembers& extra) {
  std::string out;
  out.reserve(256 + 384 * page.records.size());
  out += '{';
  if (page.total >= 0) out += "\"total\":" + std::to_string(page.total) + ",";
  out += "\"page\":" + std::to_string(page_number) + ",\"page_size\":" + std::to_string(page_size) +
         ",\"has_more\":" + (page.has_more ? "true" : "false") + ",\"items\":[";
  for (size_t i = 0; i < page.records.size(); ++i) {
    if (i) out += ',';
    AppendRecordJson(out, def, page.records[i], page.ref_labels, extra ? extra(page.records[i]) : std::string());
  }
  out += "]}";
  return out;
}

boost::json::object PageJson(const LedgerDef& def, const RecordPage& page, int64_t page_number, int64_t page_size,
                             const RecordMembers& extra) {
  return boost::json::parse(PageJsonText(def, page, page_number, page_size, extra)).as_object();
}

}  // namespace shanhai

#include "http/json_io.h"

#include <charconv>

#include "domain/ledger/record_json.h"

namespace shanhai {

Result<boost::json::object> JsonBody(const HttpRequest& request) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(request.body, ec);
  if (ec) return Status::InvalidArgument("请求体不是合法的 JSON：" + ec.message(), "the body is not valid JSON: " + ec.message());
  if (!v.is_object()) return Status::InvalidArgument("请求体应为 JSON 对象", "the body must be a JSON object");
  return std::move(v.as_object());
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

Result<int64_t> PathId(const HttpRequest& request, std::string_view name) {
  auto v = request.PathParam(name);
  int64_t out = 0;
  if (v) {
    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec == std::errc() && ptr == v->data() + v->size() && out > 0) return out;
  }
  return Status::InvalidArgument("路径中的编号无效", "the id in the path is not a positive integer");
}

HttpResponse JsonResponse(const boost::json::value& v, int status) {
  return HttpResponse::Json(status, boost::json::serialize(v));
}

HttpResponse FileResponse(std::string bytes, const std::string& content_type, const std::string& file_name) {
  HttpResponse r;
  r.status = 200;
  r.content_type = content_type;
  r.body = std::move(bytes);
  std::string encoded;
  for (unsigned char c : file_name) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      encoded += buf;
    }
  }
  r.AddHeader("Content-Disposition", "attachment; filename=\"download\"; filename*=UTF-8''" + encoded);
  return r;
}

boost::json::object PageJson(const LedgerDef& def, const RecordPage& page, int64_t page_number, int64_t page_size) {
  boost::json::array items;
  for (const Record& r : page.records) items.push_back(RecordToJson(def, r, page.ref_labels));
  return {{"total", page.total}, {"page", page_number}, {"page_size", page_size}, {"items", std::move(items)}};
}

}  // namespace shanhai

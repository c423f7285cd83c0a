#include "http/http_types.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace shanhai {
namespace {

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = LowerAscii(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Lenient decoding for cookie values: a '%' not followed by two hex digits stays as is,
// because browsers and other sites may set cookies we did not encode.
std::string PercentDecodeLenient(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%' && i + 2 < in.size()) {
      int hi = HexValue(in[i + 1]), lo = HexValue(in[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(in[i]);
  }
  return out;
}

// RFC 6265 cookie-octet, minus '%' which we use as the escape character.
bool IsCookieOctet(unsigned char c) {
  return c == 0x21 || (c >= 0x23 && c <= 0x2B && c != '%') || (c >= 0x2D && c <= 0x3A) ||
         (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

void ParseCookieHeader(std::string_view header, std::vector<NameValue>& out) {
  while (!header.empty()) {
    size_t semi = header.find(';');
    std::string_view pair = TrimSpaces(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    size_t eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;  // not a cookie-pair
    std::string_view value = TrimSpaces(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    out.emplace_back(std::string(TrimSpaces(pair.substr(0, eq))), PercentDecodeLenient(value));
  }
}

std::optional<std::string_view> FindValue(const std::vector<NameValue>& pairs, std::string_view name) {
  for (const NameValue& p : pairs)
    if (p.first == name) return std::string_view(p.second);
  return std::nullopt;
}

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  return true;
}

std::optional<std::string_view> HttpHeaders::Get(std::string_view name) const {
  for (const NameValue& f : fields_)
    if (EqualsIgnoreCase(f.first, name)) return std::string_view(f.second);
  return std::nullopt;
}

void HttpHeaders::Add(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }

void HttpHeaders::Set(std::string name, std::string value) {
  std::erase_if(fields_, [&](const NameValue& f) { return EqualsIgnoreCase(f.first, name); });
  Add(std::move(name), std::move(value));
}

std::string DecodedTargetPath(std::string_view target) {
  auto parsed = boost::urls::parse_origin_form(target);
  return parsed ? std::string(parsed->path()) : std::string(target);
}

Status HttpRequest::SetTarget(std::string raw_target) {
  auto parsed = boost::urls::parse_origin_form(raw_target);
  if (!parsed) {
    return Status::InvalidArgument("请求地址格式不正确：" + raw_target, "malformed request target: " + raw_target);
  }
  path = parsed->path();
  query.clear();
  boost::urls::encoding_opts form_opts;
  form_opts.space_as_plus = true;  // HTML forms and most clients encode spaces as '+'
  for (const auto& param : parsed->params(form_opts)) query.emplace_back(param.key, param.value);
  target = std::move(raw_target);
  return Status::Ok();
}

std::optional<std::string_view> HttpRequest::Query(std::string_view name) const { return FindValue(query, name); }

std::optional<std::string_view> HttpRequest::PathParam(std::string_view name) const {
  return FindValue(path_params, name);
}

std::optional<std::string_view> HttpRequest::Cookie(std::string_view name) const {
  if (!cookies_) {
    cookies_.emplace();
    for (const NameValue& f : headers.fields())
      if (EqualsIgnoreCase(f.first, "cookie")) ParseCookieHeader(f.second, *cookies_);
  }
  return FindValue(*cookies_, name);
}

HttpResponse HttpResponse::Json(int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

HttpResponse HttpResponse::Text(int status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(body);
  return r;
}

namespace {
boost::json::object ErrorObject(std::string_view code, std::string_view zh, std::string_view en) {
  boost::json::object error;
  error["code"] = code;
  error["message_zh"] = zh;
  error["message_en"] = en;
  return error;
}
}  // namespace

HttpResponse HttpResponse::Error(int status, std::string_view code, std::string_view zh, std::string_view en) {
  boost::json::object root;
  root["error"] = ErrorObject(code, zh, en);
  return Json(status, boost::json::serialize(root));
}

HttpResponse HttpResponse::FromStatus(const Status& status) {
  boost::json::object error = ErrorObject(CodeName(status.code()), status.message_zh(), status.message_en());
  if (!status.details().empty()) {
    boost::json::array details;
    for (const FieldError& d : status.details()) {
      boost::json::object item;
      if (d.row > 0) item["row"] = d.row;
      item["field"] = d.field;
      item["message_zh"] = d.message_zh;
      item["message_en"] = d.message_en;
      details.push_back(std::move(item));
    }
    error["details"] = std::move(details);
  }
  boost::json::object root;
  root["error"] = std::move(error);
  return Json(HttpStatusFor(status.code()), boost::json::serialize(root));
}

void HttpResponse::SetCookie(std::string_view name, std::string_view value, const CookieAttributes& attrs) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string line(name);
  line += '=';
  for (unsigned char c : value) {
    if (IsCookieOctet(c)) {
      line += static_cast<char>(c);
    } else {
      line += '%';
      line += kHex[c >> 4];
      line += kHex[c & 15];
    }
  }
  if (!attrs.path.empty()) line += "; Path=" + attrs.path;
  if (attrs.max_age_seconds) line += "; Max-Age=" + std::to_string(*attrs.max_age_seconds);
  if (attrs.http_only) line += "; HttpOnly";
  // Browsers reject SameSite=None without Secure, so None implies Secure.
  if (attrs.secure || attrs.same_site == SameSite::kNone) line += "; Secure";
  switch (attrs.same_site) {
    case SameSite::kLax: line += "; SameSite=Lax"; break;
    case SameSite::kStrict: line += "; SameSite=Strict"; break;
    case SameSite::kNone: line += "; SameSite=None"; break;
  }
  AddHeader("Set-Cookie", std::move(line));
}

std::optional<std::string_view> HttpResponse::Header(std::string_view name) const {
  for (const NameValue& h : headers)
    if (EqualsIgnoreCase(h.first, name)) return std::string_view(h.second);
  return std::nullopt;
}

}  // namespace shanhai

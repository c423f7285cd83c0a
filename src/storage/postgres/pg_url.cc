#include "storage/postgres/pg_url.h"

#include <algorithm>

namespace shanhai {
namespace {

// Where the pieces of scheme://[user[:password]@]host...[?query] lie.
struct UrlParts {
  size_t authority_begin = 0;  // just past "://"
  size_t at = std::string_view::npos;     // the '@' ending the user info, if any
  size_t colon = std::string_view::npos;  // the ':' before the password, if any
  size_t query = std::string_view::npos;  // the '?', if any
};

UrlParts Split(std::string_view url) {
  UrlParts p;
  const size_t scheme_end = url.find("://");
  p.authority_begin = scheme_end == std::string_view::npos ? 0 : scheme_end + 3;
  p.query = url.find('?', p.authority_begin);
  const size_t authority_end = std::min(url.find('/', p.authority_begin), p.query);
  const std::string_view authority = url.substr(p.authority_begin, authority_end - p.authority_begin);
  const size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return p;
  p.at = p.authority_begin + at;
  const size_t colon = authority.substr(0, at).find(':');
  if (colon != std::string_view::npos) p.colon = p.authority_begin + colon;
  return p;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexDigit(s[i + 1]) >= 0 && HexDigit(s[i + 2]) >= 0) {
      out += static_cast<char>(HexDigit(s[i + 1]) * 16 + HexDigit(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Calls fn(begin, end, key, value) for each key=value parameter of the query string.
template <typename Fn>
void ForEachQueryParam(std::string_view url, size_t query, Fn fn) {
  if (query == std::string_view::npos) return;
  size_t begin = query + 1;
  while (begin <= url.size()) {
    size_t end = url.find('&', begin);
    if (end == std::string_view::npos) end = url.size();
    const std::string_view param = url.substr(begin, end - begin);
    const size_t eq = param.find('=');
    fn(begin, end, param.substr(0, eq), eq == std::string_view::npos ? std::string_view() : param.substr(eq + 1));
    begin = end + 1;
  }
}

}  // namespace

std::string UrlWithoutPassword(std::string_view url) {
  const UrlParts p = Split(url);
  std::string out;
  if (p.colon != std::string_view::npos) {
    out.append(url.substr(0, p.colon));
    out.append(url.substr(p.at, (p.query == std::string_view::npos ? url.size() : p.query) - p.at));
  } else {
    out.append(url.substr(0, p.query == std::string_view::npos ? url.size() : p.query));
  }
  std::string query;
  ForEachQueryParam(url, p.query, [&](size_t begin, size_t end, std::string_view key, std::string_view) {
    if (key == "password") return;
    query += query.empty() ? "?" : "&";
    query.append(url.substr(begin, end - begin));
  });
  return out + query;
}

std::string UrlPassword(std::string_view url) {
  const UrlParts p = Split(url);
  std::string password;
  if (p.colon != std::string_view::npos) password = PercentDecode(url.substr(p.colon + 1, p.at - p.colon - 1));
  ForEachQueryParam(url, p.query, [&](size_t, size_t, std::string_view key, std::string_view value) {
    if (key == "password") password = PercentDecode(value);
  });
  return password;
}

}  // namespace shanhai

#include "http/websocket_origin.h"

#include <string>

namespace shanhai {

namespace {

// "https://Host:8443/x" → "host:8443": the authority of an origin, ASCII lower-cased.
std::string AuthorityOf(std::string_view origin) {
  const size_t scheme_end = origin.find("://");
  if (scheme_end == std::string_view::npos) return {};
  std::string_view rest = origin.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find('/'));
  std::string lower(rest);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

}  // namespace

bool IsCrossSiteUpgrade(const HttpRequest& request) {
  const auto upgrade = request.Header("Upgrade");
  if (!upgrade || !EqualsIgnoreCase(*upgrade, "websocket")) return false;
  const auto origin = request.Header("Origin");
  if (!origin) return false;
  const auto host = request.Header("Host");
  std::string expected(host ? *host : std::string_view());
  for (char& c : expected) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string actual = AuthorityOf(*origin);
  return actual.empty() || actual != expected;
}

}  // namespace shanhai

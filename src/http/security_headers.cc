#include "http/security_headers.h"

namespace shanhai {

namespace {

void SetIfAbsent(HttpResponse& response, const char* name, const char* value) {
  if (!response.Header(name)) response.AddHeader(name, value);
}

bool HasSecureAttribute(std::string_view cookie) {
  for (size_t semi = cookie.find(';'); semi != std::string_view::npos; semi = cookie.find(';', semi + 1)) {
    std::string_view attr = cookie.substr(semi + 1);
    while (!attr.empty() && attr.front() == ' ') attr.remove_prefix(1);
    if (EqualsIgnoreCase(attr.substr(0, attr.find(';')), "Secure")) return true;
  }
  return false;
}

}  // namespace

void AddSecurityHeaders(HttpResponse& response, std::string_view path, bool tls) {
  SetIfAbsent(response, "Content-Security-Policy", kContentSecurityPolicy);
  SetIfAbsent(response, "X-Content-Type-Options", "nosniff");
  SetIfAbsent(response, "X-Frame-Options", "DENY");
  SetIfAbsent(response, "Referrer-Policy", "no-referrer");
  if (path.empty() || path.starts_with("/api/") || path == "/metrics") SetIfAbsent(response, "Cache-Control", "no-store");
  if (!tls) return;
  SetIfAbsent(response, "Strict-Transport-Security", kStrictTransportSecurity);
  for (auto& [name, value] : response.headers)
    if (EqualsIgnoreCase(name, "Set-Cookie") && !HasSecureAttribute(value)) value += "; Secure";
}

}  // namespace shanhai

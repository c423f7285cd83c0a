// The headers every response carries, whatever produced it (a handler, a static file, the
// server's own protocol errors): a Content-Security-Policy that allows only this origin's
// scripts and style sheets (no inline script, no <style> element; the console's browser test
// runs without a violation), with style attributes still allowed for HTML that charts build
// as text (ECharts tooltips), no MIME sniffing, no framing, no Referer; no caching of
// anything under /api/ (personal data) or /metrics; and, when the connection is TLS, HSTS and the
// Secure attribute on every cookie.
#pragma once

#include <string_view>

#include "http/http_types.h"

namespace shanhai {

inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";
inline constexpr const char* kStrictTransportSecurity = "max-age=31536000";

// Adds the headers above to `response` for a request of `path` ("" when the request could not
// be parsed: then it is treated like an API answer). Headers the handler already set are kept.
// tls: the connection is HTTPS. Pure; thread-safe.
void AddSecurityHeaders(HttpResponse& response, std::string_view path, bool tls);

}  // namespace shanhai

#include "http/security_headers.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

TEST(SecurityHeaders, EveryResponseGetsPolicyHeaders) {
  HttpResponse r = HttpResponse::Text(200, "x");
  AddSecurityHeaders(r, "/index.html", false);
  ASSERT_TRUE(r.Header("Content-Security-Policy"));
  EXPECT_NE(r.Header("Content-Security-Policy")->find("script-src 'self';"), std::string_view::npos);
  EXPECT_NE(r.Header("Content-Security-Policy")->find("frame-ancestors 'none'"), std::string_view::npos);
  EXPECT_NE(r.Header("Content-Security-Policy")->find("style-src 'self';"), std::string_view::npos);
  EXPECT_EQ(r.Header("Content-Security-Policy")->find("unsafe-eval"), std::string_view::npos);
  EXPECT_EQ(r.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r.Header("X-Frame-Options"), "DENY");
  EXPECT_EQ(r.Header("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(r.Header("Cache-Control"), std::nullopt);  // static files keep their own caching
  EXPECT_EQ(r.Header("Strict-Transport-Security"), std::nullopt);  // not over plain HTTP
}

TEST(SecurityHeaders, ApiAndMetricsAreNeverCached) {
  for (const char* path : {"/api/v1/people/people", "/metrics", ""}) {
    HttpResponse r = HttpResponse::Json(200, "{}");
    AddSecurityHeaders(r, path, false);
    EXPECT_EQ(r.Header("Cache-Control"), "no-store") << path;
  }
}

TEST(SecurityHeaders, TlsAddsHstsAndSecureCookies) {
  HttpResponse r = HttpResponse::Json(200, "{}");
  r.SetCookie("shanhai_session", "abc");
  r.AddHeader("Set-Cookie", "other=1; Path=/; Secure");
  AddSecurityHeaders(r, "/api/v1/auth/login", true);
  EXPECT_EQ(r.Header("Strict-Transport-Security"), kStrictTransportSecurity);
  int secure = 0;
  for (const auto& [name, value] : r.headers) {
    if (name != "Set-Cookie") continue;
    EXPECT_TRUE(value.ends_with("; Secure")) << value;
    EXPECT_EQ(value.find("Secure"), value.rfind("Secure")) << "added twice: " << value;
    ++secure;
  }
  EXPECT_EQ(secure, 2);
}

TEST(SecurityHeaders, KeepsWhatTheHandlerSet) {
  HttpResponse r = HttpResponse::Text(200, "x");
  r.AddHeader("Cache-Control", "public, max-age=60");
  AddSecurityHeaders(r, "/assets/a.js", false);
  EXPECT_EQ(r.Header("Cache-Control"), "public, max-age=60");
}

}  // namespace
}  // namespace shanhai

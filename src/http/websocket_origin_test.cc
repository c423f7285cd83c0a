#include "http/websocket_origin.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

HttpRequest Upgrade(const char* host, const char* origin) {
  HttpRequest r;
  r.headers.Add("Host", host);
  r.headers.Add("Upgrade", "websocket");
  if (origin) r.headers.Add("Origin", origin);
  return r;
}

TEST(WebSocketOrigin, TheConsolesOwnOriginPasses) {
  EXPECT_FALSE(IsCrossSiteUpgrade(Upgrade("127.0.0.1:8080", "http://127.0.0.1:8080")));
  EXPECT_FALSE(IsCrossSiteUpgrade(Upgrade("Shanhai.Example.cn", "https://shanhai.example.cn")));
  EXPECT_FALSE(IsCrossSiteUpgrade(Upgrade("127.0.0.1:8080", nullptr))) << "no Origin: not a browser";
}

TEST(WebSocketOrigin, AnotherSiteOrPortIsRefused) {
  EXPECT_TRUE(IsCrossSiteUpgrade(Upgrade("127.0.0.1:8080", "http://evil.example")));
  EXPECT_TRUE(IsCrossSiteUpgrade(Upgrade("127.0.0.1:8080", "http://127.0.0.1:9090")));
  EXPECT_TRUE(IsCrossSiteUpgrade(Upgrade("shanhai.example.cn", "https://shanhai.example.cn.evil.example")));
  EXPECT_TRUE(IsCrossSiteUpgrade(Upgrade("127.0.0.1:8080", "null"))) << "a sandboxed page's opaque origin";
}

TEST(WebSocketOrigin, PlainRequestsAreNotItsConcern) {
  HttpRequest r;
  r.headers.Add("Host", "127.0.0.1:8080");
  r.headers.Add("Origin", "http://evil.example");
  EXPECT_FALSE(IsCrossSiteUpgrade(r));  // CSRF tokens guard those
}

}  // namespace
}  // namespace shanhai

#include "http/client_address.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

const std::vector<std::string> kProxy = {"10.0.0.5"};

TEST(ClientAddress, IgnoresForwardedForWithoutTrustedProxies) {
  EXPECT_EQ(ClientAddress("10.0.0.5", {"203.0.113.9"}, {}), "10.0.0.5");
}

TEST(ClientAddress, IgnoresForwardedForFromAnUntrustedPeer) {
  EXPECT_EQ(ClientAddress("198.51.100.7", {"203.0.113.9"}, kProxy), "198.51.100.7");
}

TEST(ClientAddress, TakesTheRightMostUntrustedHop) {
  // The client wrote a fake first entry; the proxy appended the real address.
  EXPECT_EQ(ClientAddress("10.0.0.5", {"1.2.3.4, 203.0.113.9"}, kProxy), "203.0.113.9");
  // Two proxies in a row, the inner one also trusted; several header fields form one list.
  EXPECT_EQ(ClientAddress("10.0.0.5", {"1.2.3.4", "203.0.113.9, 10.0.0.6"}, {"10.0.0.5", "10.0.0.6"}), "203.0.113.9");
}

TEST(ClientAddress, StopsAtAnEntryThatIsNotAnAddress) {
  EXPECT_EQ(ClientAddress("10.0.0.5", {"203.0.113.9, <script>"}, kProxy), "10.0.0.5");
  EXPECT_EQ(ClientAddress("10.0.0.5", {}, kProxy), "10.0.0.5");
}

TEST(ClientAddress, ComparesCanonicalForms) {
  EXPECT_EQ(ClientAddress("::1", {"2001:DB8::1"}, *ParseTrustedProxies("0:0:0:0:0:0:0:1")), "2001:db8::1");
}

TEST(TrustedProxies, ParsesAListAndNamesABadEntry) {
  Result<std::vector<std::string>> ok = ParseTrustedProxies("127.0.0.1, ::1");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, (std::vector<std::string>{"127.0.0.1", "::1"}));
  Result<std::vector<std::string>> bad = ParseTrustedProxies("127.0.0.1,proxy.local");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message_en().find("proxy.local"), std::string::npos);
}

}  // namespace
}  // namespace shanhai

#include "app/ice_servers.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace shanhai {
namespace {

std::string SecretFile(const std::string& content) {
  std::string path = ::testing::TempDir() + "/turn-secret";
  std::ofstream(path) << content;
  return path;
}

TEST(IceServers, SortsUrlsByScheme) {
  Result<IceServers> s = ParseIceServers({"stun:stun.example.cn:3478", "turns:turn.example.cn:5349"},
                                         SecretFile("north-wind \n"));
  ASSERT_TRUE(s.ok()) << s.status().message_en();
  EXPECT_EQ(s->stun_urls, std::vector<std::string>{"stun:stun.example.cn:3478"});
  EXPECT_EQ(s->turn_urls, std::vector<std::string>{"turns:turn.example.cn:5349"});
  EXPECT_EQ(s->turn_secret, "north-wind");
}

TEST(IceServers, NoneMeansDirectConnectionsOnly) {
  Result<IceServers> s = ParseIceServers({}, "");
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->stun_urls.empty());
  EXPECT_TRUE(s->turn_urls.empty());
}

TEST(IceServers, RefusesWhatABrowserCouldNotUse) {
  EXPECT_FALSE(ParseIceServers({"http://stun.example.cn"}, "").ok());
  EXPECT_FALSE(ParseIceServers({"stun:a b"}, "").ok());
  EXPECT_FALSE(ParseIceServers({"turn:turn.example.cn"}, "").ok()) << "TURN without its secret";
  EXPECT_FALSE(ParseIceServers({"stun:stun.example.cn"}, SecretFile("s")).ok()) << "a secret with no TURN server";
  EXPECT_FALSE(ParseIceServers({"turn:turn.example.cn"}, SecretFile("\n")).ok()) << "an empty secret";
  Result<IceServers> missing = ParseIceServers({"turn:turn.example.cn"}, "/nonexistent/secret");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message_zh().find("--turn-secret-file"), std::string::npos);
}

}  // namespace
}  // namespace shanhai

#include "console/console_assets.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace shanhai {
namespace {

void PutU32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

// One entry in the pack format pack_console.mjs writes.
std::string Entry(const std::string& path, const std::string& body, const std::string& gzip) {
  std::string out;
  PutU32(out, static_cast<uint32_t>(path.size()));
  PutU32(out, static_cast<uint32_t>(body.size()));
  PutU32(out, static_cast<uint32_t>(gzip.size()));
  return out + path + body + gzip;
}

HttpRequest Get(const std::string& path, bool gzip) {
  HttpRequest r;
  r.method = "GET";
  EXPECT_TRUE(r.SetTarget(path).ok());
  if (gzip) r.headers.Add("Accept-Encoding", "gzip, br");
  return r;
}

TEST(ConsolePackTest, RegistersEveryFileWithItsGzipVariant) {
  const std::string pack = Entry("/index.html", "<html>山海</html>", "") +
                           Entry("/assets/app.1a2b.js", "console.log('x')", "GZ-BYTES");
  StaticFiles files;
  Result<size_t> n = RegisterConsolePack(pack, files);
  ASSERT_TRUE(n.ok()) << n.status().message_en();
  EXPECT_EQ(*n, 2u);

  auto index = files.Serve(Get("/", false));
  ASSERT_TRUE(index);
  EXPECT_EQ(index->body, "<html>山海</html>");

  auto plain = files.Serve(Get("/assets/app.1a2b.js", false));
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->body, "console.log('x')");
  auto zipped = files.Serve(Get("/assets/app.1a2b.js", true));
  ASSERT_TRUE(zipped);
  EXPECT_EQ(zipped->body, "GZ-BYTES");
}

TEST(ConsolePackTest, EmptyPackRegistersNothing) {
  StaticFiles files;
  Result<size_t> n = RegisterConsolePack("", files);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 0u);
  EXPECT_TRUE(files.empty());
}

TEST(ConsolePackTest, TruncatedPackIsAnErrorButEarlierFilesStay) {
  std::string pack = Entry("/index.html", "<html></html>", "") + Entry("/assets/a.js", "0123456789", "");
  pack.resize(pack.size() - 3);
  StaticFiles files;
  Result<size_t> n = RegisterConsolePack(pack, files);
  EXPECT_FALSE(n.ok());
  EXPECT_TRUE(files.Serve(Get("/index.html", false)).has_value());
  EXPECT_FALSE(files.Serve(Get("/assets/a.js", false)).has_value());
}

TEST(ConsolePackTest, ShortHeaderAndRelativePathAreErrors) {
  StaticFiles files;
  EXPECT_FALSE(RegisterConsolePack(std::string(5, '\0'), files).ok());
  EXPECT_FALSE(RegisterConsolePack(Entry("index.html", "x", ""), files).ok());
  EXPECT_TRUE(files.empty());
}

TEST(ConsolePackTest, EmbeddedPackIsWellFormed) {
  // Whatever this binary was built with (possibly no console at all), the embedded pack parses
  // and every registered file is servable.
  StaticFiles files;
  Result<size_t> n = RegisterConsolePack(EmbeddedConsolePack(), files);
  ASSERT_TRUE(n.ok()) << n.status().message_en();
  if (*n > 0) {
    EXPECT_TRUE(files.Serve(Get("/", false)).has_value());  // a console build has index.html
  }
  StaticFiles again;
  RegisterConsoleAssets(again);
  EXPECT_EQ(again.empty(), *n == 0);
}

}  // namespace
}  // namespace shanhai

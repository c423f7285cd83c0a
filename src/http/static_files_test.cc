#include "http/static_files.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

HttpRequest Get(std::string path, std::vector<NameValue> headers = {}) {
  HttpRequest r;
  r.method = "GET";
  EXPECT_TRUE(r.SetTarget(std::move(path)).ok());
  for (auto& [k, v] : headers) r.headers.Add(k, v);
  return r;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    files_.Add("/index.html", "<html>山海</html>");
    files_.Add("/assets/app.1a2b.js", "console.log(1)", "GZIPPED-BYTES");
    files_.Add("/favicon.ico", "ICO");
  }
  StaticFiles files_;
};

TEST_F(StaticFilesTest, ServesWithTypeEtagAndCacheControl) {
  auto r = files_.Serve(Get("/assets/app.1a2b.js"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "console.log(1)");
  EXPECT_EQ(r->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(r->Header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(r->Header("Vary"), "Accept-Encoding");
  EXPECT_EQ(r->Header("Content-Encoding"), std::nullopt);
  auto etag = r->Header("ETag");
  ASSERT_TRUE(etag);
  EXPECT_EQ(etag->front(), '"');
  EXPECT_EQ(etag->back(), '"');

  auto index = files_.Serve(Get("/"));
  ASSERT_TRUE(index);
  EXPECT_EQ(index->body, "<html>山海</html>");
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(index->Header("Cache-Control"), "no-cache");
  EXPECT_NE(index->Header("ETag"), r->Header("ETag"));
}

TEST_F(StaticFilesTest, IfNoneMatchGives304) {
  auto first = files_.Serve(Get("/favicon.ico"));
  std::string etag(*first->Header("ETag"));
  auto again = files_.Serve(Get("/favicon.ico", {{"If-None-Match", "\"other\", W/" + etag}}));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  EXPECT_EQ(again->Header("ETag"), etag);
  auto stale = files_.Serve(Get("/favicon.ico", {{"If-None-Match", "\"stale\""}}));
  EXPECT_EQ(stale->status, 200);
}

TEST_F(StaticFilesTest, EtagChangesWithContent) {
  std::string before(*files_.Serve(Get("/favicon.ico"))->Header("ETag"));
  files_.Add("/favicon.ico", "ICO2");
  auto r = files_.Serve(Get("/favicon.ico", {{"If-None-Match", before}}));
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "ICO2");
}

TEST_F(StaticFilesTest, GzipVariantWhenAccepted) {
  auto r = files_.Serve(Get("/assets/app.1a2b.js", {{"Accept-Encoding", "br, GZIP;q=0.8"}}));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "GZIPPED-BYTES");
  EXPECT_EQ(r->Header("Content-Encoding"), "gzip");
  EXPECT_EQ(r->content_type, "text/javascript; charset=utf-8");
  std::string gz_etag(*r->Header("ETag"));
  auto plain = files_.Serve(Get("/assets/app.1a2b.js"));
  EXPECT_NE(gz_etag, *plain->Header("ETag"));
  auto refused = files_.Serve(Get("/assets/app.1a2b.js", {{"Accept-Encoding", "gzip;q=0"}}));
  EXPECT_EQ(refused->body, "console.log(1)");
  auto revalidated = files_.Serve(Get("/assets/app.1a2b.js", {{"Accept-Encoding", "gzip"}, {"If-None-Match", gz_etag}}));
  EXPECT_EQ(revalidated->status, 304);
}

TEST_F(StaticFilesTest, SpaFallbackOnlyForPageLikePaths) {
  auto page = files_.Serve(Get("/funds/projects/42"));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->body, "<html>山海</html>");
  EXPECT_EQ(files_.Serve(Get("/assets/missing.js")), std::nullopt);
  EXPECT_EQ(files_.Serve(Get("/api/v1/nothing")), std::nullopt);
  EXPECT_EQ(files_.Serve(Get("/api")), std::nullopt);
  EXPECT_EQ(files_.Serve(Get("/metrics")), std::nullopt);
  HttpRequest post = Get("/funds");
  post.method = "POST";
  EXPECT_EQ(files_.Serve(post), std::nullopt);
}

// The phone page under /m/ is a second single-page app: its routes get its own index.html.
TEST_F(StaticFilesTest, PhonePageFallsBackToItsOwnIndex) {
  files_.Add("/m/index.html", "<html>求职</html>");
  files_.Add("/m/assets/phone.9f8e.js", "start()");
  for (const char* path : {"/m", "/m/", "/m/jobs/7", "/m/applications"}) {
    auto page = files_.Serve(Get(path));
    ASSERT_TRUE(page) << path;
    EXPECT_EQ(page->body, "<html>求职</html>") << path;
    EXPECT_EQ(page->Header("Cache-Control"), "no-cache") << path;
  }
  EXPECT_EQ(files_.Serve(Get("/mine"))->body, "<html>山海</html>");  // not under /m/
  EXPECT_EQ(files_.Serve(Get("/m/assets/missing.js")), std::nullopt);
  EXPECT_EQ(files_.Serve(Get("/m/assets/phone.9f8e.js"))->Header("Cache-Control"), "public, max-age=31536000, immutable");
}

TEST(StaticFilesEmpty, NoIndexNoFallback) {
  StaticFiles none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.Serve(Get("/anything")), std::nullopt);
}

TEST(ContentType, ByExtension) {
  EXPECT_EQ(ContentTypeForPath("/a/b.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeForPath("/x.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeForPath("/x.unknown"), "application/octet-stream");
}

}  // namespace
}  // namespace shanhai

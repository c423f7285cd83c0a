#include "http/http_types.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace shanhai {
namespace {

TEST(HttpRequestTarget, DecodesPathAndQuery) {
  HttpRequest req;
  // 山海 = E5 B1 B1 E6 B5 B7
  ASSERT_TRUE(req.SetTarget("/api/v1/%E5%B1%B1%E6%B5%B7/x?name=%E5%B1%B1%E6%B5%B7&q=a+b%2Bc&empty=&flag").ok());
  EXPECT_EQ(req.path, "/api/v1/山海/x");
  EXPECT_EQ(req.Query("name"), "山海");
  EXPECT_EQ(req.Query("q"), "a b+c");
  EXPECT_EQ(req.Query("empty"), "");
  EXPECT_EQ(req.Query("flag"), "");
  EXPECT_EQ(req.Query("missing"), std::nullopt);
  EXPECT_EQ(req.target, "/api/v1/%E5%B1%B1%E6%B5%B7/x?name=%E5%B1%B1%E6%B5%B7&q=a+b%2Bc&empty=&flag");
}

TEST(HttpRequestTarget, RawUtf8AndRepeatedParams) {
  HttpRequest req;
  ASSERT_TRUE(req.SetTarget("/s?region=%E8%B4%B5%E5%B7%9E&region=%E5%B9%BF%E4%B8%9C").ok());
  ASSERT_EQ(req.query.size(), 2u);
  EXPECT_EQ(req.query[0].second, "贵州");
  EXPECT_EQ(req.query[1].second, "广东");
  EXPECT_EQ(req.Query("region"), "贵州");  // first wins
}

TEST(HttpRequestTarget, RejectsNonOriginForm) {
  HttpRequest req;
  Status s = req.SetTarget("http://example.com/x");
  EXPECT_EQ(s.code(), Code::kInvalidArgument);
  EXPECT_FALSE(req.SetTarget("/bad%zzpath").ok());
  EXPECT_FALSE(req.SetTarget("").ok());
}

TEST(HttpHeaders, CaseInsensitiveLookupAndSet) {
  HttpHeaders h;
  h.Add("Content-Type", "text/plain");
  h.Add("X-Multi", "1");
  h.Add("x-multi", "2");
  EXPECT_EQ(h.Get("content-type"), "text/plain");
  EXPECT_EQ(h.Get("X-MULTI"), "1");
  h.Set("X-Multi", "3");
  EXPECT_EQ(h.Get("x-multi"), "3");
  EXPECT_EQ(h.fields().size(), 2u);
  EXPECT_EQ(h.Get("absent"), std::nullopt);
}

TEST(HttpRequestCookie, ParsesPairsQuotesAndPercentEncoding) {
  HttpRequest req;
  req.headers.Add("Cookie", "sid=abc123; theme=\"dark\";  name=%E5%B1%B1%E6%B5%B7 ; bad; =x; pct=100%");
  req.headers.Add("cookie", "second=2");
  EXPECT_EQ(req.Cookie("sid"), "abc123");
  EXPECT_EQ(req.Cookie("theme"), "dark");
  EXPECT_EQ(req.Cookie("name"), "山海");
  EXPECT_EQ(req.Cookie("pct"), "100%");  // a stray % is kept, not an error
  EXPECT_EQ(req.Cookie("second"), "2");
  EXPECT_EQ(req.Cookie("bad"), std::nullopt);
  EXPECT_EQ(req.Cookie("missing"), std::nullopt);
}

TEST(HttpResponseCookie, SetCookieRoundTripsChineseAndSeparators) {
  HttpResponse res;
  CookieAttributes attrs;
  attrs.max_age_seconds = 3600;
  attrs.secure = true;
  attrs.same_site = SameSite::kStrict;
  const std::string value = "山海; a=b,\"c\" %";
  res.SetCookie("pref", value, attrs);
  auto header = res.Header("set-cookie");
  ASSERT_TRUE(header);
  EXPECT_EQ(header->find(' '), header->find("; Path=/") + 1);  // no raw space in the value
  EXPECT_NE(header->find("; Max-Age=3600"), std::string_view::npos);
  EXPECT_NE(header->find("; HttpOnly"), std::string_view::npos);
  EXPECT_NE(header->find("; Secure"), std::string_view::npos);
  EXPECT_NE(header->find("; SameSite=Strict"), std::string_view::npos);

  // What a browser sends back is the name=value part before the first attribute.
  std::string pair(header->substr(0, header->find("; Path")));
  HttpRequest req;
  req.headers.Add("Cookie", "other=1; " + pair);
  EXPECT_EQ(req.Cookie("pref"), value);
}

TEST(HttpResponseCookie, SameSiteNoneForcesSecure) {
  HttpResponse res;
  CookieAttributes attrs;
  attrs.same_site = SameSite::kNone;
  res.SetCookie("a", "1", attrs);
  EXPECT_NE(res.Header("Set-Cookie")->find("; Secure; SameSite=None"), std::string_view::npos);
}

TEST(HttpResponseErrors, ErrorBodyShape) {
  HttpResponse r = HttpResponse::Error(413, "body_too_large", "请求体过大", "too \"large\"");
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
  auto v = boost::json::parse(r.body);
  EXPECT_EQ(v.at("error").at("code").as_string(), "body_too_large");
  EXPECT_EQ(v.at("error").at("message_zh").as_string(), "请求体过大");
  EXPECT_EQ(v.at("error").at("message_en").as_string(), "too \"large\"");
}

TEST(HttpResponseErrors, FromStatusUsesCodeTableAndDetails) {
  Status s = Status::Invalid({{3, "start_date", "日期无效", "bad date"}});
  HttpResponse r = HttpResponse::FromStatus(s);
  EXPECT_EQ(r.status, 400);
  auto v = boost::json::parse(r.body);
  EXPECT_EQ(v.at("error").at("code").as_string(), "invalid_argument");
  const auto& d = v.at("error").at("details").as_array();
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].at("row").as_int64(), 3);
  EXPECT_EQ(d[0].at("field").as_string(), "start_date");
  EXPECT_EQ(HttpResponse::FromStatus(Status::NotFound("无", "none")).status, 404);
}

TEST(HttpResponseHelpers, TextAndJson) {
  EXPECT_EQ(HttpResponse::Text(201, "hi").content_type, "text/plain; charset=utf-8");
  HttpResponse j = HttpResponse::Json(202, "{}");
  EXPECT_EQ(j.status, 202);
  EXPECT_EQ(j.body, "{}");
}

}  // namespace
}  // namespace shanhai

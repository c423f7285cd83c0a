#include "http/json_io.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

HttpRequest JsonPost(const char* content_type) {
  HttpRequest r;
  r.method = "POST";
  if (content_type) r.headers.Add("Content-Type", content_type);
  r.body = R"({"name": "admin", "password": "x"})";
  return r;
}

TEST(JsonBody, TakesOnlyAJsonMediaType) {
  EXPECT_TRUE(JsonBody(JsonPost("application/json")).ok());
  EXPECT_TRUE(JsonBody(JsonPost("Application/JSON; charset=utf-8")).ok());
  EXPECT_TRUE(JsonBody(JsonPost(" application/json ;charset=UTF-8")).ok());
  // What a cross-site form can send without a preflight: refused, so a page elsewhere cannot
  // log a visitor into an account of its choosing (login CSRF).
  for (const char* type : {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                           "application/jsonp", "application/json-seq", ""}) {
    const Result<boost::json::object> body = JsonBody(JsonPost(type));
    ASSERT_FALSE(body.ok()) << type;
    EXPECT_EQ(body.status().code(), Code::kInvalidArgument);
    EXPECT_NE(body.status().message_en().find("application/json"), std::string::npos);
  }
  EXPECT_FALSE(JsonBody(JsonPost(nullptr)).ok());
}

}  // namespace
}  // namespace shanhai

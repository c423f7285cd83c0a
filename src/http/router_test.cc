#include "http/router.h"

#include <gtest/gtest.h>

namespace shanhai {
namespace {

HttpHandler Returns(std::string body) {
  return [body](HttpRequest&) { return HttpResponse::Text(200, body); };
}

Route MakeRoute(std::string method, std::string pattern, std::string name) {
  return Route{std::move(method), std::move(pattern), name, "perm:" + name, Returns(name)};
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(router_.Add(MakeRoute("GET", "/api/v1/{module}/{entity}", "list")).ok());
    ASSERT_TRUE(router_.Add(MakeRoute("POST", "/api/v1/{module}/{entity}", "create")).ok());
    ASSERT_TRUE(router_.Add(MakeRoute("GET", "/api/v1/{module}/{entity}/{id}", "get")).ok());
    ASSERT_TRUE(router_.Add(MakeRoute("DELETE", "/api/v1/{module}/{entity}/{id}", "delete")).ok());
    ASSERT_TRUE(router_.Add(MakeRoute("GET", "/api/v1/auth/me", "me")).ok());
    ASSERT_TRUE(router_.Add(MakeRoute("GET", "/api/v1/users/{id}/roles", "roles")).ok());
    ASSERT_TRUE(router_.Add(MakeRoute("GET", "/", "root")).ok());
  }
  Router router_;
};

TEST_F(RouterTest, MatchesParamsInOrder) {
  RouteMatch m = router_.Match("GET", "/api/v1/funds/project/42");
  ASSERT_EQ(m.kind, MatchKind::kFound);
  EXPECT_EQ(m.route->name, "get");
  EXPECT_EQ(m.route->permission, "perm:get");
  ASSERT_EQ(m.params.size(), 3u);
  EXPECT_EQ(m.params[0], (NameValue{"module", "funds"}));
  EXPECT_EQ(m.params[1], (NameValue{"entity", "project"}));
  EXPECT_EQ(m.params[2], (NameValue{"id", "42"}));
  HttpRequest req;
  EXPECT_EQ(m.route->handler(req).body, "get");
}

TEST_F(RouterTest, LiteralBeatsParam) {
  RouteMatch m = router_.Match("GET", "/api/v1/auth/me");
  ASSERT_EQ(m.kind, MatchKind::kFound);
  EXPECT_EQ(m.route->name, "me");
  EXPECT_TRUE(m.params.empty());
}

TEST_F(RouterTest, FallsBackToParamWhenLiteralBranchDeadEnds) {
  // "auth" is a literal at this depth, but "/api/v1/auth/x" only exists via params.
  RouteMatch m = router_.Match("GET", "/api/v1/auth/sessions");
  ASSERT_EQ(m.kind, MatchKind::kFound);
  EXPECT_EQ(m.route->name, "list");
  EXPECT_EQ(m.params[0].second, "auth");
  // "users" is a literal on the roles route only; a plain get still goes through params.
  m = router_.Match("GET", "/api/v1/users/7/roles");
  ASSERT_EQ(m.kind, MatchKind::kFound);
  EXPECT_EQ(m.route->name, "roles");
  EXPECT_EQ(m.params, (std::vector<NameValue>{{"id", "7"}}));
}

TEST_F(RouterTest, NotFound) {
  EXPECT_EQ(router_.Match("GET", "/api/v2/x").kind, MatchKind::kNotFound);
  EXPECT_EQ(router_.Match("GET", "/api/v1/a/b/c/d").kind, MatchKind::kNotFound);
  EXPECT_EQ(router_.Match("GET", "/api/v1/a/").kind, MatchKind::kNotFound);  // empty segment is no id
  EXPECT_EQ(router_.Match("GET", "/api//x").kind, MatchKind::kNotFound);
  EXPECT_EQ(router_.Match("GET", "").kind, MatchKind::kNotFound);
}

TEST_F(RouterTest, RootPath) {
  RouteMatch m = router_.Match("GET", "/");
  ASSERT_EQ(m.kind, MatchKind::kFound);
  EXPECT_EQ(m.route->name, "root");
}

TEST_F(RouterTest, MethodNotAllowedListsAllowedMethods) {
  RouteMatch m = router_.Match("PUT", "/api/v1/funds/project/42");
  ASSERT_EQ(m.kind, MatchKind::kMethodNotAllowed);
  EXPECT_EQ(m.allow, (std::vector<std::string>{"DELETE", "GET"}));
  HttpResponse r = Router::MethodNotAllowedResponse(m.allow);
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.Header("allow"), "DELETE, GET");
}

TEST_F(RouterTest, MethodNotAllowedUnionsAcrossMatchingShapes) {
  // /api/v1/auth/me has GET (literal) and, through params, GET/POST: union is sorted, unique.
  RouteMatch m = router_.Match("PATCH", "/api/v1/auth/me");
  ASSERT_EQ(m.kind, MatchKind::kMethodNotAllowed);
  EXPECT_EQ(m.allow, (std::vector<std::string>{"GET", "POST"}));
}

TEST_F(RouterTest, MethodFoundThroughParamWhenLiteralLacksIt) {
  RouteMatch m = router_.Match("POST", "/api/v1/auth/me");
  ASSERT_EQ(m.kind, MatchKind::kFound);
  EXPECT_EQ(m.route->name, "create");
  EXPECT_EQ(m.params, (std::vector<NameValue>{{"module", "auth"}, {"entity", "me"}}));
}

TEST_F(RouterTest, ParamsCarryDecodedUtf8) {
  RouteMatch m = router_.Match("GET", "/api/v1/regions/county/贵州省");
  ASSERT_EQ(m.kind, MatchKind::kFound);
  EXPECT_EQ(m.params[2].second, "贵州省");
}

TEST(RouterAdd, RejectsBadPatternsAndDuplicates) {
  Router r;
  EXPECT_FALSE(r.Add(MakeRoute("GET", "api/x", "a")).ok());
  EXPECT_FALSE(r.Add(MakeRoute("GET", "/api/{}", "a")).ok());
  EXPECT_FALSE(r.Add(MakeRoute("GET", "/api/x{id}", "a")).ok());
  EXPECT_TRUE(r.Add(MakeRoute("GET", "/api/{id}", "a")).ok());
  Status dup = r.Add(MakeRoute("GET", "/api/{other}", "b"));
  EXPECT_EQ(dup.code(), Code::kInvalidArgument);
  EXPECT_FALSE(dup.message_zh().empty());
  EXPECT_TRUE(r.Add(MakeRoute("POST", "/api/{other}", "b")).ok());
  // Each route reports its own parameter names.
  EXPECT_EQ(r.Match("POST", "/api/5").params[0].first, "other");
  EXPECT_EQ(r.Match("GET", "/api/5").params[0].first, "id");
}

TEST(RouterResponses, NotFoundIsJsonError) {
  HttpResponse r = Router::NotFoundResponse();
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("\"code\":\"not_found\""), std::string::npos);
  EXPECT_NE(r.body.find("message_zh"), std::string::npos);
}

}  // namespace
}  // namespace shanhai

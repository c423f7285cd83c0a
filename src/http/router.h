// The route table's lookup structure: method + path pattern → route. Patterns are
// '/'-separated segments, each either literal ("api") or a parameter ("{id}", matching
// one non-empty segment). A segment tree makes a lookup O(path segments) with no regex
// and no allocation besides the captured parameters. Literal segments win over
// parameters; if the literal branch cannot complete the match, the parameter branch is
// tried. The router does not interpret `permission`; the auth middleware does.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "http/http_types.h"

namespace shanhai {

using HttpHandler = std::function<HttpResponse(HttpRequest&)>;

struct Route {
  std::string method;      // "GET", "POST", ...
  std::string pattern;     // "/api/v1/{module}/{entity}/{id}"
  std::string name;        // metrics label, e.g. "funds.list"
  std::string permission;  // free-form, e.g. "funds:project:read"; "" = public
  HttpHandler handler;
};

enum class MatchKind { kFound, kNotFound, kMethodNotAllowed };

struct RouteMatch {
  MatchKind kind = MatchKind::kNotFound;
  const Route* route = nullptr;        // set when kFound; owned by the Router
  std::vector<NameValue> params;       // {name, value} when kFound
  std::vector<std::string> allow;      // methods for the path when kMethodNotAllowed, sorted
};

class Router {
 public:
  Router();
  ~Router();
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  // Registers a route. Errors: InvalidArgument if the pattern does not start with '/',
  // has an empty or malformed "{...}" segment, or the same method+path shape (param
  // names ignored) is already registered. Not thread-safe: build the table before
  // serving; afterwards Match may be called from any number of threads.
  Status Add(Route route);

  // Finds the route for `method` and decoded `path`. Found → route + params (named as
  // in that route's pattern); a path served only for other methods →
  // kMethodNotAllowed with the Allow list; otherwise kNotFound. Thread-safe (const).
  RouteMatch Match(std::string_view method, std::string_view path) const;

  // The standard responses for a failed match: 404 / 405 JSON errors (405 carries an
  // Allow header).
  static HttpResponse NotFoundResponse();
  static HttpResponse MethodNotAllowedResponse(const std::vector<std::string>& allow);

 private:
  struct Node;
  std::unique_ptr<Node> root_;
  std::vector<std::unique_ptr<Route>> routes_;  // stable addresses for RouteMatch::route
};

}  // namespace shanhai

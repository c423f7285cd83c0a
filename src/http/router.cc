#include "http/router.h"

#include <algorithm>
#include <array>

namespace shanhai {

struct Router::Node {
  struct Endpoint {
    const Route* route;
    std::vector<std::string> param_names;  // in segment order
  };
  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  std::unique_ptr<Node> param;  // one child for "{anything}" at this depth
  std::vector<Endpoint> endpoints;  // one per method; a handful at most, so a vector
};

namespace {

// Deeper paths than this are not in any route table we serve; they simply 404.
constexpr size_t kMaxSegments = 32;
using Segments = std::array<std::string_view, kMaxSegments>;

// "/a/b" → {"a","b"}; "/" → {""}; "/a/" → {"a",""}. Returns the count, or
// kMaxSegments + 1 when there are too many.
size_t SplitPath(std::string_view path, Segments& out) {
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  size_t n = 0;
  while (true) {
    if (n == kMaxSegments) return kMaxSegments + 1;
    size_t slash = path.find('/');
    out[n++] = path.substr(0, slash);
    if (slash == std::string_view::npos) return n;
    path.remove_prefix(slash + 1);
  }
}

bool IsParam(std::string_view seg) { return seg.size() >= 2 && seg.front() == '{' && seg.back() == '}'; }

struct MatchState {
  std::string_view method;
  const Segments* segs;
  size_t count;
  std::array<std::string_view, kMaxSegments> captured;
  size_t captured_count = 0;
  std::vector<std::string> allow;
};

}  // namespace

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;

Status Router::Add(Route route) {
  const std::string& pattern = route.pattern;
  if (pattern.empty() || pattern.front() != '/') {
    return Status::InvalidArgument("路由模式必须以 / 开头：" + pattern, "route pattern must start with '/': " + pattern);
  }
  Segments segs;
  size_t n = SplitPath(pattern, segs);
  if (n > kMaxSegments) return Status::InvalidArgument("路由层级过多：" + pattern, "route pattern too deep: " + pattern);
  Node* node = root_.get();
  std::vector<std::string> param_names;
  for (size_t i = 0; i < n; ++i) {
    std::string_view seg = segs[i];
    if (IsParam(seg)) {
      std::string_view name = seg.substr(1, seg.size() - 2);
      if (name.empty() || name.find_first_of("{}") != std::string_view::npos) {
        return Status::InvalidArgument("路由参数名不正确：" + pattern, "malformed route parameter: " + pattern);
      }
      param_names.emplace_back(name);
      if (!node->param) node->param = std::make_unique<Node>();
      node = node->param.get();
      continue;
    }
    if (seg.find_first_of("{}") != std::string_view::npos) {
      return Status::InvalidArgument("路由段不能部分为参数：" + pattern, "a route segment cannot be partly a parameter: " + pattern);
    }
    auto it = node->literals.find(seg);
    if (it == node->literals.end()) it = node->literals.emplace(std::string(seg), std::make_unique<Node>()).first;
    node = it->second.get();
  }
  for (const Node::Endpoint& e : node->endpoints) {
    if (e.route->method == route.method) {
      return Status::InvalidArgument("路由重复：" + route.method + " " + pattern,
                                     "duplicate route: " + route.method + " " + pattern + " (same as " + e.route->pattern + ")");
    }
  }
  routes_.push_back(std::make_unique<Route>(std::move(route)));
  node->endpoints.push_back({routes_.back().get(), std::move(param_names)});
  return Status::Ok();
}

namespace {

// Depth-first: literal child before parameter child, so "/users/me" beats "/users/{id}"
// but "/users/me/roles" can still reach "/users/{id}/roles". A template only because
// Router::Node is private and cannot be named here.
template <typename NodeT, typename EndpointT>
const EndpointT* Walk(const NodeT& node, size_t i, MatchState& st) {
  if (i == st.count) {
    for (const EndpointT& e : node.endpoints)
      if (e.route->method == st.method) return &e;
    for (const EndpointT& e : node.endpoints)
      if (std::find(st.allow.begin(), st.allow.end(), e.route->method) == st.allow.end()) st.allow.push_back(e.route->method);
    return nullptr;
  }
  std::string_view seg = (*st.segs)[i];
  auto it = node.literals.find(seg);
  if (it != node.literals.end()) {
    if (const EndpointT* e = Walk<NodeT, EndpointT>(*it->second, i + 1, st)) return e;
  }
  if (node.param && !seg.empty()) {
    st.captured[st.captured_count++] = seg;
    if (const EndpointT* e = Walk<NodeT, EndpointT>(*node.param, i + 1, st)) return e;
    --st.captured_count;
  }
  return nullptr;
}

}  // namespace

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
  RouteMatch result;
  if (path.empty() || path.front() != '/') return result;
  Segments segs;
  size_t n = SplitPath(path, segs);
  if (n > kMaxSegments) return result;
  MatchState st{method, &segs, n, {}, 0, {}};
  const Node::Endpoint* e = Walk<Node, Node::Endpoint>(*root_, 0, st);
  if (e) {
    result.kind = MatchKind::kFound;
    result.route = e->route;
    result.params.reserve(e->param_names.size());
    for (size_t k = 0; k < e->param_names.size(); ++k) result.params.emplace_back(e->param_names[k], st.captured[k]);
    return result;
  }
  if (!st.allow.empty()) {
    result.kind = MatchKind::kMethodNotAllowed;
    std::sort(st.allow.begin(), st.allow.end());
    result.allow = std::move(st.allow);
  }
  return result;
}

HttpResponse Router::NotFoundResponse() {
  return HttpResponse::Error(404, "not_found", "请求的地址不存在", "no such path");
}

HttpResponse Router::MethodNotAllowedResponse(const std::vector<std::string>& allow) {
  std::string joined;
  for (const std::string& m : allow) joined += (joined.empty() ? "" : ", ") + m;
  HttpResponse r = HttpResponse::Error(405, "method_not_allowed", "该地址不支持此请求方法，可用：" + joined,
                                       "method not allowed here; allowed: " + joined);
  r.AddHeader("Allow", joined);
  return r;
}

}  // namespace shanhai

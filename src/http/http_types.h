// Plain HTTP request/response values, independent of Beast, so handlers and their
// tests never pull in the (slow-to-compile) networking headers. The server converts
// between these and the wire; the router fills path_params; the app may set
// route_name and user, which the server then uses for metrics and the access log.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace shanhai {

class WebSocketHandler;  // http/websocket.h

using NameValue = std::pair<std::string, std::string>;

// Header fields in arrival order; names compare ASCII case-insensitively.
// Not thread-safe for concurrent mutation (values are owned by one request).
class HttpHeaders {
 public:
  // First value of the field called `name`, or nullopt. The view lives as long as
  // this object is not modified.
  std::optional<std::string_view> Get(std::string_view name) const;
  // Appends a field (duplicates allowed, e.g. Set-Cookie).
  void Add(std::string name, std::string value);
  // Replaces every field called `name` with a single one.
  void Set(std::string name, std::string value);
  const std::vector<NameValue>& fields() const { return fields_; }

 private:
  std::vector<NameValue> fields_;
};

// ASCII case-insensitive equality (header names, tokens).
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// The percent-decoded path of a request target, as routing sees it ("/api/v1/%61uth/login" →
// "/api/v1/auth/login"); the target as given when it does not parse. Pure; thread-safe.
std::string DecodedTargetPath(std::string_view target);

struct HttpRequest {
  std::string method;  // "GET", "POST", ... as sent
  std::string target;  // raw request-target, e.g. "/api/v1/x?q=%E5%B1%B1"
  std::string path;    // percent-decoded path, e.g. "/api/v1/x"
  std::vector<NameValue> query;  // decoded pairs in order ('+' means space)
  HttpHeaders headers;
  std::string body;
  std::string remote_address;  // peer IP as text
  std::vector<NameValue> path_params;  // filled by the router
  // Set by the app: route name used as the metrics label ("" → "unmatched"),
  // and the authenticated user shown in the access log.
  std::string route_name;
  std::string user;

  // Parses `raw_target` (origin-form, "/path?query") into target, path and query.
  // Errors: InvalidArgument (zh/en) if it is not a valid origin-form target.
  Status SetTarget(std::string raw_target);

  // First value of query parameter `name`, or nullopt. Views live as long as the
  // request is not modified.
  std::optional<std::string_view> Query(std::string_view name) const;
  std::optional<std::string_view> Header(std::string_view name) const { return headers.Get(name); }
  std::optional<std::string_view> PathParam(std::string_view name) const;
  // Value of cookie `name` from the Cookie header(s), percent-decoded; parsed on
  // first use and cached (so not thread-safe; a request is owned by one thread).
  std::optional<std::string_view> Cookie(std::string_view name) const;

 private:
  mutable std::optional<std::vector<NameValue>> cookies_;
};

enum class SameSite { kLax, kStrict, kNone };

struct CookieAttributes {
  std::string path = "/";
  std::optional<long long> max_age_seconds;  // nullopt → session cookie; 0 → delete
  bool http_only = true;
  bool secure = false;
  SameSite same_site = SameSite::kLax;
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<NameValue> headers;  // extra fields (Set-Cookie, ETag, ...)
  // Set (with status 101) by an upgrade route that accepted the request: the server completes
  // the WebSocket handshake and hands the connection to this handler. A request that asked for
  // no upgrade gets 426 instead.
  std::shared_ptr<WebSocketHandler> websocket;

  // `body` must already be JSON text.
  static HttpResponse Json(int status, std::string body);
  static HttpResponse Text(int status, std::string body);
  // {"error":{"code":code,"message_zh":zh,"message_en":en}} with the given status.
  static HttpResponse Error(int status, std::string_view code, std::string_view zh,
                            std::string_view en);
  // The error body for a non-ok Status: HTTP status and code from common/status.h's
  // table, plus "details":[{row,field,message_zh,message_en}] when present.
  static HttpResponse FromStatus(const Status& status);

  // Appends a Set-Cookie header. `value` is percent-encoded where needed so any
  // UTF-8 text round-trips through HttpRequest::Cookie.
  void SetCookie(std::string_view name, std::string_view value, const CookieAttributes& attrs = {});
  void AddHeader(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
  // First value of extra header `name` (case-insensitive), or nullopt.
  std::optional<std::string_view> Header(std::string_view name) const;
};

}  // namespace shanhai

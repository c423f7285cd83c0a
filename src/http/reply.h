// What an API handler answers when it succeeds: JSON, a file to download, or text. A handler
// returns Result<Reply>; a failure is its Status, and only the dispatcher (ApiApp) turns a Status
// into HTTP (HttpResponse::FromStatus, through common/status.h's one table of codes), so no
// handler repeats that mapping. Plain values; not thread-safe for concurrent mutation.
#pragma once

#include <boost/json.hpp>
#include <memory>
#include <string>
#include <string_view>

#include "http/http_types.h"

namespace shanhai {

class Reply {
 public:
  // v serialised, with status 200 (or 201 for a creation).
  static Reply Json(const boost::json::value& v, int status = 200);
  // JSON text already serialised (a document built once, a report rendered as JSON).
  static Reply JsonText(std::string json);
  // {"ok":true}: a change that has nothing more to say.
  static Reply Done();
  // A download: bytes with their MIME type, and a Content-Disposition that keeps a Chinese file
  // name (RFC 6266 / 5987).
  static Reply File(std::string bytes, std::string content_type, const std::string& file_name);
  // Text of the given MIME type (the Prometheus metrics).
  static Reply Text(std::string body, std::string content_type);
  // A refusal that is part of a protocol rather than a service's error, so it has a status and
  // code of its own (429 "too_many_attempts", 401 "totp_required"): the messages of why.
  static Reply Refusal(int status, std::string_view code, const Status& why);
  // Accepts a WebSocket upgrade: the connection is handed to `handler` (http/websocket.h).
  static Reply WebSocket(std::shared_ptr<WebSocketHandler> handler);

  Reply& AddHeader(std::string name, std::string value);
  Reply& SetCookie(std::string_view name, std::string_view value, const CookieAttributes& attrs);

  // The HTTP response (status, content type, body, headers); the reply is used up.
  HttpResponse ToHttp() &&;

 private:
  explicit Reply(HttpResponse response) : response_(std::move(response)) {}
  HttpResponse response_;
};

}  // namespace shanhai

#include "http/reply.h"

#include <cctype>
#include <cstdio>

namespace shanhai {

Reply Reply::Json(const boost::json::value& v, int status) {
  return Reply(HttpResponse::Json(status, boost::json::serialize(v)));
}

Reply Reply::JsonText(std::string json) { return Reply(HttpResponse::Json(200, std::move(json))); }

Reply Reply::Done() { return JsonText(R"({"ok":true})"); }

Reply Reply::File(std::string bytes, std::string content_type, const std::string& file_name) {
  HttpResponse r;
  r.content_type = std::move(content_type);
  r.body = std::move(bytes);
  // The plain filename="download" is for clients that ignore filename*; the real name goes
  // percent-encoded as UTF-8, which every browser decodes.
  std::string encoded;
  for (unsigned char c : file_name) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      encoded += buf;
    }
  }
  r.AddHeader("Content-Disposition", "attachment; filename=\"download\"; filename*=UTF-8''" + encoded);
  return Reply(std::move(r));
}

Reply Reply::Text(std::string body, std::string content_type) {
  HttpResponse r = HttpResponse::Text(200, std::move(body));
  r.content_type = std::move(content_type);
  return Reply(std::move(r));
}

Reply Reply::Refusal(int status, std::string_view code, const Status& why) {
  return Reply(HttpResponse::Error(status, code, why.message_zh(), why.message_en()));
}

Reply Reply::WebSocket(std::shared_ptr<WebSocketHandler> handler) {
  HttpResponse response;
  response.status = 101;
  response.content_type.clear();
  response.websocket = std::move(handler);
  return Reply(std::move(response));
}

Reply& Reply::AddHeader(std::string name, std::string value) {
  response_.AddHeader(std::move(name), std::move(value));
  return *this;
}

Reply& Reply::SetCookie(std::string_view name, std::string_view value, const CookieAttributes& attrs) {
  response_.SetCookie(name, value, attrs);
  return *this;
}

HttpResponse Reply::ToHttp() && { return std::move(response_); }

}  // namespace shanhai

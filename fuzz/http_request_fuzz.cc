// Fuzz target "http_request": the bytes a client sends on one connection, parsed as the server
// parses them — Beast's request_parser with the server's header and body limits, one request
// after another as on a keep-alive connection — then converted to our HttpRequest as
// HttpServer's session does (target decoding, headers), and read by our own parsers the handlers
// apply to requests: query, cookies, JSON bodies and multipart uploads.
// Properties: a decoded path starts with '/', and a part ParseMultipart returns lies within the body.
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "http/http_types.h"
#include "http/json_io.h"
#include "http/multipart.h"
#include "http/server.h"

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using Parser = http::request_parser<http::string_body>;

constexpr int kMaxRequestsPerInput = 8;

// Reads our request the way handlers do; checks the properties.
void UseRequest(shanhai::HttpRequest& req) {
  if (!req.path.starts_with('/')) shanhai::fuzz::PropertyFailed("http: decoded path does not start with '/'");
  (void)req.Query("q");
  (void)req.Cookie("shanhai_session");
  (void)shanhai::QueryInt(req, "page", 1);
  (void)shanhai::JsonBody(req);
  const std::string content_type(req.Header("Content-Type").value_or(""));
  auto parts = shanhai::ParseMultipart(req.body, content_type);
  if (!parts.ok()) return;
  size_t bytes = 0;
  for (const shanhai::MultipartPart& part : *parts) bytes += part.data.size();
  if (bytes > req.body.size()) shanhai::fuzz::PropertyFailed("http: multipart parts larger than the body");
  (void)shanhai::FindPart(*parts, "file");
}

// The conversion of HttpServer's session (server.cc, Session::Handle) from Beast's message.
void Convert(http::request<http::string_body>& msg) {
  shanhai::HttpRequest req;
  req.method = msg.method_string();
  if (!req.SetTarget(std::string(msg.target())).ok()) return;  // the server answers 400
  for (const auto& field : msg) req.headers.Add(std::string(field.name_string()), std::string(field.value()));
  req.body = std::move(msg.body());
  req.remote_address = "127.0.0.1";
  UseRequest(req);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const shanhai::ServerOptions kOptions;  // the limits `shanhai serve` runs with
  std::string_view rest = shanhai::fuzz::AsText(data, size);
  for (int i = 0; i < kMaxRequestsPerInput && !rest.empty(); ++i) {
    Parser parser;
    parser.header_limit(static_cast<std::uint32_t>(kOptions.header_limit));
    parser.body_limit(kOptions.body_limit);
    beast::error_code ec;
    while (!parser.is_done()) {
      const size_t used = parser.put(boost::asio::buffer(rest.data(), rest.size()), ec);
      rest.remove_prefix(used);
      if (ec == http::error::need_more) {
        ec = {};
        if (used > 0) continue;
        parser.put_eof(ec);  // the connection ends here
        break;
      }
      if (ec || used == 0) break;
    }
    if (ec || !parser.is_done()) return 0;  // the server answers 400/413/431 or closes
    Convert(parser.get());
  }
  return 0;
}

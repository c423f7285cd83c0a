// Beast is confined to this file in the domain (its headers compile slowly).
#include "domain/messages/http_gateway_sender.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <boost/url/parse.hpp>

namespace shanhai {

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

struct Endpoint {
  std::string host, port, target;
};

Result<Endpoint> ParseEndpoint(const std::string& url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed || parsed->scheme() != "http" || parsed->host().empty())
    return Status::InvalidArgument("短信网关地址应为 http://主机[:端口]/路径：" + url,
                                   "the SMS gateway URL must be http://host[:port]/path: " + url);
  Endpoint e{std::string(parsed->host()), parsed->has_port() ? std::string(parsed->port()) : "80",
             std::string(parsed->encoded_target())};
  if (e.target.empty()) e.target = "/";
  return e;
}

Status GatewayFailed(const Endpoint& e, const std::string& why_zh, const std::string& why_en) {
  return Status::Unavailable("短信网关 " + e.host + ":" + e.port + " 发送失败：" + why_zh,
                             "the SMS gateway " + e.host + ":" + e.port + " failed: " + why_en);
}

}  // namespace

Status CheckGatewayUrl(const std::string& url) { return ParseEndpoint(url).status(); }

Status HttpGatewaySender::Send(const OutgoingMessage& message) {
  SH_ASSIGN_OR_RETURN(Endpoint endpoint, ParseEndpoint(options_.url));
  http::request<http::string_body> request{http::verb::post, endpoint.target, 11};
  request.set(http::field::host, endpoint.host);
  request.set(http::field::content_type, "application/json; charset=utf-8");
  if (!options_.token.empty()) request.set(http::field::authorization, "Bearer " + options_.token);
  request.body() = boost::json::serialize(
      boost::json::object{{"mobile", message.mobile}, {"text", message.text}, {"purpose", message.purpose}});
  request.prepare_payload();

  // Asynchronous operations on a private io_context, so one deadline (tcp_stream's) bounds the
  // connect, the write and the read together; resolving is bounded by running the context for
  // the timeout at most.
  net::io_context ioc;
  tcp::resolver resolver(ioc);
  beast::tcp_stream stream(ioc);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  beast::error_code failure;
  bool done = false;
  const auto fail = [&](beast::error_code ec) {
    failure = ec;
    done = true;
  };
  resolver.async_resolve(endpoint.host, endpoint.port, [&](beast::error_code ec, tcp::resolver::results_type results) {
    if (ec) return fail(ec);
    stream.expires_after(options_.timeout);
    stream.async_connect(results, [&](beast::error_code ec, const tcp::endpoint&) {
      if (ec) return fail(ec);
      http::async_write(stream, request, [&](beast::error_code ec, size_t) {
        if (ec) return fail(ec);
        http::async_read(stream, buffer, response, [&](beast::error_code ec, size_t) { fail(ec); });
      });
    });
  });
  ioc.run_for(options_.timeout + std::chrono::milliseconds(100));
  if (!done) return GatewayFailed(endpoint, "无法解析主机名（超时）", "resolving the host timed out");
  if (failure == beast::error::timeout)
    return GatewayFailed(endpoint, "超时（" + std::to_string(options_.timeout.count()) + " 毫秒内无应答）",
                         "no answer within " + std::to_string(options_.timeout.count()) + " ms");
  if (failure) return GatewayFailed(endpoint, "连接错误：" + failure.message(), "connection error: " + failure.message());
  const unsigned status = response.result_int();
  if (status < 200 || status >= 300)
    return GatewayFailed(endpoint, "网关返回 HTTP " + std::to_string(status), "the gateway answered HTTP " + std::to_string(status));
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  return Status::Ok();
}

}  // namespace shanhai

// The gateway sender against a fake gateway on loopback (a thread accepting one connection):
// the JSON body and bearer token it posts, a non-2xx answer, a gateway that never answers
// (the timeout), one that is not listening, and URLs it refuses.
#include "domain/messages/http_gateway_sender.h"

#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <boost/json.hpp>
#include <thread>

namespace shanhai {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;

// Accepts one connection on an ephemeral loopback port; reads the request (head and
// Content-Length body) into request, then answers answer — or, for an empty answer, waits
// until the client hangs up.
class FakeGateway {
 public:
  explicit FakeGateway(std::string answer)
      : acceptor_(ioc_, tcp::endpoint(net::ip::address_v4::loopback(), 0)), port_(acceptor_.local_endpoint().port()) {
    thread_ = std::thread([this, answer = std::move(answer)] {
      boost::system::error_code ec;
      tcp::socket socket(ioc_);
      acceptor_.accept(socket, ec);
      if (ec) return;
      net::streambuf buffer;
      const size_t head = net::read_until(socket, buffer, "\r\n\r\n", ec);
      if (ec) return;
      std::string data(net::buffers_begin(buffer.data()), net::buffers_end(buffer.data()));
      const size_t length_at = data.find("Content-Length: ");
      const size_t length = length_at == std::string::npos ? 0 : std::stoul(data.substr(length_at + 16));
      if (buffer.size() < head + length) net::read(socket, buffer, net::transfer_exactly(head + length - buffer.size()), ec);
      request = std::string(net::buffers_begin(buffer.data()), net::buffers_end(buffer.data()));
      if (answer.empty()) {
        char byte;
        socket.read_some(net::buffer(&byte, 1), ec);  // until the client gives up
        return;
      }
      net::write(socket, net::buffer(answer), ec);
    });
  }
  ~FakeGateway() { Received(); }
  std::string Url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/sms/send"; }
  // The request it read, once the connection is over (joins the thread).
  const std::string& Received() {
    if (thread_.joinable()) thread_.join();
    return request;
  }

 private:
  std::string request;
  net::io_context ioc_;
  tcp::acceptor acceptor_;
  unsigned short port_;
  std::thread thread_;
};

const OutgoingMessage kMessage{"13812345678", "验证码 123456", "otp_login", "522727", ""};

TEST(HttpGatewaySender, PostsTheNumberAndTextAsJsonWithTheToken) {
  FakeGateway gateway("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  HttpGatewaySender sender({gateway.Url(), "secret-token", std::chrono::milliseconds(3000)});
  ASSERT_TRUE(sender.Send(kMessage).ok());
  const std::string& request = gateway.Received();
  EXPECT_TRUE(request.starts_with("POST /sms/send HTTP/1.1\r\n")) << request;
  EXPECT_NE(request.find("Authorization: Bearer secret-token\r\n"), std::string::npos) << request;
  const boost::json::value body = boost::json::parse(request.substr(request.find("\r\n\r\n") + 4));
  EXPECT_EQ(body.at("mobile").as_string(), "13812345678");
  EXPECT_EQ(body.at("text").as_string(), "验证码 123456");
  EXPECT_EQ(body.at("purpose").as_string(), "otp_login");
}

TEST(HttpGatewaySender, ARefusalNamesTheStatusButNotTheMessage) {
  FakeGateway gateway("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  const Status s = HttpGatewaySender({gateway.Url(), "", std::chrono::milliseconds(3000)}).Send(kMessage);
  EXPECT_EQ(s.code(), Code::kUnavailable);
  EXPECT_NE(s.message_en().find("HTTP 503"), std::string::npos) << s.ToString();
  EXPECT_EQ(s.ToString().find("123456"), std::string::npos) << s.ToString();
  EXPECT_EQ(gateway.Received().find("Authorization"), std::string::npos);  // no token configured
}

TEST(HttpGatewaySender, AGatewayThatNeverAnswersTimesOut) {
  FakeGateway gateway("");
  const Status s = HttpGatewaySender({gateway.Url(), "", std::chrono::milliseconds(300)}).Send(kMessage);
  EXPECT_EQ(s.code(), Code::kUnavailable);
  EXPECT_NE(s.message_en().find("no answer within 300 ms"), std::string::npos) << s.ToString();
}

TEST(HttpGatewaySender, NobodyListeningIsAConnectionError) {
  std::string url;
  {
    FakeGateway closed("x");  // takes a free port, then closes it
    url = closed.Url();
    HttpGatewaySender({url, "", std::chrono::milliseconds(1000)}).Send(kMessage);  // lets the thread end
  }
  const Status s = HttpGatewaySender({url, "", std::chrono::milliseconds(1000)}).Send(kMessage);
  EXPECT_EQ(s.code(), Code::kUnavailable);
  EXPECT_NE(s.message_en().find("connection error"), std::string::npos) << s.ToString();
}

TEST(HttpGatewaySender, OnlyHttpUrlsWithAHostAreAccepted) {
  EXPECT_TRUE(CheckGatewayUrl("http://127.0.0.1:9000/send").ok());
  EXPECT_TRUE(CheckGatewayUrl("http://sms.example.cn").ok());
  EXPECT_EQ(CheckGatewayUrl("https://sms.example.cn/send").code(), Code::kInvalidArgument);
  EXPECT_EQ(CheckGatewayUrl("sms.example.cn").code(), Code::kInvalidArgument);
  EXPECT_EQ(CheckGatewayUrl("").code(), Code::kInvalidArgument);
}

}  // namespace
}  // namespace shanhai

// WebSocket connections through a real HttpServer on loopback: an upgrade route seats each
// connection in a SignallingHub room (here by query parameters; in the product the interview's
// parties decide), and Beast's own WebSocket client plays the two browsers.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/json.hpp>
#include <gtest/gtest.h>

#include <thread>

#include "http/server.h"
#include "http/signalling_hub.h"

namespace shanhai {
namespace {

namespace beast = boost::beast;
namespace net = boost::asio;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;

class SignallingServer : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.port = 0;
    options.threads = 2;  // the two seats may land on different worker threads
    options.access_log = false;
    server_ = std::make_unique<HttpServer>(options, [this](HttpRequest& req) { return App(req); });
    ASSERT_TRUE(server_->Start().ok());
    thread_ = std::thread([this] { server_->Run(); });
  }
  void TearDown() override {
    server_->Stop();
    thread_.join();
  }

  HttpResponse App(HttpRequest& req) {
    if (req.path != "/ws") return HttpResponse::Error(404, "not_found", "无", "none");
    const auto room = req.Query("room");
    const auto seat = req.Query("seat");
    if (!room || !seat || (*seat != "employer" && *seat != "seeker"))
      return HttpResponse::Error(403, "forbidden", "不是本场面试的参与方", "not a party of this interview");
    HttpResponse res;
    res.status = 101;
    res.websocket = hub_.Join(std::stoll(std::string(*room)),
                              *seat == "employer" ? InterviewSeat::kEmployer : InterviewSeat::kSeeker, "");
    return res;
  }

  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  SignallingHub hub_;
};

// A client connection; each read times out after two seconds so a missing message fails the test
// rather than hanging it.
class Browser {
 public:
  Browser(uint16_t port, const std::string& target) : ws_(ioc_) {
    tcp::resolver resolver(ioc_);
    beast::get_lowest_layer(ws_).connect(resolver.resolve("127.0.0.1", std::to_string(port)));
    beast::get_lowest_layer(ws_).expires_after(std::chrono::seconds(2));
    ws_.handshake("127.0.0.1", target, ec_);
  }
  bool connected() const { return !ec_; }
  const beast::error_code& error() const { return ec_; }
  void Send(const std::string& text) { ws_.write(net::buffer(text)); }
  void SendBinary(const std::string& bytes) {
    ws_.binary(true);
    ws_.write(net::buffer(bytes));
    ws_.text(true);
  }
  // The next message as JSON, or null when none came in time or the connection closed.
  boost::json::value Next() {
    beast::flat_buffer buffer;
    beast::get_lowest_layer(ws_).expires_after(std::chrono::seconds(2));  // applies to async reads only
    ws_.async_read(buffer, [this](beast::error_code ec, size_t) { ec_ = ec; });
    ioc_.restart();
    ioc_.run();
    if (ec_) return nullptr;
    return boost::json::parse(beast::buffers_to_string(buffer.data()));
  }
  void Close() { ws_.close(websocket::close_code::normal); }

 private:
  net::io_context ioc_;
  websocket::stream<beast::tcp_stream> ws_;
  beast::error_code ec_;
};

std::string Type(const boost::json::value& v) {
  if (!v.is_object() || !v.as_object().contains("type")) return "(none)";
  return std::string(v.at("type").as_string());
}

TEST_F(SignallingServer, RelaysBetweenTheTwoSeatsOfARoomOnly) {
  Browser employer(server_->port(), "/ws?room=7&seat=employer");
  ASSERT_TRUE(employer.connected()) << employer.error().message();
  Browser seeker(server_->port(), "/ws?room=7&seat=seeker");
  ASSERT_TRUE(seeker.connected());
  boost::json::value ready_e = employer.Next(), ready_s = seeker.Next();
  EXPECT_EQ(Type(ready_e), "ready");
  EXPECT_EQ(ready_e.at("initiator"), true);
  EXPECT_EQ(ready_s.at("initiator"), false);

  Browser elsewhere(server_->port(), "/ws?room=8&seat=seeker");  // another interview
  ASSERT_TRUE(elsewhere.connected());

  employer.Send(R"({"type":"offer","sdp":"v=0 offer"})");
  boost::json::value offer = seeker.Next();
  EXPECT_EQ(Type(offer), "offer");
  EXPECT_EQ(offer.at("sdp"), "v=0 offer");
  EXPECT_EQ(offer.at("from"), "employer");
  seeker.Send(R"({"type":"answer","sdp":"v=0 answer"})");
  boost::json::value answer = employer.Next();
  EXPECT_EQ(answer.at("sdp"), "v=0 answer");
  EXPECT_EQ(answer.at("from"), "seeker");

  EXPECT_TRUE(elsewhere.Next().is_null()) << "a party of another room received this room's signalling";
}

TEST_F(SignallingServer, DropsWhatIsNotSignalling) {
  Browser employer(server_->port(), "/ws?room=1&seat=employer");
  Browser seeker(server_->port(), "/ws?room=1&seat=seeker");
  ASSERT_EQ(Type(employer.Next()), "ready");
  ASSERT_EQ(Type(seeker.Next()), "ready");
  employer.Send("not json");
  employer.Send(R"({"type":"ready","initiator":false})");  // only the hub says who offers
  employer.Send(R"(["offer"])");
  employer.Send(R"({"type":"candidate","candidate":"c1"})");
  boost::json::value first = seeker.Next();
  EXPECT_EQ(Type(first), "candidate") << boost::json::serialize(first);
}

TEST_F(SignallingServer, TheOtherSeatHearsWhenOneLeavesOrJoinsAgain) {
  Browser employer(server_->port(), "/ws?room=3&seat=employer");
  auto seeker = std::make_unique<Browser>(server_->port(), "/ws?room=3&seat=seeker");
  ASSERT_EQ(Type(employer.Next()), "ready");
  ASSERT_EQ(Type(seeker->Next()), "ready");

  Browser reloaded(server_->port(), "/ws?room=3&seat=seeker");  // the villager reloaded the page
  EXPECT_EQ(Type(seeker->Next()), "replaced");
  EXPECT_EQ(Type(employer.Next()), "ready");
  EXPECT_EQ(Type(reloaded.Next()), "ready");
  seeker.reset();  // the replaced connection going away does not empty the seat
  employer.Send(R"({"type":"bye"})");
  EXPECT_EQ(Type(reloaded.Next()), "bye");

  reloaded.Close();
  EXPECT_EQ(Type(employer.Next()), "peer-left");
}

TEST_F(SignallingServer, RefusedUpgradeAndPlainRequestGetHttpErrors) {
  Browser outsider(server_->port(), "/ws?room=3&seat=visitor");
  EXPECT_FALSE(outsider.connected());
  EXPECT_EQ(outsider.error(), websocket::error::upgrade_declined);

  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  tcp::resolver resolver(ioc);
  stream.connect(resolver.resolve("127.0.0.1", std::to_string(server_->port())));
  beast::http::request<beast::http::empty_body> req(beast::http::verb::get, "/ws?room=3&seat=seeker", 11);
  req.set(beast::http::field::host, "127.0.0.1");
  beast::http::write(stream, req);
  beast::flat_buffer buffer;
  beast::http::response<beast::http::string_body> res;
  beast::http::read(stream, buffer, res);
  EXPECT_EQ(res.result_int(), 426);
}

TEST_F(SignallingServer, AnOversizedMessageClosesTheConnection) {
  Browser employer(server_->port(), "/ws?room=4&seat=employer");
  ASSERT_TRUE(employer.connected());
  employer.Send(std::string(kWebSocketMessageLimit + 1, 'x'));
  EXPECT_TRUE(employer.Next().is_null());
  EXPECT_TRUE(employer.error() == websocket::error::closed || employer.error() == net::error::eof ||
              employer.error() == net::error::connection_reset)
      << employer.error().message();
}

// A binary frame closes its connection and frees the seat: the other side hears the peer left.
TEST_F(SignallingServer, ABinaryMessageClosesTheConnectionAndEmptiesItsSeat) {
  Browser employer(server_->port(), "/ws?room=5&seat=employer");
  Browser seeker(server_->port(), "/ws?room=5&seat=seeker");
  ASSERT_EQ(Type(employer.Next()), "ready");
  ASSERT_EQ(Type(seeker.Next()), "ready");
  seeker.SendBinary("\x01\x02");
  EXPECT_TRUE(seeker.Next().is_null());  // the server's close (the client answers it while reading)
  EXPECT_EQ(Type(employer.Next()), "peer-left");
}

TEST(RelayedSignal, StampsTheSenderAndRefusesOtherTypes) {
  std::optional<std::string> relayed = RelayedSignal(R"({"type":"media","video":false})", InterviewSeat::kSeeker);
  ASSERT_TRUE(relayed);
  boost::json::value v = boost::json::parse(*relayed);
  EXPECT_EQ(v.at("from"), "seeker");
  EXPECT_EQ(v.at("video"), false);
  // A sender cannot pose as the other seat: "from" is overwritten.
  relayed = RelayedSignal(R"({"type":"offer","from":"employer"})", InterviewSeat::kSeeker);
  ASSERT_TRUE(relayed);
  EXPECT_EQ(boost::json::parse(*relayed).at("from"), "seeker");
  EXPECT_FALSE(RelayedSignal(R"({"type":"peer-left"})", InterviewSeat::kSeeker));
  EXPECT_FALSE(RelayedSignal(R"({"type":7})", InterviewSeat::kSeeker));
  EXPECT_FALSE(RelayedSignal("[]", InterviewSeat::kSeeker));
}

}  // namespace
}  // namespace shanhai

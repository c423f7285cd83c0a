// The peer for http_bench.sh: the smallest Beast server with the same threading model
// as src/http/server.cc (one io_context and one SO_REUSEPORT acceptor per thread,
// async keep-alive sessions), answering every request with a fixed JSON body. Whatever
// our server costs beyond this is routing, request conversion, logging and the app.
//
//   bare_beast_server [port=8090] [threads=hardware_concurrency]
#include <sys/resource.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <thread>
#include <vector>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

constexpr std::string_view kBody = R"({"ok":true,"items":[]})";

class Session : public std::enable_shared_from_this<Session> {
 public:
  explicit Session(tcp::socket s) : stream_(std::move(s)) {}
  void Read() {
    req_ = {};
    stream_.expires_after(std::chrono::seconds(60));
    http::async_read(stream_, buffer_, req_, [self = shared_from_this()](beast::error_code ec, size_t) {
      if (ec) return self->Close();
      self->Write();
    });
  }

 private:
  void Write() {
    res_ = {};
    res_.version(req_.version());
    res_.result(http::status::ok);
    res_.set(http::field::server, "bare");
    res_.set(http::field::content_type, "application/json");
    res_.keep_alive(req_.keep_alive());
    res_.body() = kBody;
    res_.prepare_payload();
    http::async_write(stream_, res_, [self = shared_from_this()](beast::error_code ec, size_t) {
      if (ec || !self->res_.keep_alive()) return self->Close();
      self->Read();
    });
  }
  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> req_;
  http::response<http::string_body> res_;
};

void Accept(tcp::acceptor& acceptor) {
  acceptor.async_accept([&acceptor](beast::error_code ec, tcp::socket s) {
    if (ec == net::error::operation_aborted) return;
    if (!ec) {
      s.set_option(tcp::no_delay(true), ec);
      std::make_shared<Session>(std::move(s))->Read();
    }
    Accept(acceptor);
  });
}

}  // namespace

int main(int argc, char** argv) {
  unsigned short port = argc > 1 ? static_cast<unsigned short>(std::atoi(argv[1])) : 8090;
  int threads = argc > 2 ? std::atoi(argv[2]) : static_cast<int>(std::thread::hardware_concurrency());
  if (threads < 1) threads = 1;

  rlimit lim{};  // thousands of connections need more than the default 1,024 descriptors
  if (getrlimit(RLIMIT_NOFILE, &lim) == 0) {
    lim.rlim_cur = lim.rlim_max;
    setrlimit(RLIMIT_NOFILE, &lim);
  }

  std::vector<std::unique_ptr<net::io_context>> iocs;
  std::vector<std::unique_ptr<tcp::acceptor>> acceptors;
  tcp::endpoint ep(net::ip::make_address("127.0.0.1"), port);
  for (int i = 0; i < threads; ++i) {
    iocs.push_back(std::make_unique<net::io_context>(1));
    auto a = std::make_unique<tcp::acceptor>(*iocs.back());
    a->open(ep.protocol());
    a->set_option(net::socket_base::reuse_address(true));
    a->set_option(net::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>(true));
    beast::error_code ec;
    a->bind(ep, ec);
    if (ec) {
      std::fprintf(stderr, "bind 127.0.0.1:%u: %s\n", port, ec.message().c_str());
      return 1;
    }
    a->listen(net::socket_base::max_listen_connections);
    if (ep.port() == 0) ep.port(a->local_endpoint().port());
    Accept(*a);
    acceptors.push_back(std::move(a));
  }
  std::printf("bare_beast_server listening on 127.0.0.1:%u with %d threads\n", ep.port(), threads);
  std::fflush(stdout);

  net::signal_set signals(*iocs[0], SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code, int) {
    for (auto& ioc : iocs) ioc->stop();
  });
  std::vector<std::thread> workers;
  for (int i = 1; i < threads; ++i) workers.emplace_back([&ioc = *iocs[i]] { ioc.run(); });
  iocs[0]->run();
  for (auto& t : workers) t.join();
  return 0;
}

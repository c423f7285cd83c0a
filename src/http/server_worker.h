// Internal to the HTTP server (server.cc and websocket_session.h, the only users of Beast):
// what one worker thread owns and what it needs of each of its connections.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <memory>
#include <unordered_set>

#include "http/server.h"

namespace shanhai::server_detail {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// What the worker needs of a session of either kind (plain TCP or TLS).
class SessionBase {
 public:
  virtual ~SessionBase() = default;
  // Shutdown: a connection waiting for its next request closes now; one in the middle
  // of a request closes after sending its response.
  virtual void OnStopping() = 0;
};

// Everything one worker thread owns. Only that thread touches it, except through
// net::post, so nothing here needs a lock.
struct Worker {
  const ServerOptions* options = nullptr;
  const HttpApp* app = nullptr;
  net::ssl::context* tls = nullptr;  // set when serving HTTPS; shared, read-only once loaded
  std::unordered_set<SessionBase*> sessions;  // declared first: sessions die with the io_context below
  std::unique_ptr<net::io_context> ioc = std::make_unique<net::io_context>(1);
  std::unique_ptr<tcp::acceptor> acceptor;
  std::unique_ptr<net::steady_timer> timer;  // accept back-off, then the shutdown deadline
  bool stopping = false;

  ~Worker() {
    // Handlers still queued own sessions; they are destroyed with the io_context, and
    // their destructors must find no timer to touch.
    acceptor.reset();
    timer.reset();
    ioc.reset();
  }
  void SessionEnded(SessionBase* s) {
    sessions.erase(s);
    if (stopping && sessions.empty() && timer) timer->cancel();  // nothing left to wait for
  }
};

}  // namespace shanhai::server_detail

// The HTTP/1.1 server: Boost.Beast async sessions, one io_context and one SO_REUSEPORT
// acceptor per worker thread, so the kernel spreads connections across threads and a
// connection lives on one thread for its whole life. The app callback runs on that
// thread, so it may keep per-thread state (thread_local DB connections and the like).
// Beast stays inside server.cc; this header only uses plain types.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "http/http_types.h"

namespace shanhai {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0 = any free port (see HttpServer::port())
  int threads = 0;       // 0 = std::thread::hardware_concurrency()
  size_t header_limit = 16 * 1024;        // bytes of request line + headers → 431 beyond
  size_t body_limit = 64 * 1024 * 1024;   // bytes of body → 413 beyond
  size_t auth_body_limit = 8 * 1024;      // bytes of body under /api/v1/auth/ (logins) → 413 beyond
  std::chrono::seconds idle_timeout{60};  // waiting for (the headers of) the next request
  std::chrono::seconds read_timeout{30};  // reading a request body once headers arrived
  std::chrono::seconds shutdown_grace{10};  // Stop(): time in-flight requests get to finish
  bool access_log = true;                 // one JSON line per request to the log writer
  // HTTPS when both are set: PEM certificate chain and private key (TLS 1.2+ only).
  std::string tls_cert_file;
  std::string tls_key_file;
  // Proxies whose X-Forwarded-For is believed (canonical IPs, see http/client_address.h).
  std::vector<std::string> trusted_proxies;
};

using HttpApp = std::function<HttpResponse(HttpRequest&)>;

class HttpServer {
 public:
  // `app` is called once per complete request, on the worker thread owning the
  // connection, concurrently from different threads: it must be thread-safe. Its
  // exceptions become a logged 500 JSON error. It may set request.route_name (metrics
  // label) and request.user (access log).
  HttpServer(ServerOptions options, HttpApp app);
  ~HttpServer();  // stops and joins if still running
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Loads the TLS certificate and key if given, raises the open-files soft limit to the
  // hard limit, resolves host, and binds and listens on every worker's acceptor. Errors:
  // InvalidArgument naming the flag for a missing, unreadable, malformed or mismatched
  // certificate or key; Unavailable if the port is in use or cannot be bound (zh/en message
  // naming host:port); InvalidArgument for a bad host.
  // Call once, before Run().
  Status Start();

  // The bound port (the real one when options.port was 0). Valid after Start().
  uint16_t port() const { return port_; }

  // Serves on options.threads threads (the caller's is one of them) and blocks until
  // Stop() is called or the process gets SIGINT/SIGTERM; then finishes in-flight
  // requests (up to shutdown_grace), closes idle connections and returns.
  void Run();

  // Stops accepting and begins the graceful shutdown. Thread-safe, idempotent; may be
  // called before, during or after Run().
  void Stop();

  struct Impl;  // Beast/Asio state, defined in server.cc

 private:
  ServerOptions options_;
  HttpApp app_;
  uint16_t port_ = 0;
  std::unique_ptr<Impl> impl_;
};

}  // namespace shanhai

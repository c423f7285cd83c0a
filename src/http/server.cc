// The only translation unit that includes Beast (its headers cost ~16 s to compile).
#include "http/server.h"

#include <sys/resource.h>

#include <openssl/ssl.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <csignal>
#include <optional>
#include <thread>
#include <unordered_set>
#include <vector>

#include "http/access_log.h"
#include "http/client_address.h"
#include "http/metrics.h"
#include "http/security_headers.h"
#include "http/server_worker.h"
#include "http/websocket_session.h"

namespace shanhai {
namespace {

using namespace server_detail;

using Clock = std::chrono::steady_clock;

using ReusePort = net::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

// Bytes we are willing to read and discard after an error response, so the client
// sees our response instead of a reset caused by closing with unread data.
constexpr size_t kLingerDrainLimit = 1 << 20;
constexpr size_t kLingerChunk = 16 * 1024;
constexpr std::chrono::seconds kLingerTimeout{2};
constexpr std::chrono::milliseconds kAcceptRetryDelay{50};
// Requests under this path get ServerOptions::auth_body_limit instead of body_limit.
constexpr std::string_view kAuthPathPrefix = "/api/v1/auth/";
// Connections taken from the kernel's queue at once after an accept completes (see Accept).
constexpr int kAcceptBurst = 256;

HttpResponse InternalError() {
  return HttpResponse::Error(500, "internal", "服务器内部错误", "internal server error");
}

// The transport-level problem of a request's framing that Beast lets through, if any: a
// Transfer-Encoding other than exactly "chunked", or one together with a Content-Length
// (request smuggling between proxies relies on such disagreements).
std::optional<std::string_view> FramingProblem(const http::request_parser<http::string_body>& parser) {
  const auto& msg = parser.get();
  int encodings = 0;
  for (const auto& field : msg) {
    if (field.name() != http::field::transfer_encoding) continue;
    ++encodings;
    std::string_view v = field.value();
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    if (!beast::iequals(v, "chunked")) return "unsupported Transfer-Encoding";
  }
  if (encodings > 1) return "repeated Transfer-Encoding";
  if (encodings == 1 && msg.find(http::field::content_length) != msg.end())
    return "Transfer-Encoding together with Content-Length";
  return std::nullopt;
}

// One connection. Stream is beast::tcp_stream (HTTP) or TlsStream (HTTPS, handshake first).
template <class Stream>
class Session : public SessionBase, public std::enable_shared_from_this<Session<Stream>> {
 public:
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

  Session(tcp::socket socket, Worker& worker) : stream_(MakeStream(std::move(socket), worker)), worker_(worker) {
    beast::error_code ec;
    tcp::endpoint peer = socket_().remote_endpoint(ec);
    if (!ec) remote_ = peer.address().to_string();
  }
  ~Session() override { worker_.SessionEnded(this); }

  void Start() {
    worker_.sessions.insert(this);
    if constexpr (kTls) {
      lowest().expires_after(opts().read_timeout);
      stream_.async_handshake(net::ssl::stream_base::server, [self = shared()](beast::error_code ec) {
        if (ec) {
          CountHttpError("tls_handshake_failed");
          return self->Close();
        }
        self->ReadHeader();
      });
    } else {
      ReadHeader();
    }
  }

  void OnStopping() override {
    if (idle_) Close();
  }

 private:
  static Stream MakeStream(tcp::socket socket, Worker& worker) {
    if constexpr (kTls) {
      return Stream(std::move(socket), *worker.tls);
    } else {
      return Stream(std::move(socket));
    }
  }
  beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }
  tcp::socket& socket_() { return lowest().socket(); }
  auto shared() { return this->shared_from_this(); }

  const ServerOptions& opts() const { return *worker_.options; }

  void ReadHeader() {
    idle_ = true;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(std::min<size_t>(opts().header_limit, UINT32_MAX)));
    parser_->body_limit(opts().body_limit);
    lowest().expires_after(opts().idle_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared()](beast::error_code ec, size_t) { self->OnHeader(ec); });
  }

  void OnHeader(beast::error_code ec) {
    idle_ = false;
    if (ec) return OnReadError(ec);
    if (std::optional<std::string_view> problem = FramingProblem(*parser_)) {
      LogInfo("http_bad_framing", {{"problem", *problem}, {"remote", remote_}});
      return SendProtocolError(400, "bad_request", "请求的传输编码不正确", "malformed HTTP request framing");
    }
    if (parser_->is_done()) return Handle();
    // Login and password bodies are a few short fields: refuse big ones before reading them.
    // Routing decodes the path: so does this check, or "/api/v1/%61uth/login" would slip past it.
    if (DecodedTargetPath(std::string_view(parser_->get().target())).starts_with(kAuthPathPrefix)) {
      const auto declared = parser_->content_length();
      if (declared && *declared > opts().auth_body_limit) return OnReadError(http::error::body_limit);
      parser_->body_limit(std::min(opts().body_limit, opts().auth_body_limit));
    }
    auto expect = parser_->get()[http::field::expect];
    if (beast::iequals(expect, "100-continue")) {
      // Clients such as curl wait for this before sending a large upload.
      static const std::string kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      lowest().expires_after(opts().read_timeout);
      net::async_write(stream_, net::buffer(kContinue), [self = shared()](beast::error_code ec, size_t) {
        if (ec) return self->Close();
        self->ReadBody();
      });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    lowest().expires_after(opts().read_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared()](beast::error_code ec, size_t) {
                       if (ec) return self->OnReadError(ec);
                       self->Handle();
                     });
  }

  void OnReadError(beast::error_code ec) {
    if (ec == http::error::header_limit) {
      return SendProtocolError(431, "header_too_large", "请求头过大", "request headers too large");
    }
    if (ec == http::error::body_limit) {
      return SendProtocolError(413, "body_too_large", "请求体过大", "request body too large");
    }
    // Parse errors (other than a clean close between requests) get a 400; socket
    // errors, timeouts and shutdown cancellations just end the connection.
    const bool parse_error = ec.category() == beast::error_code(http::error::bad_target).category();
    if (parse_error && ec != http::error::end_of_stream && ec != http::error::partial_message) {
      return SendProtocolError(400, "bad_request", "请求格式不正确", "malformed HTTP request");
    }
    Close();
  }

  void Handle() {
    auto& msg = parser_->get();
    const Clock::time_point started = Clock::now();
    const bool keep_alive = msg.keep_alive();
    const bool head = msg.method() == http::verb::head;

    HttpRequest req;
    req.method = msg.method_string();
    std::vector<std::string_view> forwarded_for;
    for (auto [it, end] = msg.equal_range("X-Forwarded-For"); it != end; ++it) forwarded_for.push_back(it->value());
    req.remote_address = ClientAddress(remote_, forwarded_for, opts().trusted_proxies);
    HttpResponse res;
    Status target_status = req.SetTarget(std::string(msg.target()));
    if (!target_status.ok()) {
      res = HttpResponse::FromStatus(target_status);
    } else {
      for (const auto& field : msg) req.headers.Add(std::string(field.name_string()), std::string(field.value()));
      req.body = std::move(msg.body());
      res = CallApp(req);
      if (res.websocket && !websocket::is_upgrade(msg))
        res = HttpResponse::Error(426, "upgrade_required", "此地址只接受 WebSocket 连接", "this address takes WebSocket connections only");
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    ObserveHttpRequest(req.route_name, req.method, res.status, seconds);
    if (opts().access_log) {
      LogAccess({req.method, req.path, &req.query, res.status, seconds * 1000, res.body.size(), req.remote_address,
                 req.user});
    }
    if (res.websocket) return HandOverToWebSocket(std::move(res.websocket));
    AddSecurityHeaders(res, target_status.ok() ? std::string_view(req.path) : std::string_view(), kTls);
    Write(std::move(res), keep_alive, head, msg.version());
  }

  // The app accepted an upgrade: the connection becomes a WebSocketSession, and this session,
  // left with no pending operation, ends.
  void HandOverToWebSocket(std::shared_ptr<WebSocketHandler> handler) {
    auto ws = std::make_shared<WebSocketSession<Stream>>(std::move(stream_), worker_, std::move(handler));
    ws->Accept(parser_->release());
  }

  HttpResponse CallApp(HttpRequest& req) {
    std::string what = "unknown exception";  // a copy: the exception dies with its catch block
    try {
      return (*worker_.app)(req);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    CountHttpError("handler_exception");
    LogError("http_handler_exception", {{"method", req.method}, {"path", req.path}, {"what", what}});
    return InternalError();
  }

  void Write(HttpResponse res, bool keep_alive, bool head, unsigned version) {
    res_ = {};
    res_.version(version);
    res_.result(static_cast<unsigned>(res.status));
    res_.set(http::field::server, "shanhai");
    if (!res.content_type.empty()) res_.set(http::field::content_type, res.content_type);
    for (auto& [name, value] : res.headers) res_.insert(name, value);
    res_.keep_alive(keep_alive && !worker_.stopping);
    const bool no_body_status = res.status < 200 || res.status == 204 || res.status == 304;
    if (no_body_status) {
      // No Content-Length either: on a 304 it would describe the cached body.
    } else if (head) {
      res_.content_length(res.body.size());  // what a GET would send; no bytes follow
    } else {
      res_.body() = std::move(res.body);
      res_.prepare_payload();
    }
    lowest().expires_after(opts().read_timeout);
    http::async_write(stream_, res_, [self = shared()](beast::error_code ec, size_t) {
      if (ec) return self->Close();
      // Shutdown may have begun while this response was in flight, after its
      // keep-alive was decided; the connection is not idle yet, so close it here.
      if (!self->res_.keep_alive() || self->worker_.stopping) return self->Close();
      self->ReadHeader();  // the buffer may already hold a pipelined request
    });
  }

  void SendProtocolError(int status, std::string_view code, std::string_view zh, std::string_view en) {
    CountHttpError(code);
    LogInfo("http_protocol_error", {{"code", code}, {"status", status}, {"remote", remote_}});
    HttpResponse res = HttpResponse::Error(status, code, zh, en);
    AddSecurityHeaders(res, "", kTls);
    res_ = {};
    res_.version(11);
    res_.result(static_cast<unsigned>(status));
    res_.set(http::field::server, "shanhai");
    res_.set(http::field::content_type, res.content_type);
    for (auto& [name, value] : res.headers) res_.insert(name, value);
    res_.keep_alive(false);
    res_.body() = std::move(res.body);
    res_.prepare_payload();
    lowest().expires_after(opts().read_timeout);
    http::async_write(stream_, res_, [self = shared()](beast::error_code ec, size_t) {
      if (ec) return self->Close();
      self->Linger();
    });
  }

  // Half-close, then drain what the client is still sending (bounded in bytes and
  // time) before closing, so the error response is not lost to a TCP reset.
  void Linger() {
    beast::error_code ec;
    if constexpr (kTls) return Close();  // no half-close under TLS: the record layer owns the socket
    socket_().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return Close();
    lowest().expires_after(kLingerTimeout);
    DrainSome();
  }

  void DrainSome() {
    buffer_.clear();  // reuse the session's buffer rather than carry a drain buffer in every session
    stream_.async_read_some(buffer_.prepare(kLingerChunk), [self = shared()](beast::error_code ec, size_t n) {
      self->drained_ += n;
      if (ec || self->drained_ >= kLingerDrainLimit) return self->Close();
      self->DrainSome();
    });
  }

  void Close() {
    beast::error_code ec;
    socket_().shutdown(tcp::socket::shutdown_both, ec);
    socket_().close(ec);
  }

  Stream stream_;
  Worker& worker_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> res_;
  std::string remote_;
  bool idle_ = true;
  size_t drained_ = 0;
};

void StartSession(Worker& w, tcp::socket socket) {
  beast::error_code ignored;
  socket.set_option(tcp::no_delay(true), ignored);
  if (w.tls)
    std::make_shared<Session<TlsStream>>(std::move(socket), w)->Start();
  else
    std::make_shared<Session<beast::tcp_stream>>(std::move(socket), w)->Start();
}

// Takes up to kAcceptBurst connections already waiting in the kernel's accept queue, without
// blocking (the acceptor is non-blocking). One async_accept completes once per pass over the
// thread's ready handlers, so with many busy connections new ones would otherwise wait that many
// passes each: under 2,000 connections their first requests waited past clients' timeouts.
void AcceptQueued(Worker& w) {
  for (int i = 0; i < kAcceptBurst; ++i) {
    beast::error_code ec;
    tcp::socket socket(*w.ioc);
    w.acceptor->accept(socket, ec);
    if (ec) return;  // would_block: the queue is empty; real errors are left to the next async_accept
    StartSession(w, std::move(socket));
  }
}

void Accept(Worker& w) {
  w.acceptor->async_accept([&w](beast::error_code ec, tcp::socket socket) {
    if (w.stopping) return;
    if (ec) {
      if (ec == net::error::operation_aborted) return;
      // Typically EMFILE under overload: back off briefly instead of spinning.
      CountHttpError("accept_failed");
      LogError("http_accept_failed", {{"error", ec.message()}});
      w.timer->expires_after(kAcceptRetryDelay);
      w.timer->async_wait([&w](beast::error_code) {
        if (!w.stopping) Accept(w);
      });
      return;
    }
    StartSession(w, std::move(socket));
    AcceptQueued(w);
    Accept(w);
  });
}

// Runs on the worker's thread.
void BeginShutdown(Worker& w) {
  if (w.stopping) return;
  w.stopping = true;
  beast::error_code ec;
  w.acceptor->close(ec);
  w.timer->cancel();
  std::vector<SessionBase*> current(w.sessions.begin(), w.sessions.end());
  for (SessionBase* s : current) s->OnStopping();
  if (w.sessions.empty()) return;
  w.timer->expires_after(w.options->shutdown_grace);
  w.timer->async_wait([&w](beast::error_code ec) {
    if (ec != net::error::operation_aborted) w.ioc->stop();  // grace over: drop what is left
  });
}

void RaiseOpenFileLimit() {
  rlimit lim{};
  if (getrlimit(RLIMIT_NOFILE, &lim) != 0 || lim.rlim_cur >= lim.rlim_max) return;
  rlim_t wanted = lim.rlim_max;
  lim.rlim_cur = wanted;
  if (setrlimit(RLIMIT_NOFILE, &lim) != 0) LogError("raise_nofile_failed", {{"wanted", static_cast<int64_t>(wanted)}});
}

Status BindError(const std::string& host, uint16_t port, const beast::error_code& ec) {
  std::string where = host + ":" + std::to_string(port);
  if (ec == net::error::address_in_use) {
    return Status::Unavailable("端口已被占用：" + where, "address already in use: " + where);
  }
  return Status::Unavailable("无法监听 " + where + "：" + ec.message(), "cannot listen on " + where + ": " + ec.message());
}

// Why a certificate or key file cannot be used, before OpenSSL gives its terser reason.
Status CheckReadable(const std::string& path, const char* flag) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return Status::InvalidArgument(std::string(flag) + " 文件不存在：" + path, std::string(flag) + ": no such file: " + path);
  std::ifstream in(path);
  if (!in) return Status::InvalidArgument(std::string(flag) + " 文件无法读取（权限？）：" + path,
                                          std::string(flag) + ": cannot read " + path + " (permissions?)");
  return Status::Ok();
}

// TLS 1.2 and 1.3 only; for 1.2 only forward-secret AEAD suites (1.3 has nothing weaker).
constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
    "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

Result<std::unique_ptr<net::ssl::context>> LoadTlsContext(const ServerOptions& o) {
  SH_RETURN_IF_ERROR(CheckReadable(o.tls_cert_file, "--tls-cert"));
  SH_RETURN_IF_ERROR(CheckReadable(o.tls_key_file, "--tls-key"));
  auto ctx = std::make_unique<net::ssl::context>(net::ssl::context::tls_server);
  ctx->set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
                   net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 | net::ssl::context::no_tlsv1_1 |
                   net::ssl::context::single_dh_use);
  SSL_CTX* native = ctx->native_handle();
  SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
  SSL_CTX_set_options(native, SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION);
  if (SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1) return Status::Internal("no usable TLS 1.2 cipher suites");
  beast::error_code ec;
  ctx->use_certificate_chain_file(o.tls_cert_file, ec);
  if (ec)
    return Status::InvalidArgument("--tls-cert 不是 PEM 证书：" + o.tls_cert_file + "（" + ec.message() + "）",
                                   "--tls-cert is not a PEM certificate: " + o.tls_cert_file + " (" + ec.message() + ")");
  ctx->use_private_key_file(o.tls_key_file, net::ssl::context::pem, ec);
  if (ec)
    return Status::InvalidArgument("--tls-key 不是与证书匹配的 PEM 私钥：" + o.tls_key_file + "（" + ec.message() + "）",
                                   "--tls-key is not a PEM private key matching the certificate: " + o.tls_key_file +
                                       " (" + ec.message() + ")");
  if (SSL_CTX_check_private_key(native) != 1)
    return Status::InvalidArgument("--tls-key 与 --tls-cert 的证书不匹配", "--tls-key does not match the --tls-cert certificate");
  return ctx;
}

}  // namespace

struct HttpServer::Impl {
  std::unique_ptr<net::ssl::context> tls;
  std::vector<std::unique_ptr<Worker>> workers;
  std::unique_ptr<net::signal_set> signals;  // on worker 0
  std::atomic<bool> stop_requested{false};
};

HttpServer::HttpServer(ServerOptions options, HttpApp app)
    : options_(std::move(options)), app_(std::move(app)), impl_(std::make_unique<Impl>()) {}

HttpServer::~HttpServer() { Stop(); }

Status HttpServer::Start() {
  RaiseOpenFileLimit();
  int threads = options_.threads > 0 ? options_.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::max(threads, 1);

  if (options_.tls_cert_file.empty() != options_.tls_key_file.empty())
    return Status::InvalidArgument("--tls-cert 与 --tls-key 须同时给出", "--tls-cert and --tls-key go together");
  if (!options_.tls_cert_file.empty()) {
    SH_ASSIGN_OR_RETURN(impl_->tls, LoadTlsContext(options_));
  }

  beast::error_code ec;
  net::ip::address address = net::ip::make_address(options_.host == "localhost" ? "127.0.0.1" : options_.host, ec);
  if (ec) {
    return Status::InvalidArgument("监听地址不是有效的 IP 地址：" + options_.host,
                                   "listen host is not a valid IP address: " + options_.host);
  }

  // SO_REUSEPORT lets our workers share the port, but it would also let us silently
  // share it with another process of the same user that set it too (say, a second
  // Shanhai). A plain bind first detects any listener already there.
  if (options_.port != 0) {
    net::io_context probe_ioc;
    tcp::acceptor probe(probe_ioc);
    tcp::endpoint ep(address, options_.port);
    probe.open(ep.protocol(), ec);
    if (!ec) probe.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) probe.bind(ep, ec);
    if (ec) return BindError(options_.host, options_.port, ec);
  }

  uint16_t port = options_.port;
  for (int i = 0; i < threads; ++i) {
    auto w = std::make_unique<Worker>();
    w->options = &options_;
    w->app = &app_;
    w->tls = impl_->tls.get();
    w->acceptor = std::make_unique<tcp::acceptor>(*w->ioc);
    w->timer = std::make_unique<net::steady_timer>(*w->ioc);
    tcp::endpoint ep(address, port);
    w->acceptor->open(ep.protocol(), ec);
    if (!ec) w->acceptor->set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) w->acceptor->set_option(ReusePort(true), ec);
    if (!ec) w->acceptor->bind(ep, ec);
    if (!ec) w->acceptor->listen(net::socket_base::max_listen_connections, ec);
    if (!ec) w->acceptor->non_blocking(true, ec);  // for AcceptQueued
    if (ec) {
      impl_->workers.clear();
      return BindError(options_.host, port, ec);
    }
    if (port == 0) port = w->acceptor->local_endpoint().port();  // the others join this one
    impl_->workers.push_back(std::move(w));
  }
  port_ = port;
  for (auto& w : impl_->workers) Accept(*w);
  LogInfo("http_server_listening",
          {{"host", options_.host}, {"port", port_}, {"threads", threads}, {"tls", impl_->tls != nullptr}});
  return Status::Ok();
}

void HttpServer::Run() {
  auto& workers = impl_->workers;
  if (workers.empty()) return;
  Worker& first = *workers[0];
  impl_->signals = std::make_unique<net::signal_set>(*first.ioc, SIGINT, SIGTERM);
  impl_->signals->async_wait([this](beast::error_code ec, int signal) {
    if (ec) return;
    LogInfo("http_server_signal", {{"signal", signal}});
    Stop();
  });

  auto run = [](Worker& w) {
    // A throwing handler would be a bug in this file (the app's exceptions are caught);
    // log it and keep the worker serving rather than losing its connections.
    while (true) {
      try {
        w.ioc->run();
        return;
      } catch (const std::exception& e) {
        LogError("http_worker_exception", {{"what", e.what()}});
      }
    }
  };
  std::vector<std::thread> threads;
  for (size_t i = 1; i < workers.size(); ++i) threads.emplace_back(run, std::ref(*workers[i]));
  run(first);
  for (std::thread& t : threads) t.join();
  LogInfo("http_server_stopped", {{"port", port_}});
}

void HttpServer::Stop() {
  if (impl_->stop_requested.exchange(true)) return;
  for (size_t i = 0; i < impl_->workers.size(); ++i) {
    Worker& w = *impl_->workers[i];
    net::post(*w.ioc, [this, &w, i] {
      if (i == 0 && impl_->signals) impl_->signals->cancel();
      BeginShutdown(w);
    });
  }
}

}  // namespace shanhai

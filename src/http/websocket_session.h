// Internal to the HTTP server: one WebSocket connection, taken over from an HTTP session whose
// request the app answered with Reply::WebSocket. Reads text messages into the app's
// WebSocketHandler and writes what the app Sends, in order, one write at a time (Beast allows
// no more). Lives on its worker's thread; Send/Close from other threads are posted there.
#pragma once

#include <boost/asio/post.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <deque>
#include <memory>
#include <string>

#include "http/server_worker.h"
#include "http/websocket.h"

namespace shanhai::server_detail {

namespace websocket = beast::websocket;

// Stream: beast::tcp_stream (HTTP) or TlsStream (HTTPS), already past the HTTP request.
template <class Stream>
class WebSocketSession : public SessionBase,
                         public WebSocketPeer,
                         public std::enable_shared_from_this<WebSocketSession<Stream>> {
 public:
  WebSocketSession(Stream stream, Worker& worker, std::shared_ptr<WebSocketHandler> handler)
      : ws_(std::move(stream)), worker_(worker), handler_(std::move(handler)) {}
  ~WebSocketSession() override { worker_.SessionEnded(this); }

  // Completes the handshake of `upgrade` (the request that asked for it), then starts reading.
  void Accept(http::request<http::string_body> upgrade) {
    worker_.sessions.insert(this);
    beast::get_lowest_layer(ws_).expires_never();  // the websocket's own timeouts take over
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));  // pings idle peers
    ws_.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& res) { res.set(http::field::server, "shanhai"); }));
    ws_.read_message_max(kWebSocketMessageLimit);
    ws_.async_accept(upgrade, [self = this->shared_from_this()](beast::error_code ec) {
      if (ec) return self->Ended();
      self->open_ = true;
      self->handler_->OnOpen(self);
      self->Read();
    });
  }

  void Send(std::string text) override {
    net::post(ws_.get_executor(), [self = this->shared_from_this(), text = std::move(text)]() mutable {
      if (!self->open_ || self->closing_) return;
      // A peer that stops reading (a phone gone quiet) is closed rather than queued for without end.
      if (self->queued_bytes_ + text.size() > kWebSocketQueueLimit) return self->BeginClose("peer not reading");
      self->queued_bytes_ += text.size();
      self->outbox_.push_back(std::move(text));
      if (self->outbox_.size() == 1) self->WriteNext();
    });
  }

  void Close(std::string reason) override {
    net::post(ws_.get_executor(), [self = this->shared_from_this(), reason = std::move(reason)]() mutable {
      self->BeginClose(std::move(reason));
    });
  }

  void OnStopping() override { BeginClose("server shutting down"); }

 private:
  void Read() {
    ws_.async_read(buffer_, [self = this->shared_from_this()](beast::error_code ec, size_t) {
      if (ec) return self->Ended();
      if (!self->ws_.got_text()) {  // keep reading: the read then ends with the peer's close
        self->buffer_.consume(self->buffer_.size());
        self->BeginClose("text messages only");
        return self->Read();
      }
      std::string text = beast::buffers_to_string(self->buffer_.data());
      self->buffer_.consume(self->buffer_.size());
      if (self->handler_) self->handler_->OnText(std::move(text));
      self->Read();
    });
  }

  void WriteNext() {
    ws_.text(true);
    ws_.async_write(net::buffer(outbox_.front()), [self = this->shared_from_this()](beast::error_code ec, size_t) {
      if (ec) return self->Ended();
      self->queued_bytes_ -= self->outbox_.front().size();
      self->outbox_.pop_front();
      if (!self->outbox_.empty()) return self->WriteNext();
      if (self->closing_) self->SendClose();
    });
  }

  void BeginClose(std::string reason) {
    if (!open_ || closing_) return;
    closing_ = true;
    close_reason_ = std::move(reason);
    close_reason_.resize(std::min<size_t>(close_reason_.size(), 120));  // a close frame holds 123 bytes
    if (outbox_.empty()) SendClose();
  }

  void SendClose() {
    ws_.async_close(websocket::close_reason(websocket::close_code::normal, close_reason_),
                    [self = this->shared_from_this()](beast::error_code) {});  // the read then ends
  }

  // The connection is over (or its handshake failed): an app that heard OnOpen hears OnClosed,
  // once, and lets go of this session (its peer).
  void Ended() {
    const bool was_open = open_;
    open_ = false;
    std::shared_ptr<WebSocketHandler> handler = std::move(handler_);
    if (handler && was_open) handler->OnClosed();
  }

  websocket::stream<Stream> ws_;
  Worker& worker_;
  std::shared_ptr<WebSocketHandler> handler_;  // reset when the connection ends (it holds this as its peer)
  beast::flat_buffer buffer_;
  size_t queued_bytes_ = 0;  // of outbox_
  std::deque<std::string> outbox_;
  std::string close_reason_;
  bool open_ = false;
  bool closing_ = false;
};

}  // namespace shanhai::server_detail

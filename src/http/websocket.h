// WebSocket connections as the application sees them, in plain types (no Beast): a handler
// answers an upgrade request with Reply::WebSocket(handler); the server then completes the
// handshake and hands the connection to that handler. Text messages only.
#pragma once

#include <memory>
#include <string>

namespace shanhai {

// The server's side of one open connection. Thread-safe: Send and Close may be called from any
// thread (they are queued onto the connection's own thread); after the connection closed they do
// nothing.
class WebSocketPeer {
 public:
  virtual ~WebSocketPeer() = default;
  // Queues one text message; messages go out in the order queued.
  virtual void Send(std::string text) = 0;
  // Sends a close frame with `reason` (≤ 120 bytes) after the queued messages, then closes.
  virtual void Close(std::string reason) = 0;
};

// The application's side. The server calls these on the connection's thread, one at a time:
// OnOpen once after the handshake, OnText for each complete message, OnClosed once at the end
// (also when the handshake failed after OnOpen was never called: then not at all).
class WebSocketHandler {
 public:
  virtual ~WebSocketHandler() = default;
  virtual void OnOpen(std::shared_ptr<WebSocketPeer> peer) = 0;
  virtual void OnText(std::string text) = 0;
  virtual void OnClosed() = 0;
};

// Bytes a single incoming message may have; a longer one closes the connection (1009).
inline constexpr size_t kWebSocketMessageLimit = 64 * 1024;
// The most a connection queues for a peer that is slow to read (bytes); past it the connection closes.
inline constexpr size_t kWebSocketQueueLimit = 1024 * 1024;

}  // namespace shanhai

// The SMS gateway's transport, through which GatewayRelay posts what senders queued (callers
// never send through it directly: it blocks on the network). Each message is POSTed as JSON
// {"mobile", "text", "purpose"} to the gateway's HTTP endpoint (`--sms-gateway
// http://host:port/path`), with "Authorization: Bearer <token>" when a token is configured
// (--sms-gateway-token-file). Any 2xx answer means accepted. Plain http only: a gateway on the
// same network or behind a local TLS-terminating proxy. One request per message, on its own
// connection, within a timeout.
#pragma once

#include <chrono>
#include <string>

#include "domain/messages/message_sender.h"

namespace shanhai {

struct GatewayOptions {
  std::string url;    // "http://host[:port]/path"; "" = no gateway (the outbox is used)
  std::string token;  // bearer token, "" = none; never logged
  std::chrono::milliseconds timeout{5000};  // connect, send and answer together
};

// Ok if options.url is an http URL with a host. InvalidArgument (zh/en) naming what is wrong
// otherwise (serve checks it at start-up). Pure.
Status CheckGatewayUrl(const std::string& url);

class HttpGatewaySender : public MessageSender {
 public:
  explicit HttpGatewaySender(GatewayOptions options) : options_(std::move(options)) {}
  // Blocks for at most the timeout. Errors: Unavailable naming the gateway's host and why (cannot
  // connect, timed out, HTTP status, bad URL); never the message's text or number.
  // Thread-safe (no shared state).
  Status Send(const OutgoingMessage& message) override;

 private:
  GatewayOptions options_;
};

}  // namespace shanhai

// The SMS gateway flags of the commands that send text messages (serve, notify): --sms-gateway,
// --sms-gateway-token-file, --sms-gateway-timeout-ms, and the GatewayOptions they make.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "domain/messages/http_gateway_sender.h"

namespace shanhai::cli {

struct SmsGatewayFlags {
  std::string url, token_file;
  int timeout_ms = 5000;
};

void AddSmsGatewayFlags(CLI::App& cmd, SmsGatewayFlags& flags);

// The gateway of the flags: its URL checked, its token read from the file (first line, trailing
// blanks dropped); no URL = none (the outbox). Errors name the flag.
Result<GatewayOptions> GatewayOf(const SmsGatewayFlags& flags);

}  // namespace shanhai::cli

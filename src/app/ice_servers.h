// The ICE servers (STUN/TURN) the browsers of a remote interview use to reach each other across
// real networks, as `serve --ice-server URL … [--turn-secret-file F]` sets them. With none the
// browsers connect directly, which works on one LAN and on loopback only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace shanhai {

struct IceServers {
  std::vector<std::string> stun_urls;  // stun:host:port, stuns:…
  std::vector<std::string> turn_urls;  // turn:host:port?transport=udp, turns:…
  std::string turn_secret;             // coturn's static-auth-secret; required when turn_urls is not empty
  int64_t credential_seconds = 4 * 60 * 60;  // lifetime of the TURN credentials handed to a party
};

// Sorts `urls` into STUN and TURN by scheme and reads the secret file (its first line, trimmed).
// Errors (InvalidArgument, zh/en, naming the flag and value): a URL of another scheme or with
// spaces, TURN URLs without a secret file, an unreadable or empty secret file, a secret file
// without TURN URLs.
Result<IceServers> ParseIceServers(const std::vector<std::string>& urls, const std::string& turn_secret_file);

}  // namespace shanhai

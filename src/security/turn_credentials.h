// Time-limited TURN credentials as coturn checks them with `use-auth-secret` /
// `static-auth-secret` (the "TURN REST API" scheme): username "<expiry unix seconds>:<user>",
// password base64(HMAC-SHA1(secret, username)). The server hands these to the two parties of an
// interview; the TURN server verifies them with the shared secret, so no per-user accounts exist
// on it and a leaked credential dies at its expiry.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace shanhai {

struct TurnCredentials {
  std::string username;
  std::string credential;
};

// user: any label without ':' (a colon in it is replaced by '_'). Pure; thread-safe.
TurnCredentials MakeTurnCredentials(std::string_view secret, std::string_view user, int64_t expires_unix);

}  // namespace shanhai

// libsodium set-up and the byte encodings the security module shares (hex, base64).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace shanhai {

// Initialises libsodium once per process; every other call here and in src/security does this
// itself, so callers never need to. Thread-safe. Aborts if libsodium cannot initialise (no
// usable randomness source): nothing secure can be done then.
void EnsureSodium();

// Lower-case hex of bytes. Pure; thread-safe.
std::string ToHex(std::string_view bytes);

// base64 of bytes; url_safe selects the RFC 4648 §5 alphabet without padding, otherwise the
// standard alphabet with padding. Pure; thread-safe.
std::string ToBase64(std::string_view bytes, bool url_safe);

// The bytes of standard (padded) or URL-safe (unpadded) base64 text, as chosen by url_safe;
// nullopt if text is not valid in that variant. Pure; thread-safe.
std::optional<std::string> FromBase64(std::string_view text, bool url_safe);

// The bytes of hex text (either case); nullopt if text is not an even-length hex string.
std::optional<std::string> FromHex(std::string_view text);

}  // namespace shanhai

// Password storage (Argon2id through libsodium's crypto_pwhash_str, interactive limits:
// about 60 ms and 64 MiB per hash on our machines) and the password policy.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace shanhai {

// Limits of CheckPasswordPolicy, in characters (code points).
inline constexpr size_t kMinPasswordChars = 10;
inline constexpr size_t kMaxPasswordChars = 128;

// A self-describing Argon2id hash string ("$argon2id$v=19$m=...") with a random salt, to store.
// Errors: Internal if the hash cannot be computed (out of memory). Thread-safe; CPU- and
// memory-heavy on purpose: do not call on a latency-critical thread more than needed.
Result<std::string> HashPassword(std::string_view password);

// True if password matches stored_hash (a HashPassword result). False for a wrong password and
// for a malformed hash. Takes as long as HashPassword. Thread-safe.
bool VerifyPassword(std::string_view stored_hash, std::string_view password);

// True if stored_hash was made with other parameters than HashPassword uses now (or is not a
// valid hash): re-hash the password after the next successful login. Thread-safe; cheap.
bool PasswordNeedsRehash(std::string_view stored_hash);

// Ok if password has kMinPasswordChars..kMaxPasswordChars characters, at least three of the
// four classes lower-case ASCII letters, upper-case ASCII letters, digits, and symbols (other
// ASCII including space, and any non-ASCII character such as Chinese), and does not contain
// user_name (compared ignoring ASCII case; names shorter than 3 characters are not checked).
// Errors: InvalidArgument whose zh/en message names the rule broken (field "password").
// Pure; thread-safe. Reuse of earlier passwords is checked by the account service.
Status CheckPasswordPolicy(std::string_view password, std::string_view user_name = {});

}  // namespace shanhai

// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) as authenticator apps use them:
// HMAC-SHA-1 (OpenSSL; libsodium has no SHA-1), 30-second steps counted from the Unix epoch,
// 6 digits. Secrets are raw bytes here; Base32 (RFC 4648, no padding) is only for showing them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace shanhai {

inline constexpr int64_t kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;
inline constexpr size_t kTotpSecretBytes = 20;  // 160 bits, as RFC 4226 recommends

// The step number of a Unix time: floor(unix_seconds / 30). Pure.
int64_t TotpStep(int64_t unix_seconds);

// The HOTP value of secret at counter `step`, as `digits` decimal digits with leading zeros
// (RFC 4226 §5.3 dynamic truncation). digits is 6..8. Pure; thread-safe.
std::string TotpCode(std::string_view secret, int64_t step, int digits = kTotpDigits);

// The step of the code that matches: one of the steps of unix_seconds, the one before and the
// one after (±1 step for clock drift), and only if it is later than last_used_step (a code is
// never accepted twice, nor an older one after a newer). nullopt if none matches or code is not
// six digits. Compares in constant time. Thread-safe.
std::optional<int64_t> MatchTotp(std::string_view secret, std::string_view code, int64_t unix_seconds,
                                 int64_t last_used_step);

// kTotpSecretBytes random bytes from libsodium's CSPRNG. Thread-safe.
std::string NewTotpSecret();

// RFC 4648 Base32 of bytes, upper case, without '=' padding (what otpauth:// URIs carry).
std::string Base32Encode(std::string_view bytes);
// The bytes of a Base32 text (case, spaces and padding ignored). Errors: InvalidArgument for a
// character outside A–Z, 2–7.
Result<std::string> Base32Decode(std::string_view text);

// "otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=ISSUER&algorithm=SHA1&digits=6&period=30",
// issuer and account percent-encoded (Key URI Format of Google Authenticator). Pure.
std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view secret);

}  // namespace shanhai

#include "security/totp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <array>

#include "security/sodium_util.h"
#include "security/tokens.h"

namespace shanhai {
namespace {

constexpr char kBase32Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string PercentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                       c == '.' || c == '_' || c == '~';
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

int64_t TotpStep(int64_t unix_seconds) {
  return unix_seconds >= 0 ? unix_seconds / kTotpStepSeconds : (unix_seconds - kTotpStepSeconds + 1) / kTotpStepSeconds;
}

std::string TotpCode(std::string_view secret, int64_t step, int digits) {
  std::array<unsigned char, 8> counter{};
  for (int i = 7; i >= 0; --i) {
    counter[static_cast<size_t>(i)] = static_cast<unsigned char>(step & 0xff);
    step >>= 8;
  }
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), counter.data(), counter.size(), mac, &mac_len);
  const unsigned offset = mac[mac_len - 1] & 0x0f;
  const uint32_t binary = (static_cast<uint32_t>(mac[offset] & 0x7f) << 24) | (static_cast<uint32_t>(mac[offset + 1]) << 16) |
                          (static_cast<uint32_t>(mac[offset + 2]) << 8) | static_cast<uint32_t>(mac[offset + 3]);
  uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  std::string code = std::to_string(binary % modulus);
  return std::string(static_cast<size_t>(digits) - code.size(), '0') + code;
}

std::optional<int64_t> MatchTotp(std::string_view secret, std::string_view code, int64_t unix_seconds,
                                 int64_t last_used_step) {
  if (code.size() != static_cast<size_t>(kTotpDigits)) return std::nullopt;
  for (char c : code)
    if (c < '0' || c > '9') return std::nullopt;
  const int64_t now = TotpStep(unix_seconds);
  std::optional<int64_t> matched;
  for (int64_t step = now - 1; step <= now + 1; ++step) {
    // Every candidate is computed and compared, so the time taken does not tell which matched.
    const bool equal = ConstantTimeEquals(TotpCode(secret, step), code);
    if (equal && step > last_used_step && !matched) matched = step;
  }
  return matched;
}

std::string NewTotpSecret() {
  EnsureSodium();
  std::string secret(kTotpSecretBytes, '\0');
  randombytes_buf(secret.data(), secret.size());
  return secret;
}

std::string Base32Encode(std::string_view bytes) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out += kBase32Alphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kBase32Alphabet[(buffer << (5 - bits)) & 31];
  return out;
}

Result<std::string> Base32Decode(std::string_view text) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char raw : text) {
    if (raw == ' ' || raw == '=' || raw == '-') continue;
    const char c = (raw >= 'a' && raw <= 'z') ? static_cast<char>(raw - 'a' + 'A') : raw;
    int value;
    if (c >= 'A' && c <= 'Z') {
      value = c - 'A';
    } else if (c >= '2' && c <= '7') {
      value = c - '2' + 26;
    } else {
      return Status::InvalidArgument("密钥不是 Base32 文本", "the secret is not Base32 text");
    }
    buffer = (buffer << 5) | static_cast<uint32_t>(value);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return out;
}

std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view secret) {
  const std::string i = PercentEncode(issuer);
  return "otpauth://totp/" + i + ":" + PercentEncode(account) + "?secret=" + Base32Encode(secret) + "&issuer=" + i +
         "&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) + "&period=" + std::to_string(kTotpStepSeconds);
}

}  // namespace shanhai

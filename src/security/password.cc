#include "security/password.h"

#include <sodium.h>

#include "security/sodium_util.h"

namespace shanhai {
namespace {

constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  EnsureSodium();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), kOpsLimit, kMemLimit) != 0) {
    return Status::Internal("password hashing failed (out of memory)");
  }
  return std::string(hash);
}

bool VerifyPassword(std::string_view stored_hash, std::string_view password) {
  EnsureSodium();
  // libsodium wants a NUL-terminated hash; an embedded NUL would silently shorten it.
  if (stored_hash.size() >= crypto_pwhash_STRBYTES ||
      stored_hash.find('\0') != std::string_view::npos) {
    return false;
  }
  const std::string hash(stored_hash);
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool PasswordNeedsRehash(std::string_view stored_hash) {
  EnsureSodium();
  if (stored_hash.size() >= crypto_pwhash_STRBYTES ||
      stored_hash.find('\0') != std::string_view::npos) {
    return true;
  }
  const std::string hash(stored_hash);
  return crypto_pwhash_str_needs_rehash(hash.c_str(), kOpsLimit, kMemLimit) != 0;
}

Status CheckPasswordPolicy(std::string_view password) {
  size_t chars = 0;
  bool letter = false, digit = false, symbol = false;
  for (unsigned char c : password) {
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte: same character
    ++chars;
    if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      letter = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else {
      symbol = true;
    }
  }
  if (chars < kMinPasswordChars) {
    return Status::InvalidArgument(
        "密码太短：至少需要 " + std::to_string(kMinPasswordChars) + " 个字符",
        "password too short: at least " + std::to_string(kMinPasswordChars) + " characters");
  }
  if (chars > kMaxPasswordChars) {
    return Status::InvalidArgument(
        "密码太长：最多 " + std::to_string(kMaxPasswordChars) + " 个字符",
        "password too long: at most " + std::to_string(kMaxPasswordChars) + " characters");
  }
  if (int{letter} + int{digit} + int{symbol} < 2) {
    return Status::InvalidArgument("密码须至少包含字母、数字、符号中的两类",
                                   "password must mix at least two of: letters, digits, symbols");
  }
  return Status::Ok();
}

}  // namespace shanhai

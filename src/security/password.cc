#include "security/password.h"

#include <sodium.h>

#include "security/sodium_util.h"

namespace shanhai {
namespace {

constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// A policy failure naming the field, so the console puts it under the password input.
Status PasswordRuleBroken(const std::string& zh, const std::string& en) {
  return Status::InvalidField("password", zh, en);
}

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

Status CheckPasswordPolicy(std::string_view password, std::string_view user_name) {
  size_t chars = 0;
  bool lower = false, upper = false, digit = false, symbol = false;
  for (unsigned char c : password) {
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte: same character
    ++chars;
    if (c >= 'a' && c <= 'z') {
      lower = true;
    } else if (c >= 'A' && c <= 'Z') {
      upper = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else {
      symbol = true;
    }
  }
  if (chars < kMinPasswordChars) {
    return PasswordRuleBroken("密码太短：至少需要 " + std::to_string(kMinPasswordChars) + " 个字符",
                              "password too short: at least " + std::to_string(kMinPasswordChars) + " characters");
  }
  if (chars > kMaxPasswordChars) {
    return PasswordRuleBroken("密码太长：最多 " + std::to_string(kMaxPasswordChars) + " 个字符",
                              "password too long: at most " + std::to_string(kMaxPasswordChars) + " characters");
  }
  if (int{lower} + int{upper} + int{digit} + int{symbol} < 3) {
    return PasswordRuleBroken("密码须至少包含小写字母、大写字母、数字、符号四类中的三类",
                              "password must mix at least three of: lower-case letters, upper-case letters, digits, symbols");
  }
  if (user_name.size() >= 3 && LowerAscii(password).find(LowerAscii(user_name)) != std::string::npos) {
    return PasswordRuleBroken("密码不能包含用户名", "password must not contain the user name");
  }
  return Status::Ok();
}

}  // namespace shanhai

#include "security/tokens.h"

#include <sodium.h>

#include "security/sodium_util.h"

namespace shanhai {

std::string NewToken() {
  EnsureSodium();
  char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return ToBase64(std::string_view(bytes, sizeof bytes), /*url_safe=*/true);
}

std::string TokenHash(std::string_view token) {
  EnsureSodium();
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return ToHex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace shanhai

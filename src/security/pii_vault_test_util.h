// For tests of the upgrade from schema 16: a token as PiiVault wrote it before padding (format
// version 1: 0x01 || random nonce || XChaCha20-Poly1305 of the bare value, additional data
// 0x01 || context), made by hand from the data key as the format documents.
#pragma once

#include <sodium.h>

#include <string>
#include <string_view>

#include "security/pii_vault.h"
#include "security/sodium_util.h"

namespace shanhai::vault_test {

inline std::string UnpaddedToken(const PiiVault::Key& data_key, std::string_view plain, std::string_view context) {
  EnsureSodium();
  unsigned char key[32];
  crypto_kdf_derive_from_key(key, sizeof key, 1, "ShanhaiV", data_key.data());
  const std::string ad = std::string("\x01") + std::string(context);
  std::string raw(1 + 24 + plain.size() + 16, '\0');
  raw[0] = '\x01';
  auto* bytes = reinterpret_cast<unsigned char*>(raw.data());
  randombytes_buf(bytes + 1, 24);
  unsigned long long length = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(bytes + 25, &length, reinterpret_cast<const unsigned char*>(plain.data()),
                                             plain.size(), reinterpret_cast<const unsigned char*>(ad.data()),
                                             ad.size(), nullptr, bytes + 1, key);
  sodium_memzero(key, sizeof key);
  return ToBase64(raw, /*url_safe=*/false);
}

}  // namespace shanhai::vault_test

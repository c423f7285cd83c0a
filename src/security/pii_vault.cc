#include "security/pii_vault.h"

#include <cstring>

#include <sodium.h>

#include "security/sodium_util.h"

namespace shanhai {
namespace {

constexpr uint8_t kVersionUnpadded = 1;  // read only
constexpr uint8_t kVersion = 2;
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "ShanhaiV";
constexpr uint64_t kEncryptionSubkey = 1;
constexpr uint64_t kLookupSubkey = 2;
constexpr uint64_t kFingerprintSubkey = 3;
constexpr size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == 32);

PiiVault::Key Derive(const PiiVault::Key& data_key, uint64_t subkey_id) {
  PiiVault::Key subkey;
  crypto_kdf_derive_from_key(subkey.data(), subkey.size(), subkey_id, kKdfContext, data_key.data());
  return subkey;
}

// Binding the version too means a token cannot be replayed under a future format's rules.
std::string AdditionalData(uint8_t version, std::string_view context) {
  std::string ad(1, static_cast<char>(version));
  ad.append(context);
  return ad;
}

unsigned char* Mutable(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }
const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

Status Undecryptable(std::string_view context, std::string_view why) {
  return Status::Internal("personal data in " + std::string(context) +
                          " cannot be decrypted (" + std::string(why) +
                          "): wrong data key, wrong column, or altered data");
}

}  // namespace

PiiVault::PiiVault(const Key& data_key)
    : encryption_key_((EnsureSodium(), Derive(data_key, kEncryptionSubkey))),
      lookup_key_(Derive(data_key, kLookupSubkey)),
      fingerprint_key_(Derive(data_key, kFingerprintSubkey)) {
  randombytes_buf(nonce_prefix_.data(), nonce_prefix_.size());
}

PiiVault::~PiiVault() {
  sodium_memzero(encryption_key_.data(), encryption_key_.size());
  sodium_memzero(lookup_key_.data(), lookup_key_.size());
  sodium_memzero(fingerprint_key_.data(), fingerprint_key_.size());
}

std::string PiiVault::Encrypt(std::string_view value, std::string_view context) const {
  // sodium_pad needs room for a whole extra block when value fills its last one.
  std::string plaintext(value.size() + kPadBlock, '\0');
  std::memcpy(plaintext.data(), value.data(), value.size());
  size_t padded_size = 0;
  sodium_pad(&padded_size, Mutable(plaintext), value.size(), kPadBlock, plaintext.size());
  plaintext.resize(padded_size);
  std::string sealed(1 + kNonceBytes + plaintext.size() + kTagBytes, '\0');
  sealed[0] = static_cast<char>(kVersion);
  unsigned char* nonce = Mutable(sealed) + 1;
  static_assert(kNonceBytes == 16 + sizeof(uint64_t));
  std::memcpy(nonce, nonce_prefix_.data(), nonce_prefix_.size());
  const uint64_t count = nonce_counter_.fetch_add(1, std::memory_order_relaxed);
  std::memcpy(nonce + nonce_prefix_.size(), &count, sizeof count);
  const std::string ad = AdditionalData(kVersion, context);
  unsigned long long cipher_length = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + kNonceBytes, &cipher_length, Bytes(plaintext),
                                             plaintext.size(), Bytes(ad), ad.size(), nullptr, nonce,
                                             encryption_key_.data());
  return ToBase64(sealed, /*url_safe=*/false);
}

Result<std::string> PiiVault::Decrypt(std::string_view token, std::string_view context) const {
  const std::optional<std::string> sealed = FromBase64(token, /*url_safe=*/false);
  if (!sealed) return Undecryptable(context, "not base64");
  if (sealed->size() < 1 + kNonceBytes + kTagBytes) return Undecryptable(context, "truncated");
  const uint8_t version = static_cast<uint8_t>((*sealed)[0]);
  if (version != kVersion && version != kVersionUnpadded)
    return Undecryptable(context, "unknown format version " + std::to_string(version));
  const unsigned char* nonce = Bytes(*sealed) + 1;
  const unsigned char* cipher = nonce + kNonceBytes;
  const size_t cipher_size = sealed->size() - 1 - kNonceBytes;
  std::string plaintext(cipher_size - kTagBytes, '\0');
  const std::string ad = AdditionalData(version, context);
  unsigned long long plain_length = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(Mutable(plaintext), &plain_length, nullptr, cipher,
                                                 cipher_size, Bytes(ad), ad.size(), nonce,
                                                 encryption_key_.data()) != 0) {
    return Undecryptable(context, "authentication failed");
  }
  if (version == kVersion) {
    size_t unpadded = 0;
    if (sodium_unpad(&unpadded, Mutable(plaintext), plain_length, kPadBlock) != 0)
      return Undecryptable(context, "bad padding");
    plain_length = unpadded;
  }
  plaintext.resize(plain_length);
  return plaintext;
}

bool PiiVault::IsCurrentToken(std::string_view token) {
  // The first four base64 characters are the token's first three bytes, the version first.
  const std::optional<std::string> head = FromBase64(token.substr(0, 4), /*url_safe=*/false);
  return head && !head->empty() && static_cast<uint8_t>((*head)[0]) == kVersion;
}

int64_t PiiVault::Fingerprint(std::string_view bytes) const {
  EnsureSodium();
  unsigned char digest[crypto_generichash_BYTES_MIN];
  crypto_generichash(digest, sizeof digest, Bytes(bytes), bytes.size(), fingerprint_key_.data(),
                     fingerprint_key_.size());
  uint64_t bits = 0;
  std::memcpy(&bits, digest, sizeof bits);
  return static_cast<int64_t>(bits >> 1);  // 63 bits: a non-negative BIGINT on either database
}

std::string PiiVault::LookupHash(std::string_view value, std::string_view context) const {
  EnsureSodium();
  // Length-prefix the context so ("a", "bc") and ("ab", "c") cannot collide.
  const uint64_t context_size = context.size();
  unsigned char size_bytes[8];
  for (int i = 0; i < 8; ++i) size_bytes[i] = static_cast<unsigned char>(context_size >> (8 * i));
  crypto_generichash_state state;
  crypto_generichash_init(&state, lookup_key_.data(), lookup_key_.size(), 32);
  crypto_generichash_update(&state, size_bytes, sizeof size_bytes);
  crypto_generichash_update(&state, Bytes(context), context.size());
  crypto_generichash_update(&state, Bytes(value), value.size());
  unsigned char digest[32];
  crypto_generichash_final(&state, digest, sizeof digest);
  return ToHex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

}  // namespace shanhai

// Encryption of personal data (ID numbers, phone numbers, ...) for storage, and deterministic
// keyed look-up hashes so equal values can still be found without decrypting.
//
// Keys: the working keys are derived from the 32-byte data key with libsodium's crypto_kdf
// (BLAKE2b keyed with the data key; context "ShanhaiV", subkey 1 = encryption key,
// subkey 2 = look-up key, subkey 3 = row fingerprint key). A look-up hash or a fingerprint
// therefore reveals nothing about the encryption key, and the data key itself is never used
// directly.
//
// Token format (version 2, written by Encrypt): base64 (standard alphabet, padded) of
//   0x02 || 24-byte random nonce || XChaCha20-Poly1305-IETF ciphertext with 16-byte tag
// of the plaintext padded (ISO/IEC 7816-4, libsodium's sodium_pad) to the next multiple of
// kPadBlock bytes — always at least one byte of padding — so every value shorter than
// kPadBlock (an ID number, a mobile number, a poverty status) gives a token of one length
// and a stolen database cannot tell 脱贫户 from 一般农户 by the token's size.
// Additional data = version byte || context, so a token only decrypts under the context
// (e.g. "people.id_number") it was made for and cannot be moved to another column.
// Version 1 (0x01, the same without padding) is still decrypted: databases written before
// schema 17 are re-encrypted at their upgrade (domain/ledger/at_rest_upgrade.h).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace shanhai {

class PiiVault {
 public:
  using Key = std::array<uint8_t, 32>;
  // Plaintexts are padded to a multiple of this many bytes before encryption (see above).
  static constexpr size_t kPadBlock = 32;

  // Derives the working keys from data_key (see above); data_key is not retained.
  // Thread-safe to construct; the vault is immutable afterwards.
  explicit PiiVault(const Key& data_key);
  ~PiiVault();  // wipes the working keys
  PiiVault(const PiiVault&) = delete;
  PiiVault& operator=(const PiiVault&) = delete;

  // A new token for plaintext bound to context; a fresh random nonce each call, so equal
  // plaintexts give different tokens. Never fails. Thread-safe.
  std::string Encrypt(std::string_view plaintext, std::string_view context) const;

  // The plaintext of a token made by Encrypt with the same data key and context.
  // Errors: Internal (zh/en) if the token is not base64, has an unknown version, is truncated,
  // was altered, or was made with another key or context (these cannot be told apart).
  // Thread-safe.
  Result<std::string> Decrypt(std::string_view token, std::string_view context) const;

  // Hex (64 chars) of keyed BLAKE2b-256 over (context, value): equal values in the same context
  // give equal hashes, other contexts or data keys give unrelated ones. Callers normalise value
  // first (e.g. upper-case the X of an ID number). Thread-safe.
  std::string LookupHash(std::string_view value, std::string_view context) const;

  // 63 bits of BLAKE2b keyed with the fingerprint key over bytes, as a non-negative integer
  // (a BIGINT on either database): a row's fingerprint (domain/ledger/import_fingerprints.h)
  // that nobody without the data key can recompute from guessed row contents. Thread-safe.
  int64_t Fingerprint(std::string_view bytes) const;

  // Whether token was written in the current format (a padded version 2 token); false for
  // version 1 tokens, which the at-rest upgrade re-encrypts, and for what is not a token.
  static bool IsCurrentToken(std::string_view token);

 private:
  Key encryption_key_;
  Key lookup_key_;
  Key fingerprint_key_;
  // Nonces are a random 16-byte prefix chosen per vault plus a 64-bit counter: unique for
  // this key without a system call per encryption (bulk imports encrypt millions of values).
  std::array<uint8_t, 16> nonce_prefix_{};
  mutable std::atomic<uint64_t> nonce_counter_{0};
};

}  // namespace shanhai

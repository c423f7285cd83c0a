// The keyed tag of the audit log's hash chain (see src/domain/audit/audit_chain.h).
//
// Key: derived from the 32-byte data key with libsodium's crypto_kdf, context "ShanhaiA",
// subkey 1 — a context of its own, so the tag key is unrelated to the PII vault's keys
// (context "ShanhaiV") and the data key itself is never used directly.
// Tag: lower-case hex (64 chars) of BLAKE2b-256 keyed with that subkey over the message.
// Without the data key nobody can compute a tag, so an edited entry cannot be re-tagged.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace shanhai {

class AuditMac {
 public:
  using Key = std::array<uint8_t, 32>;

  // Derives the tag key from data_key (see above); data_key is not retained. Thread-safe.
  explicit AuditMac(const Key& data_key);
  ~AuditMac();  // wipes the tag key
  AuditMac(const AuditMac&) = delete;
  AuditMac& operator=(const AuditMac&) = delete;

  // The tag of message (see above). Deterministic for a key; never fails. Thread-safe.
  std::string Tag(std::string_view message) const;

 private:
  Key key_;
};

}  // namespace shanhai

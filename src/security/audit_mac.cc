#include "security/audit_mac.h"

#include <sodium.h>

#include "security/sodium_util.h"

namespace shanhai {
namespace {
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "ShanhaiA";
constexpr uint64_t kTagSubkey = 1;
constexpr size_t kTagBytes = 32;
}  // namespace

AuditMac::AuditMac(const Key& data_key) {
  EnsureSodium();
  crypto_kdf_derive_from_key(key_.data(), key_.size(), kTagSubkey, kKdfContext, data_key.data());
}

AuditMac::~AuditMac() { sodium_memzero(key_.data(), key_.size()); }

std::string AuditMac::Tag(std::string_view message) const {
  unsigned char digest[kTagBytes];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                     key_.data(), key_.size());
  return ToHex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

}  // namespace shanhai

#include "security/audit_mac.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include "security/pii_vault.h"
#include "security/sodium_util.h"

namespace shanhai {
namespace {

AuditMac::Key KeyFilledWith(uint8_t byte) {
  AuditMac::Key key;
  key.fill(byte);
  return key;
}

TEST(AuditMac, IsKeyedBlake2bUnderItsOwnKdfContext) {
  const AuditMac::Key data_key = KeyFilledWith(9);
  // Recompute as the header documents: crypto_kdf subkey 1 of context "ShanhaiA", keyed BLAKE2b-256.
  unsigned char subkey[32];
  crypto_kdf_derive_from_key(subkey, sizeof subkey, 1, "ShanhaiA", data_key.data());
  const std::string message = "entry 1";
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                     subkey, sizeof subkey);
  EXPECT_EQ(AuditMac(data_key).Tag(message), ToHex(std::string_view(reinterpret_cast<char*>(digest), 32)));
}

TEST(AuditMac, DependsOnKeyAndMessageAndDiffersFromThePiiLookupKey) {
  const AuditMac a(KeyFilledWith(1));
  EXPECT_EQ(a.Tag("x"), a.Tag("x"));
  EXPECT_NE(a.Tag("x"), a.Tag("y"));
  EXPECT_NE(a.Tag("x"), AuditMac(KeyFilledWith(2)).Tag("x"));
  EXPECT_EQ(a.Tag("x").size(), 64u);
  // The vault's look-up hash of the same bytes under the same data key is unrelated.
  PiiVault vault(KeyFilledWith(1));
  EXPECT_NE(a.Tag("x"), vault.LookupHash("x", ""));
}

}  // namespace
}  // namespace shanhai

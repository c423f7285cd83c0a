#include "security/pii_vault.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <cstring>
#include <set>

#include "security/pii_vault_test_util.h"
#include "security/sodium_util.h"

namespace shanhai {
namespace {

PiiVault::Key KeyFilledWith(uint8_t byte) {
  PiiVault::Key key;
  key.fill(byte);
  return key;
}

TEST(PiiVault, RoundTrip) {
  PiiVault vault(KeyFilledWith(7));
  for (std::string_view plain : {std::string_view("52272719900101123X"), std::string_view(""),
                                 std::string_view("张三 13800138000")}) {
    const std::string token = vault.Encrypt(plain, "people.id_number");
    EXPECT_EQ(token.find(plain.empty() ? "\x01" : plain), std::string::npos);
    Result<std::string> back = vault.Decrypt(token, "people.id_number");
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(*back, plain);
  }
}

TEST(PiiVault, TokenFormatIsVersionNonceCiphertextOfPaddedValueUnderDerivedKey) {
  const PiiVault::Key data_key = KeyFilledWith(9);
  PiiVault vault(data_key);
  const std::string plain = "13800138000";
  const std::string token = vault.Encrypt(plain, "people.mobile");
  std::optional<std::string> raw = FromBase64(token, /*url_safe=*/false);
  ASSERT_TRUE(raw.has_value());
  ASSERT_EQ(raw->size(), 1 + 24 + PiiVault::kPadBlock + 16);
  EXPECT_EQ((*raw)[0], '\x02');
  EXPECT_TRUE(PiiVault::IsCurrentToken(token));

  // Decrypt by hand as the header documents: crypto_kdf subkey 1, context "ShanhaiV", then
  // ISO/IEC 7816-4 padding: 0x80 after the value, zeros up to the block.
  unsigned char key[32];
  crypto_kdf_derive_from_key(key, sizeof key, 1, "ShanhaiV", data_key.data());
  const std::string ad = std::string("\x02") + "people.mobile";
  std::string out(PiiVault::kPadBlock, '\0');
  unsigned long long out_len = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw->data());
  ASSERT_EQ(crypto_aead_xchacha20poly1305_ietf_decrypt(
                reinterpret_cast<unsigned char*>(out.data()), &out_len, nullptr, bytes + 25,
                raw->size() - 25, reinterpret_cast<const unsigned char*>(ad.data()), ad.size(),
                bytes + 1, key),
            0);
  ASSERT_EQ(out_len, PiiVault::kPadBlock);
  EXPECT_EQ(out.substr(0, plain.size()), plain);
  EXPECT_EQ(out[plain.size()], '\x80');
  EXPECT_EQ(out.substr(plain.size() + 1), std::string(PiiVault::kPadBlock - plain.size() - 1, '\0'));
}

TEST(PiiVault, ShortValuesGiveTokensOfOneLength) {
  PiiVault vault(KeyFilledWith(8));
  // The poverty statuses, a mobile, an ID number and the empty value: one length for all, so a
  // token's size tells nothing of which it holds.
  std::set<size_t> lengths;
  for (std::string_view plain : {"lifted", "monitored", "ordinary", "13800138000", "52272719900101123X", ""})
    lengths.insert(vault.Encrypt(plain, "people.poverty_status").size());
  EXPECT_EQ(lengths.size(), 1u);
  // A value filling the block takes the next one (padding is at least one byte), and still
  // decrypts to itself.
  const std::string full(PiiVault::kPadBlock, 'x');
  const std::string token = vault.Encrypt(full, "c");
  EXPECT_GT(token.size(), *lengths.begin());
  EXPECT_EQ(*vault.Decrypt(token, "c"), full);
  const std::string just_under(PiiVault::kPadBlock - 1, 'y');
  EXPECT_EQ(vault.Encrypt(just_under, "c").size(), *lengths.begin());
  EXPECT_EQ(*vault.Decrypt(vault.Encrypt(just_under, "c"), "c"), just_under);
}

TEST(PiiVault, DecryptsUnpaddedVersionOneTokens) {
  const PiiVault::Key data_key = KeyFilledWith(6);
  const std::string token = vault_test::UnpaddedToken(data_key, "lifted", "people.poverty_status");
  PiiVault vault(data_key);
  EXPECT_FALSE(PiiVault::IsCurrentToken(token));
  Result<std::string> back = vault.Decrypt(token, "people.poverty_status");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, "lifted");
  // Unpadded tokens give the value's length away, which is why the upgrade replaces them.
  EXPECT_NE(vault_test::UnpaddedToken(data_key, "monitored", "c").size(), vault_test::UnpaddedToken(data_key, "lifted", "c").size());
  // The version byte is bound: the same bytes relabelled as version 2 do not decrypt.
  std::string relabelled = *FromBase64(token, false);
  relabelled[0] = '\x02';
  EXPECT_FALSE(vault.Decrypt(ToBase64(relabelled, false), "people.poverty_status").ok());
}

TEST(PiiVault, FingerprintIsKeyedDeterministicAndNonNegative) {
  PiiVault a(KeyFilledWith(1)), b(KeyFilledWith(2));
  EXPECT_EQ(a.Fingerprint("row"), a.Fingerprint("row"));
  EXPECT_NE(a.Fingerprint("row"), a.Fingerprint("rox"));
  EXPECT_NE(a.Fingerprint("row"), b.Fingerprint("row"));
  for (std::string_view bytes : {"", "a", "row", "another row"}) EXPECT_GE(a.Fingerprint(bytes), 0);
  // Not the unkeyed BLAKE2b of the bytes (what schema 16 and earlier stored).
  unsigned char digest[crypto_generichash_BYTES_MIN];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>("row"), 3, nullptr, 0);
  uint64_t bits = 0;
  std::memcpy(&bits, digest, sizeof bits);
  EXPECT_NE(a.Fingerprint("row"), static_cast<int64_t>(bits >> 1));
}

TEST(PiiVault, EqualPlaintextsGiveDifferentTokens) {
  PiiVault vault(KeyFilledWith(1));
  std::set<std::string> tokens;
  for (int i = 0; i < 20; ++i) tokens.insert(vault.Encrypt("same", "people.name"));
  EXPECT_EQ(tokens.size(), 20u);
}

TEST(PiiVault, WrongContextFails) {
  PiiVault vault(KeyFilledWith(2));
  const std::string token = vault.Encrypt("52272719900101123X", "people.id_number");
  Result<std::string> moved = vault.Decrypt(token, "people.mobile");
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.status().code(), Code::kInternal);
  EXPECT_NE(moved.status().message_en().find("people.mobile"), std::string::npos);
  EXPECT_NE(moved.status().message_en().find("cannot be decrypted"), std::string::npos);
}

TEST(PiiVault, WrongKeyFails) {
  const std::string token = PiiVault(KeyFilledWith(3)).Encrypt("secret", "c");
  EXPECT_FALSE(PiiVault(KeyFilledWith(4)).Decrypt(token, "c").ok());
}

TEST(PiiVault, TamperingFails) {
  PiiVault vault(KeyFilledWith(5));
  const std::string token = vault.Encrypt("52272719900101123X", "people.id_number");
  const std::string raw = *FromBase64(token, false);
  // Flip one bit at every position: version, nonce, ciphertext and tag must all be protected.
  for (size_t i = 0; i < raw.size(); ++i) {
    std::string bad = raw;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    Result<std::string> r = vault.Decrypt(ToBase64(bad, false), "people.id_number");
    ASSERT_FALSE(r.ok()) << "byte " << i;
    EXPECT_EQ(r.status().code(), Code::kInternal);
  }
  EXPECT_FALSE(vault.Decrypt(ToBase64(raw.substr(0, 30), false), "people.id_number").ok());
  EXPECT_FALSE(vault.Decrypt("not base64 at all!", "people.id_number").ok());
  EXPECT_FALSE(vault.Decrypt("", "people.id_number").ok());
}

TEST(PiiVault, LookupHashIsDeterministicAndKeyed) {
  PiiVault a(KeyFilledWith(6));
  PiiVault a_again(KeyFilledWith(6));
  PiiVault b(KeyFilledWith(8));
  const std::string h = a.LookupHash("52272719900101123X", "people.id_number");
  EXPECT_EQ(h.size(), 64u);
  EXPECT_EQ(h, a.LookupHash("52272719900101123X", "people.id_number"));
  EXPECT_EQ(h, a_again.LookupHash("52272719900101123X", "people.id_number"));
  EXPECT_NE(h, b.LookupHash("52272719900101123X", "people.id_number"));
  EXPECT_NE(h, a.LookupHash("52272719900101123x", "people.id_number"));
  EXPECT_NE(h, a.LookupHash("52272719900101123X", "people.mobile"));
  // The context is length-prefixed, so shifting bytes between context and value changes the hash.
  EXPECT_NE(a.LookupHash("bc", "a"), a.LookupHash("c", "ab"));
}

TEST(PiiVault, LookupHashFollowsDocumentedConstruction) {
  const PiiVault::Key data_key = KeyFilledWith(10);
  unsigned char lookup_key[32];
  crypto_kdf_derive_from_key(lookup_key, sizeof lookup_key, 2, "ShanhaiV", data_key.data());
  const std::string context = "people.mobile";
  const std::string value = "13800138000";
  std::string message(8, '\0');
  message[0] = static_cast<char>(context.size());
  message += context + value;
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(message.data()),
                     message.size(), lookup_key, sizeof lookup_key);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  EXPECT_EQ(PiiVault(data_key).LookupHash(value, context), hex);
}

}  // namespace
}  // namespace shanhai

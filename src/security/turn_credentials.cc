#include "security/turn_credentials.h"

#include <openssl/hmac.h>
#include <sodium.h>

#include <algorithm>

namespace shanhai {

TurnCredentials MakeTurnCredentials(std::string_view secret, std::string_view user, int64_t expires_unix) {
  std::string label(user);
  std::replace(label.begin(), label.end(), ':', '_');  // the expiry is the part before the first colon
  TurnCredentials c;
  c.username = std::to_string(expires_unix) + ":" + label;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(c.username.data()), c.username.size(), mac, &mac_len);
  std::string b64(sodium_base64_encoded_len(mac_len, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(b64.data(), b64.size(), mac, mac_len, sodium_base64_VARIANT_ORIGINAL);
  b64.resize(b64.find('\0'));
  c.credential = std::move(b64);
  return c;
}

}  // namespace shanhai

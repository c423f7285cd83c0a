// Random bearer tokens (sessions, CSRF, invitations) and how to store and compare them.
#pragma once

#include <string>
#include <string_view>

namespace shanhai {

// 32 random bytes from the OS CSPRNG as unpadded base64url (43 characters, [A-Za-z0-9_-]).
// Never fails; thread-safe.
std::string NewToken();

// Lower-case hex (64 chars) of unkeyed BLAKE2b-256 of token: store this, never the token, so a
// leaked table cannot be replayed. Tokens carry 256 bits of entropy, so no salt or key is
// needed. Pure; thread-safe.
std::string TokenHash(std::string_view token);

// a == b in time that depends only on the lengths (unequal lengths return false at once;
// lengths of tokens and hashes are not secret). Pure; thread-safe.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace shanhai

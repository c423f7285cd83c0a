// Taking the password out of a postgresql:// URL: for logs (Describe) and so pg_dump gets it
// through its environment rather than a command line that `ps` shows.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace shanhai {

// The URL without a password, whether written as user:password@host or as a password=...
// query parameter. Other parts are kept as written. A URL without a password comes back unchanged.
std::string UrlWithoutPassword(std::string_view url);

// The password in the URL, percent-decoded; "" if there is none.
std::string UrlPassword(std::string_view url);

}  // namespace shanhai

#include "http/client_address.h"

#include <arpa/inet.h>

#include <algorithm>

namespace shanhai {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The canonical text of an IP literal (so "::FFFF:1.2.3.4" and "::ffff:1.2.3.4" compare
// equal), or "" if it is not one.
std::string CanonicalIp(std::string_view text) {
  const std::string s(text);
  unsigned char buf[16];
  char out[INET6_ADDRSTRLEN];
  if (inet_pton(AF_INET, s.c_str(), buf) == 1) return inet_ntop(AF_INET, buf, out, sizeof out);
  if (inet_pton(AF_INET6, s.c_str(), buf) == 1) return inet_ntop(AF_INET6, buf, out, sizeof out);
  return "";
}

// Splits comma-separated lists into trimmed entries, left to right.
std::vector<std::string_view> Entries(const std::vector<std::string_view>& lists) {
  std::vector<std::string_view> out;
  for (std::string_view list : lists) {
    size_t start = 0;
    while (start <= list.size()) {
      const size_t comma = std::min(list.find(',', start), list.size());
      out.push_back(Trim(list.substr(start, comma - start)));
      start = comma + 1;
    }
  }
  return out;
}

}  // namespace

Result<std::vector<std::string>> ParseTrustedProxies(std::string_view list) {
  std::vector<std::string> out;
  for (std::string_view entry : Entries({list})) {
    if (entry.empty()) continue;
    std::string ip = CanonicalIp(entry);
    if (ip.empty())
      return Status::InvalidArgument("--trust-proxy 中的“" + std::string(entry) + "”不是 IP 地址",
                                     "--trust-proxy: \"" + std::string(entry) + "\" is not an IP address");
    out.push_back(std::move(ip));
  }
  return out;
}

std::string ClientAddress(const std::string& peer, const std::vector<std::string_view>& forwarded_for,
                          const std::vector<std::string>& trusted_proxies) {
  const auto trusted = [&](const std::string& ip) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), ip) != trusted_proxies.end();
  };
  std::string client = CanonicalIp(peer);
  if (client.empty()) return peer;
  const std::vector<std::string_view> hops = Entries(forwarded_for);
  for (auto hop = hops.rbegin(); hop != hops.rend() && trusted(client); ++hop) {
    std::string ip = CanonicalIp(*hop);
    if (ip.empty()) break;
    client = std::move(ip);
  }
  return client;
}

}  // namespace shanhai

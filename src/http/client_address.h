// The client's address for logs, the audit log and login throttling. Behind a reverse proxy
// the TCP peer is the proxy; the client is then read from X-Forwarded-For, but only when the
// peer is one of the proxies the operator trusts (serve --trust-proxy), since anyone else can
// write that header. Each proxy appends the address it received the request from, so the list
// is walked from the right, skipping trusted proxies; the first address that is not one of
// them is the client. Without trusted proxies the header is ignored.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace shanhai {

// Parses "ADDR[,ADDR…]" (IPv4 or IPv6 literals, spaces allowed). Errors: InvalidArgument
// (zh/en) naming the entry that is not an IP address. Pure.
Result<std::vector<std::string>> ParseTrustedProxies(std::string_view list);

// The client address of a request from `peer` carrying the X-Forwarded-For field values
// `forwarded_for` (several fields count as one comma-separated list, in order). An entry that
// is not an IP address ends the walk: the hop that passed it on is taken as the client. Pure.
std::string ClientAddress(const std::string& peer, const std::vector<std::string_view>& forwarded_for,
                          const std::vector<std::string>& trusted_proxies);

}  // namespace shanhai

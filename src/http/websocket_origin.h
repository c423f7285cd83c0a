// Cross-site WebSocket hijacking: a browser sends the session cookie with a WebSocket upgrade
// from any page, and CSRF tokens cannot ride on one, so an upgrade is accepted only from the
// console's own origin — the Origin header's host:port must be the Host the request was sent to.
// Clients that send no Origin (not browsers, so no one else's cookie) pass.
#pragma once

#include "http/http_types.h"

namespace shanhai {

// True when `request` asks for a WebSocket and names an Origin other than its Host. Pure.
bool IsCrossSiteUpgrade(const HttpRequest& request);

}  // namespace shanhai

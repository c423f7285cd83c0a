// Who is acting: the user behind a request or CLI command. Services authorise every
// call against it, so the CLI and the HTTP API obey the same rules.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"

namespace shanhai {

struct Actor {
  std::string name;                  // user name; "system" for set-up commands
  std::string role;                  // "admin" | "staff" | "viewer"
  std::string region;                // GB/T 2260 code the user is limited to; "" = everywhere
  std::vector<std::string> ledgers;  // "module:entity" ledgers a staff user may use at all; empty = all
  std::string remote;                // client address, for the audit log

  // The all-powerful actor of CLI set-up commands (init, demo, import by an operator).
  static Actor System() { return Actor{"system", "admin", "", {}, "cli"}; }
};

// PermissionDenied unless actor may do permission ("module:entity:action").
Status Authorize(const Actor& actor, const std::string& permission);

// The region prefix an actor's visibility is limited to ("" = all).
std::string VisiblePrefix(const Actor& actor);

}  // namespace shanhai

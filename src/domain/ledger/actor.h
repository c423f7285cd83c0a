// Who is acting: the user behind a request or CLI command. Services authorise every
// call against it, so the CLI and the HTTP API obey the same rules.
//
// What an actor may do comes from its roles (their grants, loaded with the session in one query);
// which records it sees is its own data scope, never its roles': a region, and/or an owner
// organisation (a record of an organisation ledger such as units). Holding several roles adds
// permissions, never records.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"

namespace shanhai {

// The name the CLI's set-up commands act and are audited under; no account may take it (the
// audit log and histories would credit the operator's work to that account, and its to them).
inline constexpr const char* kSystemActorName = "system";

struct Actor {
  std::string name;                 // user name; "system" for set-up commands
  std::vector<std::string> roles;   // role names, for display
  std::vector<std::string> grants;  // what the roles grant (see security/permissions.h)
  std::string region;               // GB/T 2260 code the user is limited to; "" = everywhere
  std::string owner_ledger;         // organisation ledger of the owner scope ("units"); "" = none
  int64_t owner_id = 0;             // the organisation record the user is limited to
  std::string remote;               // client address, for the audit log
  // The account's roles reveal but its reveal across a county or wider still awaits a second
  // administrator's approval (domain/accounts/reveal_grants.h): Authorize refuses every
  // "<m>:<l>:reveal" meanwhile, whatever the grants say.
  bool reveal_withheld = false;
  // A job seeker (domain/job_seekers): the person of the registry (people.id) behind a
  // one-time-code session; 0 for staff accounts and the system. Such an actor reaches only the
  // job seekers' own routes, whatever its grants.
  int64_t person_id = 0;

  bool owner_scoped() const { return !owner_ledger.empty(); }
  bool job_seeker() const { return person_id != 0; }

  // The all-powerful actor of CLI set-up commands (init, demo, import by an operator).
  static Actor System() { return Actor{kSystemActorName, {"admin"}, {"*"}, "", "", 0, "cli"}; }
};

// PermissionDenied unless actor may do permission ("module:entity:action"); a reveal permission
// of an actor whose reveal is withheld is refused saying it awaits a second administrator.
Status Authorize(const Actor& actor, const std::string& permission);

// The region prefix an actor's visibility is limited to ("" = all).
std::string VisiblePrefix(const Actor& actor);

// For an actor limited to a town or a village, which no pair's side lies inside: the regions
// enclosing it at the levels pairs are made (county, city, province, nearest first). Such an
// actor sees the pairs with a side among them, and inside those only the records placed in its
// region (Scope::enclosing_sides). Empty for everyone else.
std::vector<std::string> EnclosingPairSides(const Actor& actor);

// True if the actor may see and write into the pair of these two sides.
bool PairVisibleTo(const Actor& actor, const std::string& helper_region, const std::string& helped_region);

}  // namespace shanhai

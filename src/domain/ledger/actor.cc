#include "domain/ledger/actor.h"

#include "regions/region_catalog.h"
#include "security/permissions.h"

namespace shanhai {

Status Authorize(const Actor& actor, const std::string& permission) {
  if (GrantsAllow(actor.grants, permission)) return Status::Ok();
  return Status::PermissionDenied("您没有权限执行此操作（" + permission + "）",
                                  "you are not allowed to do this (" + permission + ")");
}

std::string VisiblePrefix(const Actor& actor) { return actor.region.empty() ? "" : RegionPrefix(actor.region); }

}  // namespace shanhai

#include "domain/ledger/actor.h"

#include <algorithm>

#include "regions/region_catalog.h"
#include "security/permissions.h"

namespace shanhai {

Status Authorize(const Actor& actor, const std::string& permission) {
  if (GrantsAllow(actor.grants, permission)) return Status::Ok();
  return Status::PermissionDenied("您没有权限执行此操作（" + permission + "）",
                                  "you are not allowed to do this (" + permission + ")");
}

std::string VisiblePrefix(const Actor& actor) { return actor.region.empty() ? "" : RegionPrefix(actor.region); }

std::vector<std::string> EnclosingPairSides(const Actor& actor) {
  const RegionCatalog& catalog = RegionCatalog::Embedded();
  const Region* region = actor.region.empty() ? nullptr : catalog.Find(actor.region);
  if (!region || region->level <= RegionLevel::kCounty) return {};
  std::vector<std::string> sides;
  for (const Region* r = catalog.Find(region->parent_code); r; r = catalog.Find(r->parent_code))
    if (r->level <= RegionLevel::kCounty) sides.emplace_back(r->code);
  return sides;
}

bool PairVisibleTo(const Actor& actor, const std::string& helper_region, const std::string& helped_region) {
  const std::string prefix = VisiblePrefix(actor);
  if (prefix.empty()) return true;
  const std::vector<std::string> sides = EnclosingPairSides(actor);
  if (sides.empty()) return helper_region.starts_with(prefix) || helped_region.starts_with(prefix);
  return std::find(sides.begin(), sides.end(), helper_region) != sides.end() ||
         std::find(sides.begin(), sides.end(), helped_region) != sides.end();
}

}  // namespace shanhai

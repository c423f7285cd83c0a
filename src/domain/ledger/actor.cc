#include "domain/ledger/actor.h"

#include <algorithm>

#include "regions/region_catalog.h"
#include "security/permissions.h"

namespace shanhai {

Status Authorize(const Actor& actor, const std::string& permission) {
  if (actor.reveal_withheld && permission.ends_with(":reveal"))
    return Status::PermissionDenied("查看敏感信息全文（" + permission + "）须经另一位安全管理员批准后生效：本账号的数据范围为县级或更大，"
                                    "批准申请已列在“查看全文审批”中",
                                    "reading personal values whole (" + permission + ") takes effect only once a second "
                                    "security administrator approves it: this account's scope is a county or wider; the "
                                    "request is listed under reveal approvals");
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

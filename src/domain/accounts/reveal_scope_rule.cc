#include "domain/accounts/reveal_scope_rule.h"

#include <algorithm>

#include "domain/accounts/permission_catalog.h"
#include "security/permissions.h"

namespace shanhai {

namespace {

bool CoversReveal(const std::vector<std::string>& grants) {
  const std::vector<std::string> covered = CoveredPermissions(grants);
  return std::any_of(covered.begin(), covered.end(), [](const std::string& p) { return p.ends_with(":reveal"); });
}

}  // namespace

bool RevealNeedsSecondApproval(const std::vector<std::string>& grants, const std::string& region,
                               const std::string& owner_ledger) {
  // GB/T 2260: 6 digits down to a county (province 520000, city 522700, county 522727); a town
  // has 9 and a village 12.
  constexpr size_t kCountyDigits = 6;
  if (!owner_ledger.empty() || region.empty() || region.size() > kCountyDigits) return false;
  return CoversReveal(grants);
}

Status CheckRevealScoped(const std::vector<std::string>& grants, bool unlimited) {
  if (!unlimited) return Status::Ok();
  const std::vector<std::string> covered = CoveredPermissions(grants);
  const auto reveal = std::find_if(covered.begin(), covered.end(), [](const std::string& p) { return p.ends_with(":reveal"); });
  if (reveal == covered.end()) return Status::Ok();
  const bool super_administrator = std::all_of(kAdministratorDuties.begin(), kAdministratorDuties.end(),
                                               [&](const char* duty) { return GrantsAllow(grants, duty); });
  if (super_administrator) return Status::Ok();
  return Status::PermissionDenied(
      "查看敏感信息全文的权限（如 " + *reveal + "）只授予限定了管辖区域或所属单位的账号：请为该账号指定区域（如 522727）"
          "或单位，或去掉含查看全文权限的角色",
      "the permission to read personal values whole (such as " + *reveal + ") is granted only to an account limited "
          "to a region or an organisation: give the account a region (e.g. 522727) or an organisation, or leave out "
          "the roles that reveal");
}

}  // namespace shanhai

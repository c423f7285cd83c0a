#include "security/permissions.h"

#include <algorithm>
#include <array>

namespace shanhai {
namespace {

constexpr std::string_view kAny = "*";
// Administrator duties are granted by name (or by "*"), never by a module wildcard.
constexpr std::string_view kAdminModule = "admin";

bool IsIdentifier(std::string_view s) {
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

Status BadPermission(std::string_view text, const std::string& zh, const std::string& en) {
  return Status::InvalidArgument("权限 \"" + std::string(text) + "\" 无效：" + zh,
                                 "invalid permission \"" + std::string(text) + "\": " + en);
}

// The three parts of "a:b:c", or false for any other number of colons.
bool SplitThree(std::string_view text, std::array<std::string_view, 3>& parts) {
  const size_t first = text.find(':');
  const size_t second = first == std::string_view::npos ? first : text.find(':', first + 1);
  if (second == std::string_view::npos || text.find(':', second + 1) != std::string_view::npos) return false;
  parts = {text.substr(0, first), text.substr(first + 1, second - first - 1), text.substr(second + 1)};
  return true;
}

}  // namespace

const std::vector<std::string>& StandardLedgerActions() {
  static const std::vector<std::string> kActions = {"list",   "read",   "create", "update",
                                                    "delete", "import", "export", "reveal"};
  return kActions;
}

bool IsPermission(std::string_view text) {
  std::array<std::string_view, 3> parts;
  return SplitThree(text, parts) &&
         std::all_of(parts.begin(), parts.end(), [](std::string_view p) { return IsIdentifier(p); });
}

Status CheckGrant(std::string_view grant) {
  if (grant == kAny) return Status::Ok();
  std::array<std::string_view, 3> parts;
  if (!SplitThree(grant, parts)) return BadPermission(grant, "应为 模块:实体:操作", "expected module:entity:action");
  for (std::string_view part : parts)
    if (part != kAny && !IsIdentifier(part))
      return BadPermission(grant, "每一部分应为 * 或小写字母、数字和下划线",
                           "each part must be * or lower-case letters, digits and underscores");
  return Status::Ok();
}

bool GrantCovers(std::string_view grant, std::string_view permission) {
  if (!IsPermission(permission)) return false;
  if (grant == kAny) return true;
  std::array<std::string_view, 3> wanted;
  SplitThree(permission, wanted);
  std::array<std::string_view, 3> granted;
  if (!CheckGrant(grant).ok() || !SplitThree(grant, granted)) return false;
  if (granted[0] == kAny && wanted[0] == kAdminModule) return false;
  for (size_t i = 0; i < 3; ++i)
    if (granted[i] != kAny && granted[i] != wanted[i]) return false;
  return true;
}

bool GrantsAllow(const std::vector<std::string>& grants, std::string_view permission) {
  return std::any_of(grants.begin(), grants.end(),
                     [&](const std::string& g) { return GrantCovers(g, permission); });
}

}  // namespace shanhai

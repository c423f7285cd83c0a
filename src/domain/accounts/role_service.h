// Roles as records: a role has a name, a Chinese label and the grants it gives (permissions of
// the catalogue, see permission_catalog.h, or the patterns of the seeded roles). Users hold any
// number of roles (user_roles); a role grants permissions only, never records (the data scope is
// the user's, see Actor). Seeded roles (builtin) cannot be changed or deleted; a role still held
// by a user cannot be deleted. Every change is audited. Managing roles needs admin:roles:admin.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "domain/accounts/reveal_grants.h"
#include "domain/ledger/actor.h"
#include "domain/service_context.h"
#include "storage/database.h"

namespace shanhai {

struct RoleInfo {
  int64_t id = 0;
  std::string name, label_zh;
  bool builtin = false;
  std::string owner_ledger;  // held only by accounts of a record of this organisation ledger ("" = any)
  std::vector<std::string> grants;       // as stored
  std::vector<std::string> permissions;  // the declared permissions the grants cover
  int64_t users = 0;                     // how many users hold it
};

struct RoleDraft {
  std::string name;      // [A-Za-z0-9_.-]{2,40}; ignored on update
  std::string label_zh;  // 1..64 characters
  std::vector<std::string> permissions;  // declared permissions (see PermissionCatalog)
};

// What a user's roles give it, for an Actor.
struct UserGrants {
  std::vector<std::string> roles;
  std::vector<std::string> grants;
};

// One user's roles and grants (one query); what RoleService::GrantsOf answers, for services that
// hold no RoleService.
Result<UserGrants> UserGrantsOf(Database& db, int64_t user_id);

class RoleService {
 public:
  // context (its database and audit log) must outlive the service.
  explicit RoleService(ServiceContext& context) : db_(*context.db), audit_(context.audit), reveal_grants_(context) {}

  // Every role, by name. Needs admin:roles:admin or admin:users:admin (to pick roles for users).
  Result<std::vector<RoleInfo>> List(const Actor& actor);
  // Conflict if the name is taken; InvalidArgument naming the field (name, label_zh, permissions);
  // PermissionDenied for an administrator duty the actor does not hold itself (CheckWithin).
  Result<RoleInfo> Create(const Actor& actor, const RoleDraft& draft);
  // Replaces label and permissions. NotFound; PermissionDenied for a seeded role or for an
  // administrator duty beyond the actor's own (CheckWithin). A role that now reveals files a
  // reveal request for each holder scoped to a county or wider (RevealGrants::Reconcile): adding
  // reveal to a role is no way around the second administrator.
  Result<RoleInfo> Update(const Actor& actor, int64_t id, const RoleDraft& draft);
  // NotFound; PermissionDenied for a seeded role; Conflict while a user holds it.
  Status Delete(const Actor& actor, int64_t id);

  // The ids of the roles named (at least one). InvalidArgument naming the unknown role. No check
  // of the actor: the caller (AccountService) has authorised the change.
  Result<std::vector<int64_t>> ResolveNames(const std::vector<std::string>& names);
  // PermissionDenied naming the first administrator duty that grants give beyond the actor's own
  // (三员分立: a security administrator cannot hand out the audit or system administrator's
  // duty). Pure but for the catalogue.
  static Status CheckWithin(const Actor& actor, const std::vector<std::string>& grants);
  // The grants of the roles of those ids together (one query per role).
  Result<std::vector<std::string>> GrantsOfRoles(const std::vector<int64_t>& role_ids);
  // Invalid (field owner_id, naming the role and the organisation ledger) when one of the roles
  // is made for an organisation ledger other than owner_ledger (the account's; "" = none).
  Status CheckFitsScope(const std::vector<int64_t>& role_ids, const std::string& owner_ledger);
  // Replaces the user's roles. Call inside the caller's transaction.
  Status SetUserRoles(int64_t user_id, const std::vector<int64_t>& role_ids);
  // Role names of every user that holds any: user id → names.
  Result<std::map<int64_t, std::vector<std::string>>> RolesByUser();
  // One user's roles and grants (one query).
  Result<UserGrants> GrantsOf(int64_t user_id);

 private:
  Result<RoleInfo> Find(int64_t id);
  Status CheckDraft(const RoleDraft& draft, bool creating);
  // PermissionDenied if the actor holds role (changing it would change the actor's own rights) or
  // role grants an administrator duty the actor lacks (CheckWithin).
  static Status CheckNotHeldAndWithin(const Actor& actor, const RoleInfo& role);
  Status WritePermissions(int64_t id, const std::vector<std::string>& permissions);
  // CheckRevealScoped for every holder of role id limited to no region or organisation, with the
  // grants its roles give now (inside the caller's transaction, after a change of the role).
  Status CheckUnlimitedHolders(int64_t id);

  Database& db_;
  AuditLog& audit_;
  RevealGrants reveal_grants_;
};

}  // namespace shanhai

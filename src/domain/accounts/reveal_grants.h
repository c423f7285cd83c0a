// The two-person rule for reading personal values whole across a county or wider (三员分立 asks
// that no one administrator alone hands out what only several may): an account whose roles reveal
// and whose scope is a county, a city or a province (RevealNeedsSecondApproval) reveals only once
// a second security administrator has approved a request for that account and that region.
//
// Requests are filed by the change that makes an account need one — a user added or changed, a
// role's permissions changed under its holders, a password reset (whoever set the password
// could sign in as the revealer) — and are listed for the other administrators, who approve or
// refuse them; each step is audited (reveal_grant_request, reveal_grant_approve,
// reveal_grant_refuse, reveal_grant_withdraw). Until approved the account works but every reveal
// is refused (Actor::reveal_withheld, set when its session is read: AccountService). An approval
// holds for the region it was given for: another scope, or roles that no longer reveal, withdraw
// it, and a wider scope later needs a new one.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/ledger/actor.h"
#include "domain/service_context.h"

namespace shanhai {

struct RevealGrant {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string user_name;
  std::string region;  // the scope the request is for (a 6-digit GB/T 2260 code)
  std::string reason;  // "grant" (roles or scope) | "password_reset"
  std::string state;   // "pending" | "approved" | "refused" | "withdrawn"
  std::string requested_by, requested_at, decided_by, decided_at;
};

class RevealGrants {
 public:
  // context (database, clock, audit log) must outlive the object. Stateless but for them.
  explicit RevealGrants(ServiceContext& context) : db_(*context.db), clock_(context.clock), audit_(context.audit) {}

  // After actor changed user id's roles or scope, or a role it holds (inside the caller's
  // transaction): if the account now needs approval and has none approved or pending for its
  // region, files a pending request ("grant") in actor's name; withdraws its requests for any
  // other region, and all of them when it needs no approval. Audited.
  Status Reconcile(const Actor& actor, int64_t user_id);
  // After actor set user id's password (inside the caller's transaction): if the account needs
  // approval, its approval and pending requests are withdrawn and a pending "password_reset"
  // request is filed, so that the resetting administrator, who knows the new password, cannot
  // reveal as the account alone. Audited.
  Status RenewAfterReset(const Actor& actor, int64_t user_id);
  // True if the account needs approval for its scope now and has none approved for it: the
  // value of Actor::reveal_withheld. grants, region, owner_ledger: the account's as loaded.
  Result<bool> Withheld(int64_t user_id, const std::vector<std::string>& grants, const std::string& region,
                        const std::string& owner_ledger);

  // The pending requests (oldest first), then the last 100 decided or withdrawn (newest first).
  // Needs admin:users:admin. First files a request, in the name of "system", for each account
  // that needs one and has never had one for its region (accounts from before this rule), so
  // that no account's reveal is withheld without a request to approve.
  Result<std::vector<RevealGrant>> List(const Actor& actor);
  // Approves (approve) or refuses request id. Needs admin:users:admin. PermissionDenied when the
  // actor filed the request, is the account itself, holds fewer administrator duties than the
  // account, or its own account descends from the requester (MakersOf: added or reset by the
  // requester, or by an account the requester added or reset, and so on), whose password the
  // requester may know. NotFound; Conflict when the request is no longer
  // pending, when the account's scope or roles changed since (the request is withdrawn), or, for
  // a password reset, while the account still has to replace the password set for it. Audited;
  // the account's sessions get the change at once.
  Result<RevealGrant> Decide(const Actor& actor, int64_t id, bool approve);

 private:
  Result<RevealGrant> Find(int64_t id);
  Status File(const Actor& actor, int64_t user_id, const std::string& name, const std::string& region,
              const std::string& reason);
  // Withdraws user id's open (pending or approved) requests except those for keep_region ("" =
  // none kept), each audited in actor's name.
  Status Withdraw(const Actor& actor, int64_t user_id, const std::string& keep_region, const std::string& why);
  Status Audit(const Actor& actor, const std::string& action, const RevealGrant& grant, const std::string& why = "");
  // The accounts that added or reset the password of name, of those, and so on (from the audit
  // log), name itself left out: whoever could have known its password.
  Result<std::vector<std::string>> MakersOf(const std::string& name);
  // PermissionDenied if actor may not decide grant (see Decide).
  Status CheckMayDecide(const Actor& actor, const RevealGrant& grant, const std::vector<std::string>& target_grants);

  Database& db_;
  const Clock& clock_;
  AuditLog& audit_;
};

}  // namespace shanhai

// Who may be given personal values whole. Revealing (a ledger's "reveal": an ID number, a mobile,
// a poverty status in full) is the one permission that hands out personal information beyond the
// masked form; PIPL asks for the least that a duty needs, so it goes only to an account limited to
// a region or an organisation — the county office that works with those people — never to an
// account that sees the whole country. The one exception is the super administrator (a holder of
// every administrator duty, the small office's single admin), whom 三员分立 lets only another super
// administrator create (RoleService::CheckWithin): a security administrator cannot make an
// unlimited reader of ID numbers, whether by a user's roles and scope or by a role's permissions.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"

namespace shanhai {

// Ok unless grants cover some ledger's reveal and the account they are given to sees every region
// and organisation (unlimited) without also covering every administrator duty. Otherwise
// PermissionDenied, in Chinese and English, naming the rule and the way out (a region or an
// organisation). Pure but for the catalogue; thread-safe.
Status CheckRevealScoped(const std::vector<std::string>& grants, bool unlimited);

// True if grants cover some ledger's reveal and the account's scope is a whole county, city or
// province (a region code of 6 digits, no organisation): the county labour bureau's legitimate
// need, and an attacker's prize, so such reveal takes effect only once a second security
// administrator approves it (reveal_grants.h, the two-person rule). A town, a village or an
// organisation is a clerk's daily work and needs no approval; an account limited to nothing is
// CheckRevealScoped's. Pure but for the catalogue; thread-safe.
bool RevealNeedsSecondApproval(const std::vector<std::string>& grants, const std::string& region,
                               const std::string& owner_ledger);

}  // namespace shanhai

// Where a record lies for an account limited to a town or a village (Scope::enclosing_sides),
// which sees and writes of its pairs' records only those lying in its region. The one rule, read
// from the declarations: the repository turns it into SQL (LedgerRepository::AppendRecordInRegion,
// PlacedIn), the validator holds every write to it (a clerk writes only records it will see).
#pragma once

#include <vector>

#include "domain/ledger/ledger_def.h"

namespace shanhai {

// How many references a placement follows at most (an application → its seeker → the person).
inline constexpr int kMaxPlacingHops = 3;

// The fields of def placing its records: its region fields that place (FieldDef::places), or, in a
// ledger without one, its references to ledgers that place their referrers
// (LedgerDef::places_referrers) and are placed themselves within kMaxPlacingHops — a pairing's two
// units, a seeker's person, an application's or spell's seeker. A reference a workflow step fills
// in (the unit claiming a need) says who acted, not where the record is: it places nothing. A
// record lies in every region one of these puts it in; with none given, in none. Empty: the
// ledger places no record below county level. hops: how many references may still be followed
// (a caller following one passes one less for the referenced ledger). Pure; thread-safe.
std::vector<const FieldDef*> PlacingFields(const LedgerDef& def, int hops = kMaxPlacingHops);

}  // namespace shanhai

// Which of the pairs an actor sees it may also write into: create, change and delete records of,
// import into, or move a record to (README, data scope). The one place that decides it; the
// validator asks for every write naming a pair, LedgerService::ReadForChange for every stored
// record about to change.
#pragma once

#include <map>
#include <string>

#include "common/status.h"
#include "domain/ledger/actor.h"
#include "domain/ledger/record_validator.h"
#include "storage/database.h"

namespace shanhai {

// Ok if actor may write in pair (one it sees, as FindPair found it); PermissionDenied naming the
// pair ("… 对您只读 / … is read-only to you") otherwise. A user limited to a town or a village
// writes only in the innermost pairs enclosing its region: those with the nearest of
// EnclosingPairSides that any stored pair has (normally its county), so that the county office,
// which sees no city or province pair, sees every record the town writes. An organisation's
// account writes only in the pair of its organisation's record (what its records refer to is
// there). Everyone else writes in every pair it sees.
// preloaded: every stored pair by code (RecordValidator::PreloadPairs), or null to read the pairs
// from db. owner_pair: for an organisation's account, the pair id of its organisation's record
// as OwnerPairId gave it (an import reads it once), or null to read it from db.
Status CheckPairWritable(Database& db, const Actor& actor, const RecordValidator::PairInfo& pair,
                         const std::map<std::string, RecordValidator::PairInfo>* preloaded,
                         const int64_t* owner_pair = nullptr);

// The pair id of the record an organisation's account belongs to (actor.owner_ledger, owner_id);
// 0 when that record is gone, or for an actor that is no organisation's or whose ledger has no pairs.
Result<int64_t> OwnerPairId(Database& db, const Actor& actor);

}  // namespace shanhai

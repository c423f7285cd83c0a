// How many records of a ledger hold a given id in one of their reference columns: what a
// refused delete reports (conflict_messages.h). Kept apart from LedgerRepository, which nearly
// every file includes, since only that message needs it.
// Thread safety: as the Database.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "domain/ledger/ledger_def.h"
#include "storage/database.h"

namespace shanhai {

// Records of def, in every scope, whose column equals id. column: pair_id of a pair-scoped
// ledger or one of def's ref fields (InvalidArgument for any other).
Result<int64_t> CountReferring(Database& db, const LedgerDef& def, const std::string& column, int64_t id);

}  // namespace shanhai

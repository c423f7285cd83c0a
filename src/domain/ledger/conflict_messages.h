// What a write refused by the database itself (a unique key, a foreign key) means in a
// clerk's words: the fields of the duplicated key, or the ledgers whose records still refer to
// the record being deleted — never the database's own text ("FOREIGN KEY constraint failed").
// Thread safety: pure, but for the counting, which reads the Database it is given.
#pragma once

#include <cstdint>

#include "common/status.h"
#include "domain/ledger/actor.h"
#include "domain/ledger/ledger_def.h"
#include "storage/database.h"

namespace shanhai {

// A unique violation of def's table restated with its fields' labels: Conflict "已有帮扶方
// 单位、受帮扶方单位、结对层级都相同的记录", one detail per field of the key; pair_id reads 帮扶
//关系. Any other status is returned as it came.
Status NameDuplicateKey(const LedgerDef& def, Status s);

// A delete of def's record `id` refused by a foreign key, restated with the ledgers whose
// records still refer to it and how many ("仍有 3 条结对关系引用该记录（帮扶方单位）"): a ref
// field naming def, or, for the pairs, every pair-scoped ledger. References stay within one
// pair, so an actor limited to a county or wider sees every record counted; an organisation's
// account (owner scope) and a town's or a village's (EnclosingPairSides: it sees only the pair's
// records placed in its region) may not, and are told neither ledgers nor numbers. db must be outside the refused
// transaction (PostgreSQL answers nothing inside an aborted one). Any other status is returned
// as it came.
Status NameReferrers(Database& db, const Actor& actor, const LedgerDef& def, int64_t id, Status s);

}  // namespace shanhai

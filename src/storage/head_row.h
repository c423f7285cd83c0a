// The row of a one-row head table (the audit chain's head, the change log's head), read and
// updated once per record, many times in one transaction. PostgreSQL keeps every version the
// transaction writes, and a look-up by key walks them all — with a savepoint per record, each
// version costs a subtransaction check: 4,000 updates of one row took 14 s, the same updates
// addressed by the row's ctid 0.13 s. So on PostgreSQL the statement is run at the address
// (ctid) this connection last saw the row at, and by key when that finds nothing: nothing seen
// yet, the version seen was rolled back to a savepoint, or another transaction has replaced it
// (a concurrent update is re-checked against its new version, whose ctid differs). SQLite keeps
// no versions: its form runs by key.
#pragma once

#include <string_view>
#include <vector>

#include "storage/database.h"

namespace shanhai {

// The statement of one head table in its forms. On PostgreSQL both answer the row with its
// address last (`RETURNING …, ctid::text`); at_address also ends its WHERE with
// `ctid = CAST(? AS tid) AND id = 1`, the address bound after the parameters. SQLite runs `sqlite`.
struct HeadRowStatement {
  std::string_view table;
  std::string_view at_address;
  std::string_view by_key;
  std::string_view sqlite;
};

// Runs the statement and remembers the address it answered. Errors: the database's.
Result<Rows> QueryHeadRow(Database& db, const HeadRowStatement& statement, const std::vector<Value>& params = {});

}  // namespace shanhai

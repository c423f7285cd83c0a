#include "storage/head_row.h"

#include <string>

namespace shanhai {

Result<Rows> QueryHeadRow(Database& db, const HeadRowStatement& statement, const std::vector<Value>& params) {
  if (db.dialect() != Dialect::kPostgres) return db.Query(statement.sqlite, params);
  std::string& address = db.head_row_addresses()[std::string(statement.table)];
  if (!address.empty()) {
    std::vector<Value> addressed = params;
    addressed.emplace_back(address);
    SH_ASSIGN_OR_RETURN(Rows rows, db.Query(statement.at_address, addressed));
    if (!rows.rows.empty()) {
      address = AsText(rows.rows[0].back());
      return rows;
    }
  }
  SH_ASSIGN_OR_RETURN(Rows rows, db.Query(statement.by_key, params));
  address = rows.rows.empty() ? "" : AsText(rows.rows[0].back());
  return rows;
}

}  // namespace shanhai

#include "domain/ledger/reference_counts.h"

namespace shanhai {

Result<int64_t> CountReferring(Database& db, const LedgerDef& def, const std::string& column, int64_t id) {
  const FieldDef* f = def.Field(column);
  const bool pair = def.pair_scoped && column == "pair_id";
  if (!pair && !(f && f->type == FieldType::kRef))
    return Status::InvalidArgument("不是引用字段：" + column, "not a reference field: " + column);
  // Table and column are declared names, never input.
  SH_ASSIGN_OR_RETURN(Rows rows, db.Query("SELECT COUNT(*) FROM " + def.name + " WHERE " + column + " = ?", {id}));
  return AsInt(rows.rows.at(0).at(0));
}

}  // namespace shanhai

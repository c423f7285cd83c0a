#include "domain/ledger/ledger_repository.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>

#include "common/text.h"
#include "domain/ledger/record_placement.h"
#include "domain/ledger/workflow.h"

namespace shanhai {

namespace {

const char* kBookkeeping[] = {"created_at", "updated_at", "created_by", "updated_by"};

// Bulk loading. Sequences: AUTOINCREMENT keeps the highest id ever given in sqlite_sequence.
// The highest id ever given (AUTOINCREMENT's sequence) or stored, whichever is higher: the ids
// NewIds hands out must be free, since a refused bulk load deletes its own by their range.
constexpr const char* kLastIdSqlite =
    "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), COALESCE((SELECT MAX(id) FROM ";
constexpr const char* kNextIdsPostgres =
    "SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, CAST(? AS BIGINT))";
// Non-unique indexes with the statement that recreates each (autoindexes of UNIQUE have no sql).
constexpr const char* kSecondaryIndexesSqlite =
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
    "AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name";
// From pg_index by the table's oid (resolved as unqualified queries resolve it), so that
// pg_get_indexdef runs only on this table's indexes: the pg_indexes view computes it for other
// schemas' rows too, which fails while another session drops them.
constexpr const char* kSecondaryIndexesPostgres =
    "SELECT c.relname, pg_get_indexdef(c.oid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
    "WHERE i.indrelid = to_regclass(?) AND NOT i.indisunique ORDER BY c.relname";
constexpr const char* kPageCacheSqlite = "PRAGMA cache_size";
constexpr const char* kSetPageCacheSqlite = "PRAGMA cache_size = ";  // + a number (pragmas take no parameters)
// Natural keys looked up per statement (well under both backends' parameter limits).
constexpr size_t kTakenKeysChunk = 500;

// The column a ledger's natural key is stored in, or "" without one.
std::string NaturalKeyColumn(const LedgerDef& def) {
  const FieldDef* key = def.Field(def.natural_key);
  if (!key) return "";
  return key->IsSensitive() ? def.natural_key + "_hash" : def.natural_key;
}

LedgerSql BuildSql(const LedgerDef& def) {
  LedgerSql sql;
  if (def.pair_scoped) {
    sql.columns.push_back("pair_id");
    sql.columns.push_back("helped_region");
  }
  for (const std::string& c : StoredColumnsOf(def)) sql.columns.push_back(c);
  for (const char* c : kBookkeeping) sql.columns.push_back(c);

  std::string names, marks;
  for (const std::string& c : sql.columns) {
    names += (names.empty() ? "" : ", ") + c;
    marks += marks.empty() ? "?" : ", ?";
  }
  sql.insert = "INSERT INTO " + def.name + " (" + names + ") VALUES (" + marks + ") RETURNING id";
  // Pairs scope themselves: joining the table to itself keeps one query shape for all ledgers.
  const std::string pair_join = def.pair_scoped ? "p.id = r.pair_id" : "p.id = r.id";
  sql.select_from = "SELECT r.*, p.code AS pair_code FROM " + def.name + " r JOIN pairs p ON " + pair_join;
  sql.delete_by_id = "DELETE FROM " + def.name + " WHERE id = ?";
  sql.lock_by_id = "SELECT id FROM " + def.name + " WHERE id = ? FOR UPDATE";
  sql.bulk_columns.push_back("id");
  sql.bulk_columns.insert(sql.bulk_columns.end(), sql.columns.begin(), sql.columns.end());
  sql.count_up_to = "SELECT COUNT(*) FROM (SELECT 1 FROM " + def.name + " LIMIT ?) up_to";
  if (const std::string key = NaturalKeyColumn(def); !key.empty())
    sql.select_keys =
        "SELECT id, " + std::string(def.pair_scoped ? "pair_id" : "0") + ", " + key + " FROM " + def.name;
  return sql;
}

// Generated once per ledger for the life of the process.
const LedgerSql& SqlFor(const LedgerDef& def) {
  static std::mutex mu;
  static std::map<const LedgerDef*, LedgerSql> cache;
  std::lock_guard lock(mu);
  auto it = cache.find(&def);
  if (it == cache.end()) it = cache.emplace(&def, BuildSql(def)).first;
  return it->second;
}

bool IsSortable(const LedgerDef& def, const std::string& column) {
  if (column == "id" || column == "created_at" || column == "updated_at") return true;
  const FieldDef* f = def.Field(column);
  return f && !f->IsSensitive();
}

}  // namespace

std::vector<std::string> StoredColumnsOf(const LedgerDef& def) {
  std::vector<std::string> out;
  for (const FieldDef& f : def.fields) {
    if (f.IsSensitive()) {
      out.push_back(f.key + "_enc");
      if (f.HasLookupHash()) out.push_back(f.key + "_hash");
    } else {
      out.push_back(f.key);
    }
  }
  return out;
}

std::vector<std::string> RevealGuardedFieldsIn(const LedgerDef& def, const std::string& condition) {
  auto reads = [&](const std::string& column) {
    const std::string name = "r." + column;
    for (size_t at = condition.find(name); at != std::string::npos; at = condition.find(name, at + 1)) {
      const size_t end = at + name.size();
      const bool whole_word = end == condition.size() || !(std::isalnum(static_cast<unsigned char>(condition[end])) ||
                                                           condition[end] == '_');
      if (whole_word) return true;
    }
    return false;
  };
  std::vector<std::string> out;
  for (const FieldDef& f : def.fields) {
    if (!f.NeedsReveal()) continue;
    if (f.IsSensitive() ? (f.HasLookupHash() && reads(f.key + "_hash")) || reads(f.key + "_enc") : reads(f.key))
      out.push_back(f.key);
  }
  return out;
}

LedgerRepository::LedgerRepository(Database& db, const LedgerDef& def) : db_(db), def_(def), sql_(SqlFor(def)) {}

Result<int64_t> LedgerRepository::Insert(const Columns& row) {
  std::vector<Value> params;
  params.reserve(sql_.columns.size());
  for (const std::string& c : sql_.columns) {
    const Value* found = nullptr;
    for (const auto& [k, v] : row)
      if (k == c) found = &v;
    params.push_back(found ? *found : Value{});
  }
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(sql_.insert, params));
  if (rows.rows.empty()) return Status::Internal("insert returned no id");
  return AsInt(rows.rows[0][0]);
}

Status LedgerRepository::Update(int64_t id, int64_t expected_version, const Columns& row) {
  std::string sets;
  std::vector<Value> params;
  for (const auto& [k, v] : row) {
    sets += k + " = ?, ";
    params.push_back(v);
  }
  const std::string sql = "UPDATE " + def_.name + " SET " + sets + "version = version + 1 WHERE id = ? AND version = ?";
  params.push_back(id);
  params.push_back(expected_version);
  SH_ASSIGN_OR_RETURN(int64_t changed, db_.Execute(sql, params));
  if (changed == 1) return Status::Ok();
  SH_ASSIGN_OR_RETURN(Rows exists, db_.Query("SELECT version FROM " + def_.name + " WHERE id = ?", {id}));
  if (exists.rows.empty()) return Status::NotFound("记录不存在", "no such record");
  return Status::Conflict("记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and retry");
}

Status LedgerRepository::Delete(int64_t id) {
  SH_ASSIGN_OR_RETURN(int64_t changed, db_.Execute(sql_.delete_by_id, {id}));
  if (changed == 0) return Status::NotFound("记录不存在", "no such record");
  return Status::Ok();
}

namespace {

// The condition that a record of def, under alias, lies in the region prefix: one of its placing
// fields (record_placement.h) is inside — a region field by its code, a reference by the referenced
// record's own placement, one uncorrelated IN (SELECT id …) per hop, so each level is one indexed
// read. "" when def places no record. A unit without a 所在地, or a reference not given, places
// nothing (NULL LIKE and NULL IN are not true).
std::string PlacedCondition(const LedgerDef& def, const std::string& alias, int hops, const std::string& prefix,
                            std::vector<Value>& params) {
  std::string any;
  for (const FieldDef* f : PlacingFields(def, hops)) {
    any += any.empty() ? "" : " OR ";
    if (f->type == FieldType::kRegion) {
      any += alias + "." + f->key + " LIKE ?";
      params.emplace_back(prefix + "%");
      continue;
    }
    const LedgerDef& target = *FindLedger(f->ref_ledger);
    const std::string inner = "pl" + std::to_string(kMaxPlacingHops - hops + 1);
    any += alias + "." + f->key + " IN (SELECT " + inner + ".id FROM " + target.name + " " + inner + " WHERE " +
           PlacedCondition(target, inner, hops - 1, prefix, params) + ")";
  }
  return any.empty() ? "" : "(" + any + ")";
}

}  // namespace

ScopeExclusion ExcludedByScope(const LedgerDef& def, const Scope& scope) {
  // Shared reference data (the pairs) is read by every organisation, changed by none.
  const bool owner_filtered = !scope.owner_ledger.empty() && !(def.shared_reference && !scope.for_change);
  if (owner_filtered && def.OwnerLedger() != scope.owner_ledger) return ScopeExclusion::kNoOwnerField;
  const bool open_demand = !def.open_state.empty() && !scope.for_change;
  if (!scope.visible_prefix.empty() && !scope.enclosing_sides.empty() && def.pair_scoped && !open_demand &&
      PlacingFields(def).empty())
    return ScopeExclusion::kNoRegionField;
  return ScopeExclusion::kNone;
}

void LedgerRepository::AppendScope(const Scope& scope, std::string& where, std::vector<Value>& params) const {
  AppendOwner(scope, where, params);
  // The pairs in scope are few; selecting their ids first lets each ledger's (pair_id, …)
  // index do the work instead of joining every record to its pair.
  std::string pairs_in_scope;
  if (!scope.pair_helper_prefix.empty()) {
    pairs_in_scope += " AND sp.helper_region LIKE ? AND sp.helped_region LIKE ?";
    params.emplace_back(scope.pair_helper_prefix + "%");
    params.emplace_back(scope.pair_helped_prefix + "%");
  }
  if (!scope.visible_prefix.empty() && scope.enclosing_sides.empty()) {
    pairs_in_scope += " AND (sp.helper_region LIKE ? OR sp.helped_region LIKE ?)";
    params.emplace_back(scope.visible_prefix + "%");
    params.emplace_back(scope.visible_prefix + "%");
  }
  if (!scope.visible_prefix.empty() && !scope.enclosing_sides.empty()) {
    std::string marks;
    for (size_t i = 0; i < scope.enclosing_sides.size(); ++i) marks += i ? ", ?" : "?";
    pairs_in_scope += " AND (sp.helper_region IN (" + marks + ") OR sp.helped_region IN (" + marks + "))";
    for (int side = 0; side < 2; ++side)
      for (const std::string& code : scope.enclosing_sides) params.emplace_back(code);
  }
  if (pairs_in_scope.empty()) return;
  where += std::string(" AND ") + (def_.pair_scoped ? "r.pair_id" : "r.id") +
           " IN (SELECT sp.id FROM pairs sp WHERE 1 = 1" + pairs_in_scope + ")";
  if (!scope.enclosing_sides.empty() && def_.pair_scoped) AppendRecordInRegion(scope, where, params);
  // The pairs a user below county level sees enclose its region: it reads them, never changes them.
  if (!scope.enclosing_sides.empty() && !def_.pair_scoped && scope.for_change) where += " AND 1 = 0";
}

void LedgerRepository::AppendRecordInRegion(const Scope& scope, std::string& where, std::vector<Value>& params) const {
  std::string any = PlacedCondition(def_, "r", kMaxPlacingHops, scope.visible_prefix, params);
  // Open demand is read wherever it lies (LedgerDef::open_state); a change needs the placement.
  if (!def_.open_state.empty() && !scope.for_change) {
    any += (any.empty() ? "" : " OR ") + ("r." + def_.workflow->state_field + " = ?");
    params.emplace_back(def_.open_state);
  }
  where += any.empty() ? " AND 1 = 0" : " AND (" + any + ")";
}

Result<bool> LedgerRepository::PlacedIn(int64_t id, const std::string& prefix) {
  std::vector<Value> params{id};
  const std::string placed = PlacedCondition(def_, "r", kMaxPlacingHops, prefix, params);
  if (placed.empty()) return false;
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query("SELECT 1 FROM " + def_.name + " r WHERE r.id = ? AND " + placed, params));
  return !rows.rows.empty();
}

void LedgerRepository::AppendOwner(const Scope& scope, std::string& where, std::vector<Value>& params) const {
  if (scope.owner_ledger.empty() || (def_.shared_reference && !scope.for_change)) return;
  if (def_.OwnerLedger() != scope.owner_ledger) {
    where += " AND 1 = 0";
    return;
  }
  where += " AND r." + def_.owner_field + " = ?";
  params.emplace_back(scope.owner_id);
}

void LedgerRepository::AppendPeriod(const std::string& from, const std::string& to, std::string& where,
                                    std::vector<Value>& params) const {
  if (def_.date_field.empty()) return;
  if (!from.empty()) {
    where += " AND r." + def_.date_field + " >= ?";
    params.emplace_back(from);
  }
  if (!to.empty()) {
    where += " AND r." + def_.date_field + " <= ?";
    params.emplace_back(to);
  }
}

Result<std::optional<Rows>> LedgerRepository::Get(int64_t id, const Scope& scope) {
  std::string where = " WHERE r.id = ?";
  std::vector<Value> params{id};
  AppendScope(scope, where, params);
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(sql_.select_from + where, params));
  if (rows.rows.empty()) return std::optional<Rows>();
  return std::optional<Rows>(std::move(rows));
}

Status LedgerRepository::LockRow(int64_t id) {
  if (db_.dialect() != Dialect::kPostgres) return Status::Ok();
  return db_.Query(sql_.lock_by_id, {id}).status();
}

Result<std::string> LedgerRepository::ListWhere(const ListQuery& query, const Scope& scope,
                                                std::vector<Value>& params) const {
  std::string where = " WHERE 1 = 1";
  AppendScope(scope, where, params);
  AppendPeriod(query.date_from, query.date_to, where, params);
  for (const auto& [column, value] : query.equals) {
    if (column != "pair_id" && column != "id" && !def_.Field(column) &&
        !(column.ends_with("_hash") && def_.Field(column.substr(0, column.size() - 5))))
      return Status::InvalidArgument("未知的筛选字段：" + column, "unknown filter field: " + column);
    where += " AND r." + column + " = ?";
    params.push_back(value);
  }
  for (const auto& [column, prefix] : query.within) {
    const FieldDef* f = def_.Field(column);
    if (!f || f->type != FieldType::kRegion || !IsAsciiDigits(prefix))
      return Status::InvalidArgument("未知的地区筛选字段：" + column, "unknown region filter field: " + column);
    where += " AND r." + column + " LIKE ?";
    params.emplace_back(prefix + "%");
  }
  if (!query.condition.empty()) {
    where += " AND (" + query.condition + ")";
    params.insert(params.end(), query.condition_params.begin(), query.condition_params.end());
  }
  if (!query.text.empty()) {
    std::string any;
    for (const FieldDef& f : def_.fields) {
      if (!f.searchable) continue;
      any += (any.empty() ? "" : " OR ") + ("r." + f.key + " LIKE ?");
      params.emplace_back("%" + query.text + "%");
    }
    if (!any.empty()) where += " AND (" + any + ")";
  }
  if (query.only_ids) {
    // Integers written into the statement: any number of them, under either database's
    // limit on parameters.
    std::string ids;
    for (int64_t id : *query.only_ids) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
    where += ids.empty() ? " AND 1 = 0" : " AND r.id IN (" + ids + ")";
  }
  return where;
}

Result<Rows> LedgerRepository::ListColumns(const ListQuery& query, const Scope& scope, const std::string& columns) {
  std::vector<Value> params;
  SH_ASSIGN_OR_RETURN(std::string where, ListWhere(query, scope, params));
  if (!IsSortable(def_, query.sort_column))
    return Status::InvalidArgument("不能按该字段排序：" + query.sort_column, "cannot sort by " + query.sort_column);
  const std::string sort = "r." + query.sort_column;
  if (query.after) AppendAfter(*query.after, sort, query.descending, where, params);
  return db_.Query("SELECT " + columns + " FROM " + def_.name + " r" + where + " ORDER BY " + sort +
                       (query.descending ? " DESC" : " ASC") + ", r.id ASC",
                   params);
}

Result<StoredPage> LedgerRepository::List(const ListQuery& query, const Scope& scope) {
  std::vector<Value> params;
  SH_ASSIGN_OR_RETURN(std::string where, ListWhere(query, scope, params));
  if (!IsSortable(def_, query.sort_column))
    return Status::InvalidArgument("不能按该字段排序：" + query.sort_column, "cannot sort by " + query.sort_column);

  StoredPage page;
  if (query.count_total) {
    SH_ASSIGN_OR_RETURN(Rows count, db_.Query("SELECT COUNT(*) FROM " + def_.name + " r" + where, params));
    page.total = AsInt(count.rows[0][0]);
  }
  const std::string sort = "r." + query.sort_column;
  if (query.after) AppendAfter(*query.after, sort, query.descending, where, params);
  std::string sql = sql_.select_from + where + " ORDER BY " + sort + (query.descending ? " DESC" : " ASC") + ", r.id ASC";
  const int64_t offset = query.after ? 0 : (std::max<int64_t>(query.page, 1) - 1) * query.page_size;
  if (query.page_size > 0) {
    // One row more than asked tells whether another page follows without counting.
    sql += " LIMIT ? OFFSET ?";
    params.emplace_back(query.page_size + 1);
    params.emplace_back(offset);
  }
  SH_ASSIGN_OR_RETURN(page.rows, db_.Query(sql, params));
  if (query.page_size > 0 && static_cast<int64_t>(page.rows.rows.size()) > query.page_size) {
    page.rows.rows.pop_back();
    page.has_more = true;
  }
  if (!page.rows.rows.empty()) {
    const std::vector<Value>& last = page.rows.rows.back();
    page.last.id = AsInt(last[page.rows.Column("id")]);
    page.last.sort_value = last[page.rows.Column(query.sort_column)];
  }
  return page;
}

void LedgerRepository::AppendAfter(const ListCursor& after, const std::string& sort, bool descending,
                                   std::string& where, std::vector<Value>& params) const {
  if (sort == "r.id") {
    where += descending ? " AND r.id < ?" : " AND r.id > ?";
    params.emplace_back(after.id);
    return;
  }
  // Rows equal in the sort column follow in id order. NULLs sort as the smallest value in
  // SQLite and as the largest in PostgreSQL: the walk follows the ORDER BY of the database.
  const bool nulls_smallest = db_.dialect() == Dialect::kSqlite;
  const bool nulls_first = nulls_smallest != descending;
  if (IsNull(after.sort_value)) {
    where += " AND ((" + sort + " IS NULL AND r.id > ?)" + (nulls_first ? " OR " + sort + " IS NOT NULL)" : ")");
    params.emplace_back(after.id);
    return;
  }
  where += " AND (" + sort + (descending ? " < ?" : " > ?") + " OR (" + sort + " = ? AND r.id > ?)" +
           (nulls_first ? ")" : " OR " + sort + " IS NULL)");
  params.push_back(after.sort_value);
  params.push_back(after.sort_value);
  params.emplace_back(after.id);
}

std::string LedgerRepository::FigureWhere(const std::string& condition, const Scope& scope,
                                          const std::string& date_from, const std::string& date_to,
                                          const std::vector<Value>& condition_params, std::vector<Value>& params) const {
  std::string where = " WHERE 1 = 1";
  AppendScope(scope, where, params);
  AppendPeriod(date_from, date_to, where, params);
  if (!condition.empty()) {
    where += " AND (" + condition + ")";
    params.insert(params.end(), condition_params.begin(), condition_params.end());
  }
  return where;
}

Result<Value> LedgerRepository::Aggregate(const std::string& aggregate, const std::string& condition,
                                          const Scope& scope, const std::string& date_from,
                                          const std::string& date_to, const std::vector<Value>& condition_params) {
  std::vector<Value> params;
  const std::string where = FigureWhere(condition, scope, date_from, date_to, condition_params, params);
  const std::string sql = "SELECT " + aggregate + " FROM " + def_.name + " r" + where;
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(sql, params));
  if (rows.rows.empty()) return Value{};
  return rows.rows[0][0];
}

Result<Rows> LedgerRepository::FigureColumns(const std::string& columns, const std::string& condition,
                                             const Scope& scope, const std::string& date_from,
                                             const std::string& date_to, const std::vector<Value>& condition_params) {
  std::vector<Value> params;
  const std::string where = FigureWhere(condition, scope, date_from, date_to, condition_params, params);
  return db_.Query("SELECT " + columns + " FROM " + def_.name + " r" + where, params);
}

Result<std::vector<int64_t>> LedgerRepository::PairsOf(const std::string& condition, const Scope& scope,
                                                       const std::string& date_from, const std::string& date_to,
                                                       const std::vector<Value>& condition_params) {
  std::vector<Value> params;
  const std::string where = FigureWhere(condition, scope, date_from, date_to, condition_params, params);
  const std::string pair = def_.pair_scoped ? "r.pair_id" : "r.id";
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query("SELECT DISTINCT " + pair + " FROM " + def_.name + " r" + where, params));
  std::vector<int64_t> out;
  for (const auto& row : rows.rows) out.push_back(AsInt(row[0]));
  return out;
}

Result<int64_t> LedgerRepository::FindByNaturalKey(int64_t pair_id, const std::string& column, const Value& value) {
  std::string sql = "SELECT id FROM " + def_.name + " WHERE " + column + " = ?";
  std::vector<Value> params{value};
  if (def_.pair_scoped && pair_id != 0) {
    sql += " AND pair_id = ?";
    params.emplace_back(pair_id);
  }
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(sql, params));
  return rows.rows.empty() ? int64_t{0} : AsInt(rows.rows[0][0]);
}

Result<int64_t> LedgerRepository::CountUpTo(int64_t limit) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(sql_.count_up_to, {limit}));
  return AsInt(rows.rows.at(0).at(0));
}

Result<std::vector<int64_t>> LedgerRepository::NewIds(int64_t count) {
  std::vector<int64_t> ids;
  if (count <= 0) return ids;
  ids.reserve(static_cast<size_t>(count));
  if (db_.dialect() == Dialect::kPostgres) {
    SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kNextIdsPostgres, {def_.name, count}));
    for (const auto& r : rows.rows) ids.push_back(AsInt(r[0]));
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(std::string(kLastIdSqlite) + def_.name + "), 0))", {def_.name}));
  const int64_t last = AsInt(rows.rows.at(0).at(0));
  for (int64_t i = 1; i <= count; ++i) ids.push_back(last + i);
  return ids;
}

Status LedgerRepository::InsertMany(const std::vector<std::vector<Value>>& rows) {
  return db_.BulkInsert(def_.name, sql_.bulk_columns, rows);
}

Status LedgerRepository::DeleteIdRange(int64_t first, int64_t last) {
  return db_.Execute("DELETE FROM " + def_.name + " WHERE id BETWEEN ? AND ?", {first, last}).status();
}

std::vector<Value> LedgerRepository::BulkRowOf(int64_t id, Columns row) const {
  std::vector<Value> out;
  out.reserve(sql_.bulk_columns.size());
  out.emplace_back(id);
  // Rows are built in column order, so the search almost always succeeds at the first step.
  size_t next = 0;
  for (const std::string& c : sql_.columns) {
    size_t at = next < row.size() && row[next].first == c ? next : row.size();
    for (size_t k = 0; at == row.size() && k < row.size(); ++k)
      if (row[k].first == c) at = k;
    if (at == row.size()) {
      out.emplace_back();
      continue;
    }
    out.push_back(std::move(row[at].second));
    next = at + 1;
  }
  return out;
}

Result<std::vector<TakenKey>> LedgerRepository::FindTakenKeys(const std::vector<Value>& values) {
  std::vector<TakenKey> out;
  if (sql_.select_keys.empty()) return Status::Internal("ledger " + def_.name + " has no natural key");
  const std::string in = " WHERE " + NaturalKeyColumn(def_) + " IN (";
  for (size_t first = 0; first < values.size(); first += kTakenKeysChunk) {
    const size_t n = std::min(kTakenKeysChunk, values.size() - first);
    // Always kTakenKeysChunk parameters (the last value repeated): one statement text, prepared once.
    static const std::string marks = [] {
      std::string m;
      for (size_t i = 0; i < kTakenKeysChunk; ++i) m += i ? ", ?" : "?";
      return m + ")";
    }();
    std::vector<Value> params(values.begin() + static_cast<ptrdiff_t>(first),
                              values.begin() + static_cast<ptrdiff_t>(first + n));
    params.resize(kTakenKeysChunk, params.back());
    const std::string sql = sql_.select_keys + in + marks;
    SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(sql, params));
    for (auto& r : rows.rows) out.push_back({AsInt(r[0]), AsInt(r[1]), std::move(r[2])});
  }
  return out;
}

Result<std::vector<TakenKey>> LedgerRepository::AllTakenKeys() {
  if (sql_.select_keys.empty()) return Status::Internal("ledger " + def_.name + " has no natural key");
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(sql_.select_keys));
  std::vector<TakenKey> out;
  out.reserve(rows.rows.size());
  for (auto& r : rows.rows) out.push_back({AsInt(r[0]), AsInt(r[1]), std::move(r[2])});
  return out;
}

Result<std::vector<TableIndex>> LedgerRepository::SecondaryIndexes() {
  const char* sql = db_.dialect() == Dialect::kPostgres ? kSecondaryIndexesPostgres : kSecondaryIndexesSqlite;
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(sql, {def_.name}));
  std::vector<TableIndex> out;
  for (const auto& r : rows.rows) out.push_back({AsText(r[0]), AsText(r[1])});
  return out;
}

// Index names and statements come from the database's own catalogue (SecondaryIndexes),
// never from user input.
Status LedgerRepository::DropIndex(const TableIndex& index) {
  return db_.ExecScript("DROP INDEX " + index.name);
}

Status LedgerRepository::CreateIndex(const TableIndex& index) { return db_.ExecScript(index.sql); }

Result<int64_t> LedgerRepository::PageCache() {
  if (db_.dialect() != Dialect::kSqlite) return int64_t{0};
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kPageCacheSqlite));
  return AsInt(rows.rows.at(0).at(0));
}

Status LedgerRepository::SetPageCache(int64_t size) {
  if (db_.dialect() != Dialect::kSqlite) return Status::Ok();
  return db_.ExecScript(kSetPageCacheSqlite + std::to_string(size));
}

Result<std::vector<std::pair<int64_t, std::string>>> LedgerRepository::NaturalKeysOf(const std::vector<int64_t>& ids) {
  std::vector<std::pair<int64_t, std::string>> out;
  const FieldDef* key = def_.Field(def_.natural_key);
  if (ids.empty() || !key || key->IsSensitive()) return out;  // a sensitive key is never shown as a label
  // One query per page: ids are distinct and at most a page long.
  std::vector<Value> params;
  std::string marks;
  for (int64_t id : ids) {
    if (std::find_if(params.begin(), params.end(), [&](const Value& v) { return AsInt(v) == id; }) != params.end())
      continue;
    marks += marks.empty() ? "?" : ", ?";
    params.emplace_back(id);
  }
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query("SELECT id, " + def_.natural_key + " FROM " + def_.name +
                                               " WHERE id IN (" + marks + ")",
                                           params));
  for (const auto& row : rows.rows) out.emplace_back(AsInt(row[0]), AsText(row[1]));
  return out;
}

}  // namespace shanhai

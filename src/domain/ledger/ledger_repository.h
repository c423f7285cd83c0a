// All SQL of every ledger. The statements are generated once per ledger from its LedgerDef
// (column names come only from declarations, never from user input; user values are always
// bound parameters) and kept as named members of LedgerSql.
//
// Rows here are "stored" rows: sensitive fields are already split into <key>_enc/<key>_hash
// by the service. Thread safety: none; one repository per Database connection.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/ledger/ledger_def.h"
#include "storage/database.h"

namespace shanhai {

using Columns = std::vector<std::pair<std::string, Value>>;

// Which records a query may see.
struct Scope {
  // Records of pairs inside this pair: helper region and helped region prefixes (see
  // RegionPrefix). Empty = no pair restriction.
  std::string pair_helper_prefix;
  std::string pair_helped_prefix;
  // The user's region prefix: a record is visible if either side of its pair lies in it.
  // Empty = everything.
  std::string visible_prefix;
  // A user below county level (a town, a village) lies inside a pair's side instead: these are
  // the regions enclosing theirs at the levels pairs are made (its county, city and province).
  // When given, the visible pairs are those with a side among them, and of the pairs' records
  // only those placed inside visible_prefix (record_placement.h; a ledger placing none shows
  // nothing) and, to read, the open demand (LedgerDef::open_state).
  std::vector<std::string> enclosing_sides;
  // Owner scope: only the records owned by record owner_id of ledger owner_ledger (see
  // LedgerDef::owner_field); a ledger with no owner, or owned through another ledger, shows
  // nothing (shared reference ledgers excepted). Empty owner_ledger = no owner restriction.
  std::string owner_ledger;
  int64_t owner_id = 0;
  // The scope of a change rather than a read: shared reference data is then owner-filtered like
  // any ledger (an organisation's account reads the pairs but does not change them).
  bool for_change = false;
};

// Why a scope selects none of a ledger's records, whatever they hold (see ExcludedByScope).
enum class ScopeExclusion {
  kNone,           // the scope may select some of them
  kNoRegionField,  // a town's or a village's user (Scope::enclosing_sides), and the ledger places
                   // no record in a region (PlacingFields: neither a region field nor a reference
                   // to a placed record) nor has open demand to read: none is in the user's region
  kNoOwnerField,   // an organisation's account (Scope::owner_ledger), and the ledger's records
                   // belong to no organisation of that ledger
};

// Whether def's records are out of scope as a kind, not one by one: the conditions AppendScope
// writes as "1 = 0". A figure over such a ledger is not counted for the scope (its 0 would read
// as "nothing happened"); a list of it is empty. Checked first for the owner, then the region.
ScopeExclusion ExcludedByScope(const LedgerDef& def, const Scope& scope);

// Where a keyset-paged list stopped: the last row's sort column value (as stored) and id.
// Opaque to callers: they hand back StoredPage::last to get the rows after it.
struct ListCursor {
  Value sort_value;
  int64_t id = 0;
};

struct ListQuery {
  std::string text;                                        // free text over searchable fields
  std::vector<std::pair<std::string, Value>> equals;       // stored column = value
  // Region column → significant prefix (RegionPrefix): the records placed in that region or below.
  std::vector<std::pair<std::string, std::string>> within;
  std::string date_from, date_to;                          // inclusive, on the ledger's date_field
  std::string sort_column = "id";                          // a declared column, id, created_at, updated_at
  bool descending = false;
  int64_t page = 1;                                        // 1-based
  int64_t page_size = 20;                                  // 1..1000; 0 = all (exports)
  // A constant SQL condition over alias r from the indicator catalogue (never user text),
  // with its parameters: lists the records behind a figure.
  std::string condition;
  std::vector<Value> condition_params;
  // Only these records (ids): what the service selected by decrypting a column SQL cannot
  // compare (a sensitive enum has no look-up hash, FieldDef::HasLookupHash). Unset = no limit.
  std::optional<std::vector<int64_t>> only_ids;
  // false: no COUNT query (StoredPage::total = -1); has_more comes from reading one row more.
  bool count_total = true;
  // Keyset paging: the rows after this one in the query's order, and `page` is ignored. Each
  // page is one indexed range read however deep the iteration (OFFSET rereads what it skips);
  // rows inserted or deleted meanwhile never make an older row repeat or be missed. The order
  // is the one the same query without `after` gives (NULLs as the database orders them).
  std::optional<ListCursor> after;
};

struct StoredPage {
  int64_t total = -1;     // -1 when not counted (ListQuery::count_total false)
  bool has_more = false;  // rows follow this page
  ListCursor last;        // of the page's last row (see ListQuery::after)
  Rows rows;  // columns: every table column, plus pair_code
};

// The generated SQL of one ledger.
struct LedgerSql {
  std::vector<std::string> columns;  // table columns written on insert, in order
  std::string insert;
  std::string select_from;           // "SELECT r.*, p.code AS pair_code FROM t r JOIN pairs p ON ..."
  std::string delete_by_id;
  std::string lock_by_id;            // PostgreSQL: "SELECT id FROM t WHERE id = ? FOR UPDATE"
  // Bulk loads (the import): "id" followed by columns, and the look-up of natural keys taken.
  std::vector<std::string> bulk_columns;
  std::string count_up_to;           // COUNT(*) of at most ? records
  std::string select_keys;           // "SELECT id, pair_id, <key> FROM t" ("" without a natural key)
};

// A secondary (non-unique) index of a ledger's table, as the database reports it: dropping
// and re-running sql recreates it exactly.
struct TableIndex {
  std::string name;
  std::string sql;
};

// A natural key found taken by FindTakenKeys.
struct TakenKey {
  int64_t id = 0;
  int64_t pair_id = 0;  // 0 for ledgers that are not pair-scoped
  Value value;
};

// The table columns a ledger's fields map to (sensitive fields give two).
std::vector<std::string> StoredColumnsOf(const LedgerDef& def);

// Keys of def's fields that NeedsReveal and whose columns a catalogue condition (SQL over
// alias r, see ListQuery::condition) reads, e.g. "r.mobile_hash IS NULL" → mobile.
// Only def's own columns read through r count: a condition whose subquery reads another
// ledger's sensitive column is not seen here (no catalogue condition does so today).
std::vector<std::string> RevealGuardedFieldsIn(const LedgerDef& def, const std::string& condition);

class LedgerRepository {
 public:
  LedgerRepository(Database& db, const LedgerDef& def);

  const LedgerDef& def() const { return def_; }
  // Inserts; `row` must hold every column of StoredColumnsOf plus bookkeeping ones. Returns id.
  Result<int64_t> Insert(const Columns& row);
  // Updates the given columns where id matches and version equals expected_version; bumps
  // version. NotFound if no such id, Conflict if the version moved on.
  Status Update(int64_t id, int64_t expected_version, const Columns& row);
  Status Delete(int64_t id);
  // The row of that id if visible in scope.
  Result<std::optional<Rows>> Get(int64_t id, const Scope& scope);
  // Holds the row of that id against other writers until the transaction ends (a missing id
  // holds nothing): on PostgreSQL a row lock; SQLite's write transaction already excludes every
  // other writer. For rules that read several rows before writing (one person's spells).
  Status LockRow(int64_t id);
  Result<StoredPage> List(const ListQuery& query, const Scope& scope);
  // Columns `columns` (e.g. "r.id, r.poverty_status_enc") of every record List would select
  // for query, in its order and after its cursor but unpaged: what the service decrypts to
  // filter by a sealed column.
  Result<Rows> ListColumns(const ListQuery& query, const Scope& scope, const std::string& columns);
  // Aggregate expression over the ledger's visible records in a period (used by indicators).
  // aggregate and condition are SQL fragments from the indicator catalogue (constants).
  Result<Value> Aggregate(const std::string& aggregate, const std::string& condition, const Scope& scope,
                          const std::string& date_from, const std::string& date_to,
                          const std::vector<Value>& condition_params);
  // Columns `columns` of each record Aggregate reads with the same arguments: what a figure over
  // a sealed column counts after decrypting it (IndicatorEngine).
  Result<Rows> FigureColumns(const std::string& columns, const std::string& condition, const Scope& scope,
                             const std::string& date_from, const std::string& date_to,
                             const std::vector<Value>& condition_params);
  // The pairs the records Aggregate reads with the same arguments belong to (their ids; the
  // pairs ledger's records are pairs themselves): which pairs a figure draws on.
  Result<std::vector<int64_t>> PairsOf(const std::string& condition, const Scope& scope, const std::string& date_from,
                                       const std::string& date_to, const std::vector<Value>& condition_params);
  // Id of the record of that pair whose natural key column equals value, or 0.
  Result<int64_t> FindByNaturalKey(int64_t pair_id, const std::string& column, const Value& value);
  // Bulk loading (the import; the caller holds a transaction).
  // How many records the table holds, counting no further than limit (cheap on big tables).
  Result<int64_t> CountUpTo(int64_t limit);
  // count fresh ids for new records, ascending, that no other record has or will get: the
  // table's AUTOINCREMENT sequence on SQLite (the open write transaction excludes other
  // writers), nextval of its identity sequence on PostgreSQL.
  Result<std::vector<int64_t>> NewIds(int64_t count);
  // Inserts rows whose values follow LedgerSql::bulk_columns (the id first) in one bulk
  // load (COPY on PostgreSQL). All or nothing only inside a savepoint the caller opens.
  Status InsertMany(const std::vector<std::vector<Value>>& rows);
  // Deletes the records with ids in [first, last]: how a bulk load that SQLite refused part-way
  // takes back the rows it stored (ids from NewIds belong to that load alone).
  Status DeleteIdRange(int64_t first, int64_t last);
  // Values in LedgerSql::bulk_columns order for a record of that id from an insert row as
  // StoredRowForInsert builds it (a missing column is NULL).
  std::vector<Value> BulkRowOf(int64_t id, Columns row) const;
  // The records whose natural key column (<key>_hash for a sensitive key) holds one of
  // values, in one query per chunk of values. The ledger must have a natural key.
  Result<std::vector<TakenKey>> FindTakenKeys(const std::vector<Value>& values);
  // Every stored natural key (for a table known to be small).
  Result<std::vector<TakenKey>> AllTakenKeys();
  // The table's non-unique indexes (those a bulk load may drop and recreate afterwards;
  // unique ones stay, they enforce the data's rules).
  Result<std::vector<TableIndex>> SecondaryIndexes();
  Status DropIndex(const TableIndex& index);
  Status CreateIndex(const TableIndex& index);
  // SQLite's page cache for this connection, in its own units (see PRAGMA cache_size: negative
  // = KiB); 0 on PostgreSQL, where SetPageCache does nothing. A bulk load widens it so the
  // unique index's pages, touched in random order, stay in memory instead of being written
  // to the WAL and read back many times over (memory is taken only as pages are used).
  Result<int64_t> PageCache();
  Status SetPageCache(int64_t size);

  // The natural-key value of each of ids (for showing references), id → value.
  Result<std::vector<std::pair<int64_t, std::string>>> NaturalKeysOf(const std::vector<int64_t>& ids);

  // Appends "AND ..." conditions and their parameters for a scope and a period.
  void AppendScope(const Scope& scope, std::string& where, std::vector<Value>& params) const;
  // Appends the condition that a record lies inside scope.visible_prefix (see
  // Scope::enclosing_sides) by its placing fields (record_placement.h: a region field, or a
  // reference to a placed record — a pairing's units, a seeker's person, a spell's seeker), or,
  // unless scope.for_change, is open demand (LedgerDef::open_state); a ledger with neither
  // selects nothing.
  void AppendRecordInRegion(const Scope& scope, std::string& where, std::vector<Value>& params) const;
  // True if record id lies inside the region prefix by its placing fields, as
  // AppendRecordInRegion reads them (open demand aside): how a write by a town's or village's
  // account is checked to name a record of its region. False for a ledger placing none.
  Result<bool> PlacedIn(int64_t id, const std::string& prefix);
  // Appends the owner condition of scope (see Scope::owner_ledger).
  void AppendOwner(const Scope& scope, std::string& where, std::vector<Value>& params) const;
  void AppendPeriod(const std::string& from, const std::string& to, std::string& where,
                    std::vector<Value>& params) const;
  // " WHERE …" of the records an indicator reads (Aggregate, PairsOf), its parameters appended.
  std::string FigureWhere(const std::string& condition, const Scope& scope, const std::string& date_from,
                          const std::string& date_to, const std::vector<Value>& condition_params,
                          std::vector<Value>& params) const;
  // Appends the condition selecting the rows after `after` in the order by sort (an "r.<column>").
  void AppendAfter(const ListCursor& after, const std::string& sort, bool descending, std::string& where,
                   std::vector<Value>& params) const;

 private:
  // " WHERE …" of the records List selects for query (its paging and cursor aside).
  Result<std::string> ListWhere(const ListQuery& query, const Scope& scope, std::vector<Value>& params) const;

  Database& db_;
  const LedgerDef& def_;
  const LedgerSql& sql_;
};

}  // namespace shanhai

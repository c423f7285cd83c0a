#include "domain/changes/change_log.h"

#include "domain/audit/audit_chain.h"
#include "storage/head_row.h"

namespace shanhai {

namespace {
// Moved once per write, addressed as storage/head_row.h says.
constexpr HeadRowStatement kAdvanceHead{
    "change_log_head",
    "UPDATE change_log_head SET seq = seq + ? WHERE ctid = CAST(? AS tid) AND id = 1 RETURNING seq, ctid::text",
    "UPDATE change_log_head SET seq = seq + ? WHERE id = 1 RETURNING seq, ctid::text",
    "UPDATE change_log_head SET seq = seq + ? WHERE id = 1 RETURNING seq"};
constexpr const char* kReadHead = "SELECT seq FROM change_log_head WHERE id = 1";
constexpr const char* kReadAfter =
    "SELECT seq, ledger, record_id, kind, version, helped_region, at FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?";
constexpr const char* kInsert =
    "INSERT INTO change_log (seq, ledger, record_id, kind, version, helped_region, at) VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kPrune = "DELETE FROM change_log WHERE at < ?";
constexpr const char* kTable = "change_log";

const std::vector<std::string>& Columns() {
  static const std::vector<std::string> columns = {"seq",     "ledger",        "record_id", "kind",
                                                   "version", "helped_region", "at"};
  return columns;
}
}  // namespace

Result<int64_t> ChangeLog::Append(std::vector<Change>& batch, const std::string& at) {
  if (batch.empty()) return int64_t{0};
  int64_t last = 0;
  SH_RETURN_IF_ERROR(InTransaction(db_, [&]() -> Status {
    SH_RETURN_IF_ERROR(LockChainHead(db_).status());  // lock order: audit head, then change head
    SH_ASSIGN_OR_RETURN(Rows head, QueryHeadRow(db_, kAdvanceHead, {static_cast<int64_t>(batch.size())}));
    if (head.rows.empty()) return Status::Internal("the change log head row (change_log_head) is missing");
    last = AsInt(head.rows[0][0]);
    int64_t seq = last - static_cast<int64_t>(batch.size());
    std::vector<std::vector<Value>> rows;
    rows.reserve(batch.size());
    for (Change& c : batch) {
      c.seq = ++seq;
      c.at = at;
      rows.push_back({c.seq, c.ledger, c.record_id, c.kind, c.version,
                      c.helped_region.empty() ? Value{} : Value{c.helped_region}, at});
    }
    // A single write (the API's create, update, delete) is one plain insert: cheaper than COPY.
    if (rows.size() == 1) return db_.Execute(kInsert, rows[0]).status();
    return db_.BulkInsert(kTable, Columns(), rows);
  }));
  return last;
}

Result<std::vector<Change>> ChangeLog::ReadAfter(int64_t after, int64_t limit) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kReadAfter, {after, limit}));
  std::vector<Change> out;
  out.reserve(rows.rows.size());
  for (const auto& r : rows.rows)
    out.push_back({AsInt(r[0]), AsText(r[1]), AsInt(r[2]), AsText(r[3]), AsInt(r[4]), AsText(r[5]), AsText(r[6])});
  return out;
}

Result<int64_t> ChangeLog::HeadSeq() {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kReadHead));
  if (rows.rows.empty()) return Status::Internal("the change log head row (change_log_head) is missing");
  return AsInt(rows.rows[0][0]);
}

Result<int64_t> ChangeLog::PruneBefore(const std::string& cutoff) { return db_.Execute(kPrune, {cutoff}); }

}  // namespace shanhai

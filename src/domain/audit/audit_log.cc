#include "domain/audit/audit_log.h"

namespace shanhai {

namespace {
constexpr const char* kInsertAudit =
    "INSERT INTO audit_log (at, actor, action, ledger, record_id, helped_region, before_json, after_json, detail, "
    "remote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectAudit =
    "SELECT id, at, actor, action, ledger, record_id, helped_region, before_json, after_json, detail, remote "
    "FROM audit_log";

Value OrNull(const std::string& s) { return s.empty() ? Value{} : Value{s}; }
}  // namespace

Status AuditLog::Write(const Actor& actor, const std::string& action, const std::string& ledger, int64_t record_id,
                       const std::string& helped_region, const std::string& before_json,
                       const std::string& after_json, const std::string& detail) {
  return db_
      .Execute(kInsertAudit, {now_(), actor.name, action, OrNull(ledger), record_id == 0 ? Value{} : Value{record_id},
                              OrNull(helped_region), OrNull(before_json), OrNull(after_json), OrNull(detail),
                              OrNull(actor.remote)})
      .status();
}

Result<std::pair<int64_t, std::vector<AuditEntry>>> AuditLog::Find(const AuditFilter& f) {
  std::string where = " WHERE 1 = 1";
  std::vector<Value> params;
  auto equal = [&](const char* column, const std::string& v) {
    if (v.empty()) return;
    where += std::string(" AND ") + column + " = ?";
    params.emplace_back(v);
  };
  equal("actor", f.actor);
  equal("action", f.action);
  equal("ledger", f.ledger);
  if (f.record_id != 0) {
    where += " AND record_id = ?";
    params.emplace_back(f.record_id);
  }
  if (!f.from.empty()) {
    where += " AND at >= ?";
    params.emplace_back(f.from);
  }
  if (!f.to.empty()) {
    where += " AND at <= ?";
    params.emplace_back(f.to.size() == 10 ? f.to + "T99" : f.to);  // a bare date includes its whole day
  }
  if (!f.visible_prefix.empty()) {
    where += " AND helped_region LIKE ?";
    params.emplace_back(f.visible_prefix + "%");
  }
  SH_ASSIGN_OR_RETURN(Rows count, db_.Query("SELECT COUNT(*) FROM audit_log" + where, params));
  params.emplace_back(f.page_size);
  params.emplace_back((std::max<int64_t>(f.page, 1) - 1) * f.page_size);
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(std::string(kSelectAudit) + where + " ORDER BY id DESC LIMIT ? OFFSET ?", params));
  std::vector<AuditEntry> out;
  for (const auto& r : rows.rows)
    out.push_back({AsInt(r[0]), AsText(r[1]), AsText(r[2]), AsText(r[3]), AsText(r[4]), AsInt(r[5]), AsText(r[6]),
                   AsText(r[7]), AsText(r[8]), AsText(r[9]), AsText(r[10])});
  return std::make_pair(AsInt(count.rows[0][0]), std::move(out));
}

}  // namespace shanhai

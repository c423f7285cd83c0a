#include "domain/audit/audit_log.h"

#include "common/personal_numbers.h"

#include "domain/ledger/record_json.h"

#include "domain/audit/audit_chain.h"

namespace shanhai {

namespace {
constexpr const char* kInsertAudit =
    "INSERT INTO audit_log (id, seq, prev_hash, hash, at, actor, action, ledger, record_id, helped_region, "
    "before_json, after_json, detail, remote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectAudit =
    "SELECT id, at, actor, action, ledger, record_id, helped_region, before_json, after_json, detail, remote, seq "
    "FROM audit_log";

// s cut to at most limit bytes (see kTruncatedMark), never inside a UTF-8 sequence.
void Cap(std::string& s, size_t limit) {
  if (s.size() <= limit) return;
  const std::string mark = std::string(kTruncatedMark) + std::to_string(s.size()) + "]";
  size_t keep = limit > mark.size() ? limit - mark.size() : 0;
  while (keep > 0 && (static_cast<unsigned char>(s[keep]) & 0xC0) == 0x80) --keep;
  s.resize(keep);
  s += mark;
}

void CapFields(AuditEntry& e, size_t limit) {
  for (std::string* field : {&e.actor, &e.action, &e.ledger, &e.helped_region, &e.before_json, &e.after_json,
                             &e.detail, &e.remote})
    Cap(*field, limit);
}

Value OrNull(std::string&& s) { return s.empty() ? Value{} : Value{std::move(s)}; }

// The entry's content values in kAuditContentColumns order, as stored; the entry's text moves
// into them (an import's records after are most of the bytes it appends).
std::vector<Value> ContentValues(AuditEntry&& e) {
  std::vector<Value> values;
  values.reserve(kAuditContentCount);
  values.emplace_back(std::move(e.at));
  values.emplace_back(std::move(e.actor));
  values.emplace_back(std::move(e.action));
  values.push_back(OrNull(std::move(e.ledger)));
  values.push_back(e.record_id == 0 ? Value{} : Value{e.record_id});
  values.push_back(OrNull(std::move(e.helped_region)));
  values.push_back(OrNull(std::move(e.before_json)));
  values.push_back(OrNull(std::move(e.after_json)));
  values.push_back(OrNull(std::move(e.detail)));
  values.push_back(OrNull(std::move(e.remote)));
  return values;
}

std::vector<std::string> InsertColumns() {
  std::vector<std::string> columns = {"id", "seq", "prev_hash", "hash"};
  for (const char* c : kAuditContentColumns) columns.emplace_back(c);
  return columns;
}
}  // namespace

bool IsAuthenticatedActor(const Actor& actor) { return !actor.roles.empty(); }

Status AuditLog::Write(const Actor& actor, const std::string& action, const std::string& ledger, int64_t record_id,
                       const std::string& helped_region, const std::string& before_json,
                       const std::string& after_json, const std::string& detail) {
  AuditEntry e;
  e.action = action;
  e.ledger = ledger;
  e.record_id = record_id;
  e.helped_region = helped_region;
  e.before_json = before_json;
  e.after_json = after_json;
  e.detail = detail;
  return Append(actor, {std::move(e)});
}

Status AuditLog::Append(const Actor& actor, std::vector<AuditEntry> entries) {
  if (entries.empty()) return Status::Ok();
  const std::shared_ptr<const AuditMac> mac = InstalledAuditKey();
  if (!mac)
    return Status::Unavailable("审计密钥未加载，拒绝写入无法校验的审计记录",
                            "no audit key is installed; refusing to write audit entries nobody could verify");
  const size_t limit = IsAuthenticatedActor(actor) ? kMaxFieldBytes : kUnauthenticatedFieldBytes;
  const std::string at = clock_.Iso();
  for (AuditEntry& e : entries) {
    e.at = at;
    // A name typed into a failed login may be anyone's ID number or mobile: masked like the
    // request log masks them, since the audit administrator reads the log without reveal.
    e.actor = IsAuthenticatedActor(actor) ? actor.name : MaskPersonalNumbers(actor.name);
    e.remote = actor.remote;
    CapFields(e, limit);
  }
  return InTransaction(db_, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(ChainHead head, LockChainHead(db_));
    SH_ASSIGN_OR_RETURN(std::vector<int64_t> ids, NewAuditIds(db_, static_cast<int64_t>(entries.size())));
    std::vector<std::vector<Value>> rows;
    rows.reserve(entries.size());
    for (size_t i = 0; i < entries.size(); ++i) {
      const int64_t seq = head.seq + 1;
      std::vector<Value> content = ContentValues(std::move(entries[i]));
      std::string hash = mac->Tag(EntryMessage(ids.at(i), seq, content, head.hash));
      // id, seq, prev_hash, hash, then the content; the previous hash moves into this row.
      std::vector<Value>& row = rows.emplace_back();
      row.reserve(4 + content.size());
      row.emplace_back(ids[i]);
      row.emplace_back(seq);
      row.push_back(OrNull(std::move(head.hash)));
      row.emplace_back(hash);
      row.insert(row.end(), std::make_move_iterator(content.begin()), std::make_move_iterator(content.end()));
      head = {seq, std::move(hash)};
    }
    if (rows.size() == 1) {
      SH_RETURN_IF_ERROR(db_.Execute(kInsertAudit, rows[0]).status());
    } else {
      static const std::vector<std::string> columns = InsertColumns();
      SH_RETURN_IF_ERROR(db_.BulkInsert("audit_log", columns, rows));
    }
    return StoreChainHead(db_, *mac, head);
  });
}
Result<ChainVerification> AuditLog::Verify(const Actor& actor) {
  SH_RETURN_IF_ERROR(Authorize(actor, kAuditDuty));
  const std::shared_ptr<const AuditMac> mac = InstalledAuditKey();
  if (!mac) return Status::Unavailable("审计密钥未加载，无法校验", "no audit key is installed; cannot verify");
  return VerifyAuditChain(db_, *mac);
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
  for (const auto& r : rows.rows) {
    out.push_back({AsInt(r[0]), AsText(r[1]), AsText(r[2]), AsText(r[3]), AsText(r[4]), AsInt(r[5]), AsText(r[6]),
                   AsText(r[7]), AsText(r[8]), AsText(r[9]), AsText(r[10]), AsInt(r[11])});
    // Entries written before today's masking (a tail of the ID number beside the birth date)
    // are shown masked as new ones are; the stored row, and so the chain, stays as it was.
    AuditEntry& e = out.back();
    if (const LedgerDef* def = FindLedger(e.ledger)) {
      e.before_json = MaskedRecordJsonText(*def, e.before_json);
      e.after_json = MaskedRecordJsonText(*def, e.after_json);
    }
  }
  return std::make_pair(AsInt(count.rows[0][0]), std::move(out));
}

}  // namespace shanhai

#include "domain/audit/audit_chain.h"

#include <mutex>

#include "storage/head_row.h"

namespace shanhai {

namespace {

constexpr const char* kReadHead = "SELECT seq, hash, tag FROM audit_chain_head WHERE id = 1";
// The head is locked and moved once per write (storage/head_row.h). SQLite's writing
// transaction already holds the database's write lock: a plain read.
constexpr HeadRowStatement kLockHead{
    "audit_chain_head",
    "SELECT seq, hash, ctid::text FROM audit_chain_head WHERE ctid = CAST(? AS tid) AND id = 1 FOR UPDATE",
    "SELECT seq, hash, ctid::text FROM audit_chain_head WHERE id = 1 FOR UPDATE",
    "SELECT seq, hash FROM audit_chain_head WHERE id = 1"};
constexpr HeadRowStatement kUpdateHead{
    "audit_chain_head",
    "UPDATE audit_chain_head SET seq = ?, hash = ?, tag = ? WHERE ctid = CAST(? AS tid) AND id = 1 RETURNING ctid::text",
    "UPDATE audit_chain_head SET seq = ?, hash = ?, tag = ? WHERE id = 1 RETURNING ctid::text",
    "UPDATE audit_chain_head SET seq = ?, hash = ?, tag = ? WHERE id = 1 RETURNING id"};
constexpr const char* kNextIdsPostgres =
    "SELECT nextval(pg_get_serial_sequence('audit_log', 'id')) FROM generate_series(1, CAST(? AS BIGINT))";
constexpr const char* kLastIdSqlite =
    "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'), 0)";
// id, seq, prev_hash, hash, then kAuditContentColumns.
constexpr const char* kSelectChained =
    "SELECT id, seq, prev_hash, hash, at, actor, action, ledger, record_id, helped_region, before_json, after_json, "
    "detail, remote FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?";
constexpr const char* kSelectUnchained =
    "SELECT id, seq, prev_hash, hash, at, actor, action, ledger, record_id, helped_region, before_json, after_json, "
    "detail, remote FROM audit_log WHERE seq IS NULL ORDER BY id LIMIT ?";
constexpr const char* kChainRow = "UPDATE audit_log SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?";
constexpr int64_t kPageRows = 1000;
constexpr size_t kFirstContentColumn = 4;

void AppendField(std::string& out, const Value* v) {
  if (!v || IsNull(*v)) {
    out.push_back('n');
    return;
  }
  // Text as it is (most of an entry's bytes), numbers as AsText writes them.
  const std::string* stored = std::get_if<std::string>(v);
  const std::string number = stored ? std::string() : AsText(*v);
  const std::string& text = stored ? *stored : number;
  out.push_back('v');
  const uint64_t size = text.size();
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>(size >> (8 * i)));
  out.append(text);
}

std::vector<Value> ContentOf(const std::vector<Value>& row) {
  return std::vector<Value>(row.begin() + kFirstContentColumn, row.end());
}

std::mutex& KeyMutex() {
  static std::mutex m;
  return m;
}
std::shared_ptr<const AuditMac>& KeySlot() {
  static std::shared_ptr<const AuditMac> key;
  return key;
}

ChainVerification Broken(int64_t verified, int64_t id, int64_t seq, std::string at, std::string zh, std::string en) {
  return ChainVerification{false, verified, id, seq, std::move(at), std::move(zh), std::move(en)};
}

}  // namespace

std::string EntryMessage(int64_t id, int64_t seq, const std::vector<Value>& content, const std::string& prev_hash) {
  constexpr size_t kFieldHead = 1 + 8, kNumberBytes = 20;
  size_t bytes = 32 + 2 * (kFieldHead + kNumberBytes) + kFieldHead + prev_hash.size();
  for (const Value& v : content) {
    const std::string* text = std::get_if<std::string>(&v);
    bytes += kFieldHead + (text ? text->size() : kNumberBytes);
  }
  std::string out;
  out.reserve(bytes);  // one allocation per entry
  out = "shanhai.audit.entry.v1";
  const Value id_value{id}, seq_value{seq}, prev_value{prev_hash};
  AppendField(out, &id_value);
  AppendField(out, &seq_value);
  for (size_t i = 0; i < kAuditContentCount; ++i) AppendField(out, i < content.size() ? &content[i] : nullptr);
  AppendField(out, &prev_value);
  return out;
}

std::string HeadMessage(int64_t seq, const std::string& hash) {
  std::string out = "shanhai.audit.head.v1";
  const Value seq_value{seq}, hash_value{hash};
  AppendField(out, &seq_value);
  AppendField(out, &hash_value);
  return out;
}

Result<ChainHead> LockChainHead(Database& db) {
  SH_ASSIGN_OR_RETURN(Rows rows, QueryHeadRow(db, kLockHead));
  if (rows.rows.empty())
    return Status::Internal("the audit chain head row (audit_chain_head) is missing");
  return ChainHead{AsInt(rows.rows[0][0]), AsText(rows.rows[0][1])};
}

Status StoreChainHead(Database& db, const AuditMac& mac, const ChainHead& head) {
  return QueryHeadRow(db, kUpdateHead, {head.seq, head.hash, mac.Tag(HeadMessage(head.seq, head.hash))}).status();
}

Result<std::vector<int64_t>> NewAuditIds(Database& db, int64_t count) {
  std::vector<int64_t> ids;
  if (db.dialect() == Dialect::kPostgres) {
    SH_ASSIGN_OR_RETURN(Rows rows, db.Query(kNextIdsPostgres, {count}));
    for (const auto& r : rows.rows) ids.push_back(AsInt(r[0]));
    return ids;
  }
  SH_ASSIGN_OR_RETURN(Rows rows, db.Query(kLastIdSqlite));
  const int64_t last = AsInt(rows.rows.at(0).at(0));
  for (int64_t i = 1; i <= count; ++i) ids.push_back(last + i);
  return ids;
}

void InstallAuditKey(const AuditMac::Key& data_key) {
  auto mac = std::make_shared<const AuditMac>(data_key);
  std::lock_guard lock(KeyMutex());
  KeySlot() = std::move(mac);
}

std::shared_ptr<const AuditMac> InstalledAuditKey() {
  std::lock_guard lock(KeyMutex());
  return KeySlot();
}

Result<int64_t> ChainUnchainedAuditEntries(Database& db, const AuditMac& mac) {
  int64_t chained = 0;
  SH_RETURN_IF_ERROR(InTransaction(db, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(ChainHead head, LockChainHead(db));
    for (;;) {
      SH_ASSIGN_OR_RETURN(Rows rows, db.Query(kSelectUnchained, {kPageRows}));
      if (rows.rows.empty()) break;
      for (const auto& r : rows.rows) {
        const int64_t id = AsInt(r[0]);
        const int64_t seq = head.seq + 1;
        const std::string hash = mac.Tag(EntryMessage(id, seq, ContentOf(r), head.hash));
        const Value prev = head.hash.empty() ? Value{} : Value{head.hash};  // NULL before entry 1, as Append
        SH_RETURN_IF_ERROR(db.Execute(kChainRow, {seq, prev, hash, id}).status());
        head = {seq, hash};
        ++chained;
      }
    }
    return chained == 0 ? Status::Ok() : StoreChainHead(db, mac, head);
  }));
  return chained;
}

Result<ChainVerification> VerifyAuditChain(Database& db, const AuditMac& mac) {
  int64_t verified = 0;
  std::string prev_hash;
  std::string last_at;
  int64_t last_id = 0;
  for (;;) {
    SH_ASSIGN_OR_RETURN(Rows rows, db.Query(kSelectChained, {verified, kPageRows}));
    for (const auto& r : rows.rows) {
      const int64_t id = AsInt(r[0]), seq = AsInt(r[1]);
      const std::string at = AsText(r[kFirstContentColumn]);
      const std::string n = std::to_string(verified + 1);
      if (seq != verified + 1)
        return Broken(verified, 0, verified + 1, "",
                      "第 " + n + " 条审计记录缺失（被删除？）：链从第 " + std::to_string(verified) + " 条跳到第 " +
                          std::to_string(seq) + " 条（编号 " + std::to_string(id) + "）",
                      "gap: entry seq " + n + " is missing (deleted?): the chain jumps from seq " +
                          std::to_string(verified) + " to seq " + std::to_string(seq) + " (id " + std::to_string(id) + ")");
      if (AsText(r[2]) != prev_hash)
        return Broken(verified, id, seq, at, "分叉：该记录的前一哈希与第 " + std::to_string(verified) + " 条的哈希不符",
                      "fork: its prev_hash is not the hash of entry seq " + std::to_string(verified));
      if (AsText(r[3]) != mac.Tag(EntryMessage(id, seq, ContentOf(r), prev_hash)))
        return Broken(verified, id, seq, at, "哈希不符：该记录写入后被修改过",
                      "hash mismatch: the entry was changed after it was written");
      prev_hash = AsText(r[3]);
      last_id = id;
      last_at = at;
      ++verified;
    }
    if (static_cast<int64_t>(rows.rows.size()) < kPageRows) break;
  }
  SH_ASSIGN_OR_RETURN(Rows head_rows, db.Query(kReadHead));
  if (head_rows.rows.empty())
    return Broken(verified, 0, verified + 1, "", "审计链头缺失", "the chain head row is missing");
  const int64_t head_seq = AsInt(head_rows.rows[0][0]);
  const std::string head_hash = AsText(head_rows.rows[0][1]), head_tag = AsText(head_rows.rows[0][2]);
  const bool genesis = head_seq == 0 && head_hash.empty() && head_tag.empty();
  if (!genesis && head_tag != mac.Tag(HeadMessage(head_seq, head_hash)))
    return Broken(verified, 0, head_seq, "", "链头的标签不符：链头被修改过", "the chain head's tag does not verify: it was changed");
  if (head_seq > verified)
    return Broken(verified, 0, verified + 1, "",
                  "第 " + std::to_string(verified + 1) + " 至 " + std::to_string(head_seq) + " 条审计记录缺失（被删除？）",
                  "gap: entries seq " + std::to_string(verified + 1) + " to " + std::to_string(head_seq) +
                      " are missing (deleted?): the head names seq " + std::to_string(head_seq));
  if (head_seq < verified || head_hash != prev_hash)
    return Broken(verified, last_id, verified, last_at, "该记录不在链头之内：不是经审计链写入的",
                  "the entry is beyond the chain head: it was not appended through the chain");
  SH_ASSIGN_OR_RETURN(Rows unchained, db.Query(kSelectUnchained, {int64_t{1}}));
  if (!unchained.rows.empty()) {
    const auto& r = unchained.rows[0];
    return Broken(verified, AsInt(r[0]), 0, AsText(r[kFirstContentColumn]),
                  "该记录未入链：写入后被插入，或哈希链被人为重置",
                  "the entry is not chained: it was inserted, or the chain was reset by hand");
  }
  ChainVerification ok;
  ok.verified = verified;
  return ok;
}

}  // namespace shanhai

// The audit log's hash chain: what makes an edited, inserted or deleted entry show.
//
// Every entry (row of audit_log) carries seq (its position: 1, 2, 3, ... without gaps),
// prev_hash (the tag of entry seq-1, "" for entry 1) and hash, its tag:
//   hash = AuditMac::Tag(EntryMessage(id, seq, content, prev_hash))
// where content is every other column in kAuditContentColumns order. The single row of
// audit_chain_head holds the newest entry's seq and hash, tagged too (HeadMessage), so that
// cutting the newest entries off shows. Appending (AuditLog::Write) locks that row first, so
// concurrent writers — threads and processes, SQLite or PostgreSQL — append one at a time,
// inside the caller's transaction: an entry rolled back takes its seq with it.
//
// Rows from before the chain existed (migration 0005) are chained by
// ChainUnchainedAuditEntries after migrating, in id order, after any entry already chained.
// Left to the deployment: someone holding the data key can recompute the chain; restoring an
// older copy of the whole log together with its head is not detectable from inside it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "security/audit_mac.h"
#include "storage/database.h"

namespace shanhai {

// audit_log's content columns in the order the tag covers them (id, seq, prev_hash come first).
inline constexpr const char* kAuditContentColumns[] = {"at",           "actor",       "action",     "ledger",
                                                       "record_id",    "helped_region", "before_json", "after_json",
                                                       "detail",       "remote"};
inline constexpr size_t kAuditContentCount = std::size(kAuditContentColumns);

// The bytes an entry's tag is computed over: a version label, then id, seq, each content
// value and prev_hash, each as a kind byte ('n' NULL, 'v' a value) followed by the value's
// text (integers in decimal) prefixed with its length as 8 bytes little-endian — so no two
// different entries share an encoding. content has kAuditContentCount values. Pure.
std::string EntryMessage(int64_t id, int64_t seq, const std::vector<Value>& content, const std::string& prev_hash);
// The bytes the head's tag is computed over (same scheme, another label). Pure.
std::string HeadMessage(int64_t seq, const std::string& hash);

// The chain's head as stored, read under the append lock: PostgreSQL locks the row until the
// transaction ends; SQLite's writing transaction already holds the database's write lock.
// Must run inside a transaction. Errors: as the database's.
struct ChainHead {
  int64_t seq = 0;
  std::string hash;
};
Result<ChainHead> LockChainHead(Database& db);
// Stores head as the newest entry, tagged with mac. Same transaction as LockChainHead.
Status StoreChainHead(Database& db, const AuditMac& mac, const ChainHead& head);

// Ids for count new audit_log rows (ascending), taken the way the database would have chosen
// them (PostgreSQL's identity sequence; SQLite's AUTOINCREMENT counter, under the write lock).
Result<std::vector<int64_t>> NewAuditIds(Database& db, int64_t count);

// The key every AuditLog of this process tags with: installed from the data key when the
// application opens (AppEnv::Open), replaced by a later install. Null until then — and then
// AuditLog::Write refuses to write, rather than write entries nobody could verify.
// Thread-safe.
void InstallAuditKey(const AuditMac::Key& data_key);
std::shared_ptr<const AuditMac> InstalledAuditKey();

// The schema version whose migration (0005_audit_chain.sql) started the chain.
inline constexpr int64_t kAuditChainSchemaVersion = 5;

// Chains every row whose seq is NULL (written before migration 0005), in id order, after the
// current head; returns how many it chained. Runs in its own transaction. Errors: as the
// database's; nothing changes then. Call it only in the run that migrates a database across
// kAuditChainSchemaVersion: later, an unchained row is an insertion (or a chain reset by hand)
// that verification must report, never one to chain.
Result<int64_t> ChainUnchainedAuditEntries(Database& db, const AuditMac& mac);

// The result of checking the whole chain.
struct ChainVerification {
  bool ok = true;
  int64_t verified = 0;  // entries that verified, from seq 1 on, before the first broken one
  // The first entry that does not verify (ok == false): its id and seq (0 when the entry is
  // missing altogether), when it was written, and why, in Chinese and English.
  int64_t broken_id = 0, broken_seq = 0;
  std::string broken_at, reason_zh, reason_en;
};

// Reads the whole log in seq order (in pages: memory stays flat) and checks each entry's tag,
// that seq counts 1, 2, 3 ... (a missing one is a gap), that prev_hash is the previous entry's
// hash (otherwise a fork), that no row is left unchained, and that the head names the last
// entry. Read-only. Errors: only the database's (a broken chain is a result, not an error).
Result<ChainVerification> VerifyAuditChain(Database& db, const AuditMac& mac);

}  // namespace shanhai

// change_log: the table every write of a ledger record adds a row to, inside the write's own
// transaction (migration 0008_changes.sql). A rolled-back write leaves no row; a committed one
// is visible to every other connection and process, which is how `serve` learns of a CLI import.
//
// Ordering. seq is taken from the single row of change_log_head, updated in the writer's
// transaction: on PostgreSQL the UPDATE locks that row until commit, on SQLite the writing
// transaction holds the database's write lock. So the next writer gets its seq only after the
// previous one committed (or rolled back, returning its numbers): seqs are assigned in commit
// order, and a reader that has seen seq s has seen every committed seq below s. A poller
// reading "seq > last" therefore never skips a row that commits later with a smaller seq —
// the race a plain sequence (nextval, AUTOINCREMENT) would have on PostgreSQL, where numbers
// are handed out at insert time but become visible at commit, in another order.
// Before the head, Append locks the audit chain's head (LockChainHead), which every audited
// write takes anyway: the two locks are always taken in the same order, so they cannot deadlock.
//
// Retention: rows exist to catch up followers that were running; a process starting up begins
// at the head. `serve` prunes rows older than --change-retention-days (default 7) at start.
//
// Thread safety: none; one per Database connection, like the Database.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/changes/change.h"
#include "storage/database.h"

namespace shanhai {

class ChangeLog {
 public:
  explicit ChangeLog(Database& db) : db_(db) {}

  // Appends batch in its order, inside the caller's transaction (its own if none is open):
  // assigns each change its seq (ascending, consecutive) and sets its at; one head update and
  // one bulk insert per call — imports call it once per batch of records. Returns the last seq
  // assigned (0 for an empty batch). Errors: the database's; nothing is appended then.
  Result<int64_t> Append(std::vector<Change>& batch, const std::string& at);

  // Up to limit committed changes with seq > after, ascending. Errors: the database's.
  Result<std::vector<Change>> ReadAfter(int64_t after, int64_t limit);

  // The last seq assigned by a committed write (0 before any). Errors: the database's.
  Result<int64_t> HeadSeq();

  // Deletes rows written before cutoff (ISO-8601 UTC, compared as text); returns how many.
  // The head keeps its seq, so numbers are never reused. Errors: the database's.
  Result<int64_t> PruneBefore(const std::string& cutoff);

 private:
  Database& db_;
};

}  // namespace shanhai

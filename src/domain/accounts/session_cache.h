// A short memory of sessions Authenticate has validated, so that a busy session's requests do
// not each run the session query (a join over sessions, users, roles and grants).
//
// Bound on revocation: a change made through this process — logout, password change or reset,
// roles, scope or disabling of a user, a role's grants, a second factor enrolled or removed —
// calls Invalidate() after its commit, and the very next request of every thread reads the
// database again. A change made by another process (the CLI while `serve` runs, a second
// server on the same PostgreSQL) is seen within kTtlSeconds. Idle and absolute timeouts are
// checked against the cached times on every hit, and an entry is not used once the session's
// idle timer is due to be refreshed, so the timers stay as exact as without the cache.
//
// Thread safety: one cache per AccountService (per thread's connection); Invalidate() and
// Generation() may be called from any thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "domain/ledger/actor.h"

namespace shanhai {

struct CachedSession {
  Actor actor;
  std::string csrf_token;
  std::string last_seen, expires;     // ISO times as stored
  bool must_change_password = false;  // as stored
  std::string password_changed_at;
  bool totp_enrolled = false;
  int64_t cached_at = 0;    // Unix seconds of the database read
  uint64_t generation = 0;  // Generation() taken before that read
};

class SessionCache {
 public:
  // Longest time a session validated from the database is trusted without reading it again.
  static constexpr int64_t kTtlSeconds = 2;
  // Entries kept at most; the cache is emptied when full (sessions are few per server thread).
  static constexpr size_t kMaxEntries = 4096;

  // The entry for token_hash if it was read less than kTtlSeconds before now and no
  // Invalidate() came since; null otherwise. The pointer lives until the next Put or Forget.
  const CachedSession* Find(const std::string& token_hash, int64_t now) const;
  // Remembers entry (its generation must be taken before the database read it comes from).
  void Put(const std::string& token_hash, CachedSession entry);
  void Forget(const std::string& token_hash) { entries_.erase(token_hash); }

  // Makes every cache in the process stale. Call after committing a change to sessions,
  // users, roles or grants.
  static void Invalidate() { generation_.fetch_add(1, std::memory_order_acq_rel); }
  static uint64_t Generation() { return generation_.load(std::memory_order_acquire); }

 private:
  static inline std::atomic<uint64_t> generation_{0};
  std::unordered_map<std::string, CachedSession> entries_;
};

}  // namespace shanhai

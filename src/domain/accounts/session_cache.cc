#include "domain/accounts/session_cache.h"

namespace shanhai {

const CachedSession* SessionCache::Find(const std::string& token_hash, int64_t now) const {
  auto it = entries_.find(token_hash);
  if (it == entries_.end()) return nullptr;
  const CachedSession& e = it->second;
  // A clock that went backwards is no reason to trust an entry longer.
  if (e.generation != Generation() || now < e.cached_at || now >= e.cached_at + kTtlSeconds) return nullptr;
  return &e;
}

void SessionCache::Put(const std::string& token_hash, CachedSession entry) {
  if (entries_.size() >= kMaxEntries) entries_.clear();
  entries_.insert_or_assign(token_hash, std::move(entry));
}

}  // namespace shanhai

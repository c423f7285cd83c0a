// The operators' subscriber: counts the changes a feed delivers, by ledger and kind, since the
// process started, and remembers the last seq — what GET /api/v1/admin/changes shows, and what
// the change feed's integration test compares with the rows stored.
// Thread safety: all members are thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "domain/changes/change_feed.h"

namespace shanhai {

struct ChangeCounts {
  int64_t last_seq = 0;  // the last seq delivered to the tally (0 before any)
  int64_t total = 0;
  std::map<std::string, std::map<std::string, int64_t>> by_ledger;  // ledger → kind → changes
};

class ChangeTally {
 public:
  // Subscribes to feed, which must outlive the tally.
  explicit ChangeTally(ChangeFeed& feed);
  ChangeCounts counts() const;

 private:
  void Count(const std::vector<Change>& batch);

  mutable std::mutex mutex_;
  ChangeCounts counts_;
  ChangeFeed::Subscription subscription_;  // last: unsubscribed before the counts go
};

}  // namespace shanhai

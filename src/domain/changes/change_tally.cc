#include "domain/changes/change_tally.h"

namespace shanhai {

ChangeTally::ChangeTally(ChangeFeed& feed)
    : subscription_(feed.Subscribe([this](const std::vector<Change>& batch) { Count(batch); })) {}

ChangeCounts ChangeTally::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

void ChangeTally::Count(const std::vector<Change>& batch) {
  std::lock_guard lock(mutex_);
  for (const Change& c : batch) ++counts_.by_ledger[c.ledger][c.kind];
  counts_.total += static_cast<int64_t>(batch.size());
  if (!batch.empty()) counts_.last_seq = batch.back().seq;
}

}  // namespace shanhai

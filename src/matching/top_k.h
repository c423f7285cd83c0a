// Keeps the k best matches seen so far (RanksBefore order) in a heap whose top is the worst kept,
// so each offer costs O(log k) and most offers are refused by one comparison.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "matching/match.h"

namespace shanhai::matching {

class TopK {
 public:
  explicit TopK(size_t k) : k_(k) { heap_.reserve(k); }

  void Offer(Match m) {
    if (k_ == 0) return;
    if (heap_.size() < k_) {
      heap_.push_back(m);
      std::push_heap(heap_.begin(), heap_.end(), RanksBefore);
    } else if (RanksBefore(m, heap_.front())) {
      std::pop_heap(heap_.begin(), heap_.end(), RanksBefore);
      heap_.back() = m;
      std::push_heap(heap_.begin(), heap_.end(), RanksBefore);
    }
  }
  // The kept matches, best first. Leaves the collector empty.
  std::vector<Match> Take() {
    std::sort_heap(heap_.begin(), heap_.end(), RanksBefore);
    return std::move(heap_);
  }

 private:
  size_t k_;
  std::vector<Match> heap_;
};

}  // namespace shanhai::matching

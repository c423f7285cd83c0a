// A run of candidates kept in one fixed order (Before), with sorted insert and erase for changes and
// append-then-sort for the bulk load at start-up.
#pragma once

#include <algorithm>
#include <vector>

namespace shanhai::matching {

template <typename Entry, typename Before>
class SortedRun {
 public:
  void Insert(const Entry& entry) { items_.insert(std::lower_bound(items_.begin(), items_.end(), entry, Before{}), entry); }
  // Erases the entry equal (same key and id) to `entry`; nothing when absent.
  void Erase(const Entry& entry) {
    auto at = std::lower_bound(items_.begin(), items_.end(), entry, Before{});
    if (at != items_.end() && !Before{}(entry, *at)) items_.erase(at);
  }
  void Append(const Entry& entry) { items_.push_back(entry); }
  void Sort() { std::sort(items_.begin(), items_.end(), Before{}); }
  bool empty() const { return items_.empty(); }
  const std::vector<Entry>& items() const { return items_; }

 private:
  std::vector<Entry> items_;
};

}  // namespace shanhai::matching

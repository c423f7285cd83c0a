// Seekers or jobs by id in a vector of slots: the lists of the index refer to members by slot
// (4 bytes, stable while the member stays), and a removed member's slot is reused.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace shanhai::matching {

template <typename T>
class SlotStore {
 public:
  // Stores `value` under value.id in a free slot. Precondition: the id is not stored.
  uint32_t Add(T value) {
    uint32_t slot;
    if (!free_.empty()) {
      slot = free_.back();
      free_.pop_back();
      items_[slot] = std::move(value);
    } else {
      slot = uint32_t(items_.size());
      items_.push_back(std::move(value));
    }
    slot_of_[items_[slot].id] = slot;
    return slot;
  }
  // Frees the slot of `id`; nothing when absent.
  void Remove(int64_t id) {
    auto found = slot_of_.find(id);
    if (found == slot_of_.end()) return;
    items_[found->second] = T{};
    free_.push_back(found->second);
    slot_of_.erase(found);
  }
  std::optional<uint32_t> SlotOf(int64_t id) const {
    auto found = slot_of_.find(id);
    if (found == slot_of_.end()) return std::nullopt;
    return found->second;
  }
  const T* Find(int64_t id) const {
    std::optional<uint32_t> slot = SlotOf(id);
    return slot ? &items_[*slot] : nullptr;
  }
  const T& at(uint32_t slot) const { return items_[slot]; }
  size_t size() const { return slot_of_.size(); }
  void Reserve(size_t n) {
    items_.reserve(n);
    slot_of_.reserve(n);
  }

 private:
  std::vector<T> items_;
  std::vector<uint32_t> free_;
  std::unordered_map<int64_t, uint32_t> slot_of_;
};

}  // namespace shanhai::matching

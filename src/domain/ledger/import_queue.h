// A bounded queue between the import's reader thread and its writer: the reader blocks when
// `capacity` items wait, so memory stays flat however long the file; either side may stop
// the other (the reader by closing with a status, the writer by cancelling).
// Thread safety: one producer and one consumer thread.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

#include "common/status.h"

namespace shanhai {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}

  // Waits for room, then appends item. False (item dropped) once Cancel() was called.
  bool Push(T item) {
    std::unique_lock lock(mu_);
    room_.wait(lock, [&] { return cancelled_ || items_.size() < capacity_; });
    if (cancelled_) return false;
    items_.push_back(std::move(item));
    ready_.notify_one();
    return true;
  }
  // The producer is done: Pop returns what is queued, then nothing; status() is `status`.
  void Close(Status status) {
    std::lock_guard lock(mu_);
    closed_ = true;
    status_ = std::move(status);
    ready_.notify_one();
  }
  // The consumer stops: a waiting or later Push returns false.
  void Cancel() {
    std::lock_guard lock(mu_);
    cancelled_ = true;
    room_.notify_one();
  }
  // The next item in order, waiting for it; nullopt when closed and drained.
  std::optional<T> Pop() {
    std::unique_lock lock(mu_);
    ready_.wait(lock, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    room_.notify_one();
    return item;
  }
  // The next item if one is queued, without waiting.
  std::optional<T> TryPop() {
    std::lock_guard lock(mu_);
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    room_.notify_one();
    return item;
  }
  // The status the producer closed with (meaningful once Pop returned nullopt).
  Status status() const {
    std::lock_guard lock(mu_);
    return status_;
  }

 private:
  const size_t capacity_;
  mutable std::mutex mu_;
  std::condition_variable room_, ready_;
  std::deque<T> items_;
  bool closed_ = false, cancelled_ = false;
  Status status_;
};

}  // namespace shanhai

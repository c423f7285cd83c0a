#include "domain/changes/change_feed.h"

#include <algorithm>
#include <utility>

namespace shanhai {

ChangeFeed::Subscription::Subscription(Subscription&& other) noexcept
    : feed_(std::exchange(other.feed_, nullptr)), id_(std::exchange(other.id_, 0)) {}

ChangeFeed::Subscription& ChangeFeed::Subscription::operator=(Subscription&& other) noexcept {
  if (this != &other) {
    Reset();
    feed_ = std::exchange(other.feed_, nullptr);
    id_ = std::exchange(other.id_, 0);
  }
  return *this;
}

ChangeFeed::Subscription::~Subscription() { Reset(); }

void ChangeFeed::Subscription::Reset() {
  if (feed_) feed_->Unsubscribe(id_);
  feed_ = nullptr;
  id_ = 0;
}

ChangeFeed::Subscription ChangeFeed::Subscribe(Callback callback) {
  std::lock_guard lock(mutex_);
  const int64_t id = next_id_++;
  subscribers_[id] = std::make_shared<Subscriber>(Subscriber{std::move(callback)});
  return Subscription(this, id);
}

void ChangeFeed::Unsubscribe(int64_t id) {
  bool from_callback = false;
  {
    std::lock_guard lock(mutex_);
    auto it = subscribers_.find(id);
    if (it == subscribers_.end()) return;
    it->second->active = false;  // a batch being delivered skips it from now on
    subscribers_.erase(it);
    from_callback = delivering_thread_ == std::this_thread::get_id();
  }
  // Wait for a batch in flight to finish, so the subscriber's state may be destroyed once the
  // handle is gone. From inside a callback that would wait for ourselves.
  if (!from_callback) std::lock_guard wait(delivery_mutex_);
}

void ChangeFeed::Committed(int64_t seq) {
  {
    std::lock_guard lock(mutex_);
    last_committed_ = std::max(last_committed_, seq);
    ++announcements_;
  }
  committed_cv_.notify_all();
}

void ChangeFeed::Publish(const std::vector<Change>& batch) {
  std::lock_guard delivery(delivery_mutex_);
  std::vector<std::shared_ptr<Subscriber>> subscribers;
  std::vector<Change> fresh;
  {
    std::lock_guard lock(mutex_);
    // Only what is above the position: the same rows offered again are not delivered twice.
    for (const Change& c : batch)
      if (c.seq > last_published_) fresh.push_back(c);
    if (fresh.empty()) return;
    std::sort(fresh.begin(), fresh.end(), [](const Change& a, const Change& b) { return a.seq < b.seq; });
    last_published_ = fresh.back().seq;
    for (const auto& [id, s] : subscribers_) subscribers.push_back(s);
    delivering_thread_ = std::this_thread::get_id();
  }
  int64_t failed = 0;
  for (const std::shared_ptr<Subscriber>& s : subscribers) {
    {
      std::lock_guard lock(mutex_);
      if (!s->active) continue;  // unsubscribed by an earlier callback of this batch
    }
    // A subscriber's failure is its own: the writers committed long ago, the other subscribers
    // still get the batch.
    try {
      s->callback(fresh);
    } catch (...) {
      ++failed;
    }
  }
  std::lock_guard lock(mutex_);
  failures_ += failed;
  delivering_thread_ = std::thread::id();
}

void ChangeFeed::WaitForAnnouncement(int64_t seen, std::chrono::milliseconds timeout, const std::atomic<bool>& stop) {
  std::unique_lock lock(mutex_);
  committed_cv_.wait_for(lock, timeout, [&] { return stop.load() || announcements_ != seen; });
}

void ChangeFeed::WakeWaiters() {
  // Taking the mutex orders this after a waiter's check of its stop flag, so it cannot miss it.
  { std::lock_guard lock(mutex_); }
  committed_cv_.notify_all();
}

int64_t ChangeFeed::last_published() const {
  std::lock_guard lock(mutex_);
  return last_published_;
}

int64_t ChangeFeed::last_committed() const {
  std::lock_guard lock(mutex_);
  return last_committed_;
}

int64_t ChangeFeed::announcements() const {
  std::lock_guard lock(mutex_);
  return announcements_;
}

int64_t ChangeFeed::failures() const {
  std::lock_guard lock(mutex_);
  return failures_;
}

}  // namespace shanhai

// The in-process change feed: subscribers (an in-memory index, the operators' tally) receive
// every committed change of a ledger record, once each, in seq (= commit) order — whether this
// process or another one (a CLI import while `serve` runs) made it.
//
// How changes travel. A writer appends its changes to change_log inside its transaction
// (ChangeWriter) and, after the commit, tells the feed the last seq it wrote (Committed). That
// call never runs a callback: it only wakes the feed's follower (ChangeFollower), which reads
// change_log for seq > the last it delivered and hands the rows to Publish — the only way
// changes reach subscribers. The process's own writes thus come back through the same query
// as other processes' writes, so:
//  - exactly once is structural: one cursor over one sequence (Publish also drops a seq at or
//    below the last delivered, should a batch be offered twice);
//  - the order is the commit order, also across threads: an index never sees version 2 of a
//    record after version 3, which delivering each writer's changes on its own thread could do;
//  - a change is delivered only once committed, whatever transactions the write was nested in.
// The price is one indexed query per wake-up (writes in quick succession share one).
// A process without a follower (the CLI) delivers nothing; Committed costs a mutex then.
//
// Delivery runs on the follower's thread (a dispatcher, not the writer's): a slow subscriber
// delays the other subscribers and the feed's position, never a writer, which has returned.
// A subscriber that throws is counted (failures()) and keeps its subscription; the others
// still receive the batch. Callbacks are never run concurrently with each other.
//
// Starting up: a follower begins at change_log's head, so subscribers see changes committed
// after it started. A subscriber that needs the whole picture (an index) subscribes first,
// keeping what arrives, then loads from the repositories, then applies the kept changes whose
// version is above the version it loaded.
//
// Thread safety: every member is thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "domain/changes/change.h"

namespace shanhai {

class ChangeFeed {
 public:
  // Receives each batch of changes (ascending seq). May subscribe and unsubscribe (its own
  // handle included); must not call Publish or destroy the feed.
  using Callback = std::function<void(const std::vector<Change>&)>;

  // Unsubscribes on destruction: when the destructor returns, the callback is not running
  // and will not run again (unless it is being destroyed from inside the callback itself).
  class Subscription {
   public:
    Subscription() = default;
    Subscription(Subscription&& other) noexcept;
    Subscription& operator=(Subscription&& other) noexcept;
    ~Subscription();
    void Reset();  // unsubscribes now

   private:
    friend class ChangeFeed;
    Subscription(ChangeFeed* feed, int64_t id) : feed_(feed), id_(id) {}
    ChangeFeed* feed_ = nullptr;
    int64_t id_ = 0;
  };

  ChangeFeed() = default;
  ChangeFeed(const ChangeFeed&) = delete;
  ChangeFeed& operator=(const ChangeFeed&) = delete;
  // Every Subscription must be gone first.
  ~ChangeFeed() = default;

  // Adds a subscriber; it receives the batches published from now on. The feed must outlive
  // the handle.
  [[nodiscard]] Subscription Subscribe(Callback callback);

  // Writers, after their transaction committed: seq is the last change_log seq they wrote.
  // Wakes the follower (also when seq was reported before: a write nested in a transaction
  // that has now committed is announced again); runs no callback; never fails.
  void Committed(int64_t seq);

  // The follower: delivers batch (ascending seq) to every subscriber on this thread, leaving
  // out the changes at or below last_published(). Exceptions of callbacks are caught and counted.
  void Publish(const std::vector<Change>& batch);

  // The follower: waits until Committed is called after announcements() returned seen, stop
  // is true (after WakeWaiters), or timeout passes. Reading announcements() before a poll and
  // waiting with it afterwards misses no report and never spins on an old one.
  void WaitForAnnouncement(int64_t seen, std::chrono::milliseconds timeout, const std::atomic<bool>& stop);
  // Makes waiting followers look at their stop flag again (set it first).
  void WakeWaiters();

  int64_t last_published() const;  // the last seq delivered (0 before any)
  int64_t last_committed() const;  // the highest seq writers of this process reported
  int64_t announcements() const;   // how many times Committed was called
  int64_t failures() const;        // callbacks that threw, since start

 private:
  struct Subscriber {
    Callback callback;
    bool active = true;  // guarded by mutex_
  };
  void Unsubscribe(int64_t id);

  mutable std::mutex mutex_;  // subscribers_, next_id_, the positions, failures_
  std::condition_variable committed_cv_;
  std::map<int64_t, std::shared_ptr<Subscriber>> subscribers_;
  int64_t next_id_ = 1;
  int64_t last_published_ = 0;
  int64_t last_committed_ = 0;
  int64_t announcements_ = 0;
  int64_t failures_ = 0;

  std::mutex delivery_mutex_;             // held while callbacks run: one batch at a time
  std::thread::id delivering_thread_;     // guarded by mutex_; who holds delivery_mutex_
};

}  // namespace shanhai

// The thread that feeds a ChangeFeed from change_log (see change_feed.h for the contract): it
// reads the rows with seq above the last it delivered — every ~interval, and at once when a
// writer of this process reports a commit — and publishes them, in seq order, once each.
//
// It begins at change_log's head as it stands when Start returns: changes committed before are
// not delivered (subscribers that need them load from the repositories; see change_feed.h).
// A failed poll (the database went away) is counted and reported through on_error; the
// follower closes its connection and opens a new one at the next tick, keeping its position,
// so nothing is skipped — unless the rows were pruned meanwhile (retention, change_log.h).
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "domain/changes/change_feed.h"
#include "storage/database.h"

namespace shanhai {

struct FollowerOptions {
  std::chrono::milliseconds interval{200};  // the longest a change from another process waits
  int64_t page_rows = 2000;                 // rows per query and per published batch
};

// What the follower has done, for the operators' endpoint.
struct FollowerStatus {
  int64_t cursor = 0;      // the last seq read from change_log
  int64_t polls = 0;       // queries run
  int64_t errors = 0;      // failed polls
  std::chrono::steady_clock::time_point last_poll;  // when the last successful poll ended
};

class ChangeFollower {
 public:
  using OpenDatabase = std::function<Result<std::unique_ptr<Database>>()>;

  // Opens a connection with open (the follower's own, used only on its thread), reads the head,
  // then starts the thread. feed must outlive the follower. on_error may be empty; it runs on
  // the follower's thread. Errors: those of opening and of reading the head; no thread then.
  static Result<std::unique_ptr<ChangeFollower>> Start(OpenDatabase open, ChangeFeed& feed, FollowerOptions options,
                                                       std::function<void(const Status&)> on_error = {});
  // Stops and joins the thread (a batch being delivered is finished first).
  ~ChangeFollower();
  ChangeFollower(const ChangeFollower&) = delete;
  ChangeFollower& operator=(const ChangeFollower&) = delete;

  FollowerStatus status() const;  // thread-safe
  const FollowerOptions& options() const { return options_; }

 private:
  ChangeFollower(OpenDatabase open, ChangeFeed& feed, FollowerOptions options,
                 std::function<void(const Status&)> on_error);
  void Run();
  // Reads and publishes everything committed above the cursor, in pages; a failed query is
  // counted and reported, and drops the connection.
  void CatchUp();

  OpenDatabase open_;
  ChangeFeed& feed_;
  const FollowerOptions options_;
  std::function<void(const Status&)> on_error_;
  std::unique_ptr<Database> db_;  // the follower thread's; null after a failure until reopened
  std::atomic<bool> stop_{false};
  mutable std::mutex status_mutex_;
  FollowerStatus status_;
  std::thread thread_;
};

}  // namespace shanhai

#include "domain/changes/change_follower.h"

#include <algorithm>

#include "domain/changes/change_log.h"

namespace shanhai {

ChangeFollower::ChangeFollower(OpenDatabase open, ChangeFeed& feed, FollowerOptions options,
                               std::function<void(const Status&)> on_error)
    : open_(std::move(open)), feed_(feed), options_(options), on_error_(std::move(on_error)) {}

Result<std::unique_ptr<ChangeFollower>> ChangeFollower::Start(OpenDatabase open, ChangeFeed& feed,
                                                              FollowerOptions options,
                                                              std::function<void(const Status&)> on_error) {
  auto follower = std::unique_ptr<ChangeFollower>(new ChangeFollower(std::move(open), feed, options, std::move(on_error)));
  SH_ASSIGN_OR_RETURN(follower->db_, follower->open_());
  SH_ASSIGN_OR_RETURN(follower->status_.cursor, ChangeLog(*follower->db_).HeadSeq());
  follower->status_.last_poll = std::chrono::steady_clock::now();
  follower->thread_ = std::thread([f = follower.get()] { f->Run(); });
  return follower;
}

ChangeFollower::~ChangeFollower() {
  stop_ = true;
  feed_.WakeWaiters();
  if (thread_.joinable()) thread_.join();
}

FollowerStatus ChangeFollower::status() const {
  std::lock_guard lock(status_mutex_);
  return status_;
}

void ChangeFollower::Run() {
  while (!stop_) {
    // A commit reported before this poll is covered by it — or not yet visible, when the
    // announcing write was nested in a transaction still open: then the next tick finds it.
    // Either way only a later report, or the interval, is a reason to poll again (waiting for
    // "above the cursor" would spin on such a report).
    const int64_t reported = feed_.last_committed();
    const bool ok = CatchUp();
    int64_t cursor = 0;
    {
      std::lock_guard lock(status_mutex_);
      cursor = status_.cursor;
    }
    // After a failure, wait the interval whatever writers report: retrying at once would spin.
    feed_.WaitForCommitAfter(ok ? std::max(cursor, reported) : feed_.last_committed(), options_.interval, stop_);
  }
}

bool ChangeFollower::CatchUp() {
  auto fail = [&](const Status& s) {
    db_.reset();  // a broken connection is not reused; reopened at the next tick
    {
      std::lock_guard lock(status_mutex_);
      ++status_.errors;
    }
    if (on_error_) on_error_(s);
    return false;
  };
  if (!db_) {
    Result<std::unique_ptr<Database>> reopened = open_();
    if (!reopened.ok()) return fail(reopened.status());
    db_ = std::move(reopened).value();
  }
  ChangeLog log(*db_);
  while (!stop_) {
    int64_t cursor = 0;
    {
      std::lock_guard lock(status_mutex_);
      cursor = status_.cursor;
    }
    Result<std::vector<Change>> rows = log.ReadAfter(cursor, options_.page_rows);
    if (!rows.ok()) return fail(rows.status());
    if (!rows->empty()) feed_.Publish(*rows);
    {
      std::lock_guard lock(status_mutex_);
      ++status_.polls;
      status_.last_poll = std::chrono::steady_clock::now();
      if (!rows->empty()) status_.cursor = rows->back().seq;
    }
    if (static_cast<int64_t>(rows->size()) < options_.page_rows) return true;  // caught up
  }
  return true;
}

}  // namespace shanhai

#include "domain/changes/change_follower.h"

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
    // An announcement made before this poll is covered by it — or its rows are not visible
    // yet, when the write was nested in a transaction still open: the writer announces again
    // once that commits, or the next tick finds them. So only an announcement made after this
    // point, or the interval, is a reason to poll again.
    const int64_t announcements = feed_.announcements();
    CatchUp();  // a failure waits the interval too: retrying at once would spin
    feed_.WaitForAnnouncement(announcements, options_.interval, stop_);
  }
}

void ChangeFollower::CatchUp() {
  auto fail = [&](const Status& s) {
    db_.reset();  // a broken connection is not reused; reopened at the next tick
    {
      std::lock_guard lock(status_mutex_);
      ++status_.errors;
    }
    if (on_error_) on_error_(s);
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
    if (static_cast<int64_t>(rows->size()) < options_.page_rows) return;  // caught up
  }
}

}  // namespace shanhai

// What a service uses to record its changes: appends them to change_log inside the write's
// transaction and, after the commit, tells the process's feed (see change_feed.h). One per
// service (per Database connection); not thread-safe, like the connection.
#pragma once

#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/changes/change_feed.h"
#include "domain/changes/change_log.h"

namespace shanhai {

class ChangeWriter {
 public:
  // feed: null when the process has no in-process subscribers (rows are written all the same,
  // for other processes). clock stamps the rows (ISO-8601 UTC).
  ChangeWriter(Database& db, ChangeFeed* feed, Clock clock) : log_(db), feed_(feed), clock_(std::move(clock)) {}

  // Appends batch (seq and at are assigned) inside the caller's transaction. Call it after the
  // write's audit entries (the audit chain's lock comes first; ChangeLog::Append takes it anyway).
  // Errors: the database's; the caller's transaction must then roll back.
  Status Append(std::vector<Change> batch);

  // After the caller's transaction committed: wakes the feed's follower for what Append wrote
  // (nothing before the first Append). Harmless when that transaction was nested in one still
  // open or rolled back: whoever commits the enclosing one calls Announce again (or the
  // follower's next tick finds the rows). Never fails.
  void Announce();

 private:
  ChangeLog log_;
  ChangeFeed* feed_;
  Clock clock_;
  int64_t last_seq_ = 0;  // the last seq Append wrote
};

}  // namespace shanhai

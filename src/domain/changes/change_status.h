// Where the process's change feed stands, for operators (GET /api/v1/admin/changes).
#pragma once

#include "domain/changes/change_follower.h"
#include "domain/changes/change_tally.h"
#include "storage/database.h"

namespace shanhai {

struct ChangeFeedStatus {
  ChangeCounts seen;             // what the tally has received since the process started
  int64_t head_seq = 0;          // the last seq committed to change_log, by any process
  int64_t lag = 0;               // changes committed but not yet delivered: head_seq - seen.last_seq
  int64_t subscriber_failures = 0;
  bool following = false;        // a follower runs (serve); without one nothing is delivered
  int64_t interval_ms = 0, polls = 0, poll_errors = 0;
  int64_t last_poll_ms_ago = 0;  // since the follower's last successful poll
};

// Reads the head from db and the rest from the objects (follower may be null). Errors: the
// database's.
Result<ChangeFeedStatus> ReadChangeFeedStatus(Database& db, const ChangeFeed& feed, const ChangeTally& tally,
                                              const ChangeFollower* follower);

}  // namespace shanhai

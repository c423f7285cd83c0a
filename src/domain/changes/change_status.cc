#include "domain/changes/change_status.h"

#include <algorithm>

#include "domain/changes/change_log.h"

namespace shanhai {

Result<ChangeFeedStatus> ReadChangeFeedStatus(Database& db, const ChangeFeed& feed, const ChangeTally& tally,
                                              const ChangeFollower* follower) {
  ChangeFeedStatus out;
  // The counts first: a change delivered between the two reads then shows as lag, never as a
  // negative one.
  out.seen = tally.counts();
  SH_ASSIGN_OR_RETURN(out.head_seq, ChangeLog(db).HeadSeq());
  // The follower's cursor is where it started before anything arrived (not seq 0), and the
  // tally's last seq may be one batch ahead of it while that batch is being delivered.
  const int64_t position = std::max(out.seen.last_seq, follower ? follower->status().cursor : 0);
  out.lag = std::max<int64_t>(0, out.head_seq - position);
  out.subscriber_failures = feed.failures();
  if (follower) {
    const FollowerStatus s = follower->status();
    out.following = true;
    out.interval_ms = follower->options().interval.count();
    out.polls = s.polls;
    out.poll_errors = s.errors;
    out.last_poll_ms_ago =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - s.last_poll).count();
  }
  return out;
}

}  // namespace shanhai

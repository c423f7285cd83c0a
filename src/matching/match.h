// One answer of a top-k query: the job (for a seeker) or the seeker (for a job) and its score.
#pragma once

#include <cstdint>

namespace shanhai::matching {

struct Match {
  int64_t id;
  int points;
  // The job's middle wage minus the seeker's expectation (fen; the expectation counts as 0 when
  // not stated): what breaks a tie of points.
  int64_t margin_fen;
  bool operator==(const Match&) const = default;
};

// The one ranking order: more points first; equal points, the bigger wage margin first (a job that
// pays more above the expectation, a seeker who expects less below the wage); then ascending id,
// so the order is total and the index and the reference agree exactly. (The margin rather than the
// id alone breaks ties because lists sorted by wage then yield candidates already in this order.)
inline bool RanksBefore(const Match& a, const Match& b) {
  if (a.points != b.points) return a.points > b.points;
  if (a.margin_fen != b.margin_fen) return a.margin_fen > b.margin_fen;
  return a.id < b.id;
}

}  // namespace shanhai::matching

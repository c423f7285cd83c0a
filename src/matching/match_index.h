// The online matcher: seekers and jobs held in memory, grouped by county (the band of a job as seen
// from a seeker depends only on the two counties, so a whole group is skipped when the seeker would
// not work there), answering top-k jobs for a seeker and top-k seekers for a job with the same
// rules and order as the reference matcher. Built at start-up from the repositories and kept
// current by the labour services through Put/Remove/SetFellows — no rebuild per change.
// Thread-safe: queries run concurrently; a change waits for running queries and blocks new ones.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

#include "matching/fellow_table.h"
#include "matching/match.h"
#include "matching/match_rules.h"

namespace shanhai::matching {

class MatchIndex {
 public:
  // Adds or replaces (same id) a seeker or a job.
  void PutSeeker(Seeker seeker);
  void PutJob(Job job);
  // Removing an unknown id does nothing.
  void RemoveSeeker(int64_t id);
  void RemoveJob(int64_t id);
  // People of `village` in work at `employer` now (0 clears).
  void SetFellows(uint64_t village, int64_t employer, int count);

  // nullopt when the id is not in the index.
  std::optional<std::vector<Match>> TopJobs(int64_t seeker_id, size_t k) const;
  std::optional<std::vector<Match>> TopSeekers(int64_t job_id, size_t k) const;
  // The terms of an admitted pair's score; nullopt when either is unknown or the pair is not admitted.
  std::optional<std::vector<Reason>> Explain(int64_t seeker_id, int64_t job_id) const;

  size_t seeker_count() const;
  size_t job_count() const;

 private:
  // A county's members; `slot` maps an id to its county and place in that county's vector.
  template <typename T>
  struct Groups {
    std::unordered_map<uint32_t, std::vector<T>> by_county;
    struct Slot { uint32_t county; size_t index; };
    std::unordered_map<int64_t, Slot> slot;
    void Put(uint32_t county, T value);
    void Remove(int64_t id);
    const T* Find(int64_t id) const;
  };

  std::vector<Match> TopJobsLocked(const Seeker& seeker, size_t k) const;
  std::vector<Match> TopSeekersLocked(const Job& job, size_t k) const;

  mutable std::shared_mutex mutex_;
  Groups<Seeker> seekers_;  // by home county
  Groups<Job> jobs_;        // by the county of the work place
  FellowTable fellows_;
};

}  // namespace shanhai::matching

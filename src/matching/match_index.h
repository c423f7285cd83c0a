// The online matcher: seekers and jobs held in memory, answering top-k jobs for a seeker and top-k
// seekers for a job with the same rules and order as the reference matcher, fast: each direction
// keeps its candidates in runs that are already in ranking order (job_lists.h, seeker_lists.h),
// so a query merges run heads instead of scoring everyone. A job's fellow villagers' term is the
// same for a whole village, so the seekers of the villages with fellows at its employer are read
// from runs by village with that term added; a job requiring certificates reads the runs of the
// holders of the rarest one. For a seeker, the few jobs of employers where people of its village
// work are scored one by one and merged in. Built at start-up
// with Load() and kept current by the labour services through Put/Remove/SetFellows — no rebuild
// per change. Thread-safe: queries run concurrently; a change waits for running queries.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

#include "matching/fellow_table.h"
#include "matching/job_lists.h"
#include "matching/match.h"
#include "matching/match_rules.h"
#include "matching/seeker_pool.h"
#include "matching/slot_store.h"

namespace shanhai::matching {

class MatchIndex {
 public:
  struct Fellows {
    uint64_t village;
    int64_t employer;
    int people;
  };
  // Replaces the whole content at once (start-up): sorts each run once instead of inserting one by
  // one. Ids must be unique within each list; a later (village, employer) entry replaces an earlier.
  void Load(std::vector<Seeker> seekers, std::vector<Job> jobs, const std::vector<Fellows>& fellows);

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
  // The batch for outreach lists: the top k jobs of each known seeker of `seeker_ids`, answered
  // village by village (what a village's people share is looked up once, and the lists are read
  // while they are warm), each passed to `answer` outside the lock (so it may call the index);
  // unknown ids, and seekers removed while the batch runs, are skipped.
  void TopJobsByVillage(const std::vector<int64_t>& seeker_ids, size_t k,
                        const std::function<void(int64_t, const std::vector<Match>&)>& answer) const;
  // The terms of an admitted pair's score; nullopt when either is unknown or the pair is not admitted.
  std::optional<std::vector<Reason>> Explain(int64_t seeker_id, int64_t job_id) const;

  size_t seeker_count() const;
  size_t job_count() const;

 private:
  void AddSeekerLocked(Seeker seeker, bool bulk);
  void AddJobLocked(Job job, bool bulk);
  void RemoveSeekerLocked(int64_t id);
  void RemoveJobLocked(int64_t id);
  const SeekerPool* CandidatesFor(const Job& job) const;
  // The open jobs of the employers where people of a village work, with that count: the pairs a
  // seeker's query scores one by one (their fellows' term differs employer by employer).
  struct FellowJobs {
    std::vector<int64_t> employers;  // sorted
    std::vector<std::pair<uint32_t, int>> jobs;  // (job slot, fellows)
  };
  FellowJobs FellowJobsLocked(uint64_t village) const;
  std::vector<Match> TopJobsLocked(const Seeker& seeker, size_t k, const FellowJobs& fellow_jobs) const;

  mutable std::shared_mutex mutex_;
  SlotStore<Seeker> seekers_;
  SlotStore<Job> jobs_;
  SeekerPool everyone_;  // the available seekers
  JobLists job_lists_;   // the open jobs
  // The available holders of each certificate: a job requiring one is answered from the holders of
  // its rarest (few people hold any), where merging everyone's runs would skip nearly all.
  std::unordered_map<uint32_t, SeekerPool> holders_of_certificate_;
  // For the pairs with fellows of a seeker's query: the open jobs of an employer.
  std::unordered_map<int64_t, std::vector<uint32_t>> jobs_of_employer_;
  FellowTable fellows_;
};

}  // namespace shanhai::matching

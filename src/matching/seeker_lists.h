// The available seekers for "top seekers for a job", in runs whose members score the same for any
// one job in every term but the wage: one home group (a county, or a village — see Grouping), one
// skill key (none, a major group, or one exact occupation), one place key (none, a preferred city,
// or a preferred province), priority or not, expectation stated or not. A seeker sits in a run for
// every skill key × place key it has (typically four to six); each run is sorted by expected wage
// (lowest first) then id — the ranking order for every job. A job's query reads, per home group,
// the runs of its own occupation, its group and none × its city, its province and none, and takes
// each seeker only from the run that is exactly the seeker's fit for this job.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "matching/match.h"
#include "matching/match_profile.h"
#include "matching/slot_store.h"
#include "matching/sorted_run.h"

namespace shanhai::matching {

class SeekerLists {
 public:
  // By county: few groups, so a query over everyone reads few runs. By village: the runs of one
  // village, for the villages whose people all score a fellow villagers' term at the job's employer.
  enum class Grouping : uint8_t { kCounty, kVillage };
  explicit SeekerLists(Grouping grouping = Grouping::kCounty) : grouping_(grouping) {}

  void Insert(const Seeker& seeker, uint32_t slot);  // sorted insert; the seeker must be available
  void Append(const Seeker& seeker, uint32_t slot);  // bulk load: call SortAll() before any query
  void SortAll();
  void Erase(const Seeker& seeker, uint32_t slot);
  size_t seeker_count() const { return seekers_; }

  // The best k available seekers for `job` that the hard rules admit, leaving out every seeker of
  // the villages in `excluded_villages` (sorted; the caller scores those with their fellows).
  std::vector<Match> Top(const Job& job, size_t k, const SlotStore<Seeker>& seekers,
                         const std::vector<uint64_t>& excluded_villages) const;
  // The best k among the seekers of the given home groups only, each group's members scoring its
  // extra points on top of the rules' terms (a village's fellow villagers at the job's employer).
  std::vector<Match> TopOf(const Job& job, size_t k, const SlotStore<Seeker>& seekers,
                           const std::vector<std::pair<uint64_t, int>>& groups_with_points) const;

 private:
  struct Entry {
    int64_t expected_wage;
    int64_t id;
    uint32_t slot;
  };
  struct Order {
    bool operator()(const Entry& a, const Entry& b) const {
      return a.expected_wage != b.expected_wage ? a.expected_wage < b.expected_wage : a.id < b.id;
    }
  };
  using Run = SortedRun<Entry, Order>;
  struct Key {
    uint64_t home;   // county (6 digits) or village (12 digits)
    uint32_t skill;  // 0 none; group + 1 (1–10); or an occupation code (≥ 1,000,000)
    uint32_t place;  // 0 none; a province (2 digits) or a city (4 digits)
    uint8_t flags;   // bit 0 priority household, bit 1 expectation stated
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const;
  };

  uint64_t HomeOf(const Seeker& seeker) const;
  uint64_t HomeVillageCode(uint64_t home) const;  // a 12-digit code inside the group (for the band)
  template <typename Fn>
  void ForEachRun(const Seeker& seeker, bool create, Fn fn);
  std::vector<Match> Merge(const Job& job, size_t k, const SlotStore<Seeker>& seekers,
                           const std::vector<std::pair<uint64_t, int>>& groups_with_points,
                           const std::vector<uint64_t>& excluded_villages) const;

  Grouping grouping_;
  std::unordered_map<Key, Run, KeyHash> runs_;
  std::unordered_map<uint64_t, int64_t> seekers_per_home_;
  size_t seekers_ = 0;
};

}  // namespace shanhai::matching

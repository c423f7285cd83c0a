// The open jobs for "top jobs for a seeker", in runs whose members score the same for any one seeker
// in every term but the wage: one place (a province, a city or a county), one skill class (a major
// occupation group, or one exact occupation) and one board-and-lodging kind. Each run is sorted by
// middle wage (highest first) then id, which is the ranking order for every seeker, so a seeker's
// top k is a k-way merge of run heads (run_merge.h). A job sits in six runs (its province, city and
// county, each by group and by exact occupation); a seeker's query reads the runs that are
// exactly its own: counties of the home province (where the band differs county by county), the
// preferred cities elsewhere, and the other provinces — skipping in each the jobs that belong to a
// better-fitting run.
#pragma once

#include <cstdint>
#include <set>
#include <unordered_map>
#include <vector>

#include <boost/container/flat_map.hpp>

#include "matching/match.h"
#include "matching/match_profile.h"
#include "matching/match_rules.h"
#include "matching/slot_store.h"
#include "matching/sorted_run.h"

namespace shanhai::matching {

class JobLists {
 public:
  void Insert(const Job& job, uint32_t slot);  // sorted insert; the job must be open
  void Append(const Job& job, uint32_t slot);  // bulk load: call SortAll() before any query
  void SortAll();
  void Erase(const Job& job, uint32_t slot);

  // The best k open jobs for `seeker` that the hard rules admit, leaving out every job of the
  // employers in `excluded_employers` (sorted; the caller scores those with their fellows).
  std::vector<Match> Top(const Seeker& seeker, size_t k, const SlotStore<Job>& jobs,
                         const std::vector<int64_t>& excluded_employers) const;

 private:
  // What a query needs to rank a job and to refuse most misfits without reading the job: its
  // occupation and county (the skill and place fit) and its limits on the person.
  struct Entry {
    int64_t middle_wage;
    int64_t id;
    uint32_t slot;
    OccupationCode occupation;
    uint32_t county;
    JobLimits limits;
  };
  struct Order {
    bool operator()(const Entry& a, const Entry& b) const {
      return a.middle_wage != b.middle_wage ? a.middle_wage > b.middle_wage : a.id < b.id;
    }
  };
  using Run = SortedRun<Entry, Order>;
  // The runs of one place. by_group: (major group + 1, or 0 for a job without occupation) × 4 +
  // board/lodging kind; by_code: occupation × 4 + board/lodging kind.
  struct Place {
    boost::container::flat_map<uint32_t, Run> by_group;  // walked by every query: kept contiguous
    std::unordered_map<uint64_t, Run> by_code;  // looked up, never walked
    bool empty() const { return by_group.empty() && by_code.empty(); }
  };
  enum Level { kProvinceLevel, kCityLevel, kCountyLevel, kLevels };

  static Entry EntryOf(const Job& job, uint32_t slot);
  template <typename Fn>
  void ForEachRun(const Job& job, bool create, Fn fn);

  std::unordered_map<uint32_t, Place> places_[kLevels];
  std::unordered_map<uint32_t, std::set<uint32_t>> counties_of_province_;  // counties with open jobs
};

}  // namespace shanhai::matching

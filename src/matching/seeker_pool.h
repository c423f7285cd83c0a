// A set of available seekers in the two groupings a job's query reads (seeker_lists.h): by county
// for everyone, by village for the villages with fellow villagers at the job's employer, whose
// fellows' term is added per village. The index keeps one pool of everyone and one per certificate.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "matching/seeker_lists.h"

namespace shanhai::matching {

class SeekerPool {
 public:
  void Add(const Seeker& seeker, uint32_t slot, bool bulk) {
    if (bulk) {
      by_county_.Append(seeker, slot);
      by_village_.Append(seeker, slot);
    } else {
      by_county_.Insert(seeker, slot);
      by_village_.Insert(seeker, slot);
    }
  }
  void SortAll() {
    by_county_.SortAll();
    by_village_.SortAll();
  }
  void Erase(const Seeker& seeker, uint32_t slot) {
    by_county_.Erase(seeker, slot);
    by_village_.Erase(seeker, slot);
  }
  size_t seeker_count() const { return by_county_.seeker_count(); }

  // The best k for `job`; `fellow_points`: the villages (sorted) with people in work at the job's
  // employer and the points of that term for each.
  std::vector<Match> Top(const Job& job, size_t k, const SlotStore<Seeker>& seekers,
                         const std::vector<std::pair<uint64_t, int>>& fellow_points) const;

 private:
  SeekerLists by_county_{SeekerLists::Grouping::kCounty};
  SeekerLists by_village_{SeekerLists::Grouping::kVillage};
};

}  // namespace shanhai::matching

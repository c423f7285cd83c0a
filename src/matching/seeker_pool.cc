#include "matching/seeker_pool.h"

#include "matching/run_merge.h"

namespace shanhai::matching {

std::vector<Match> SeekerPool::Top(const Job& job, size_t k, const SlotStore<Seeker>& seekers,
                                   const std::vector<std::pair<uint64_t, int>>& fellow_points) const {
  std::vector<uint64_t> villages;
  for (const auto& [village, points] : fellow_points) villages.push_back(village);
  return BestOf(by_county_.Top(job, k, seekers, villages), by_village_.TopOf(job, k, seekers, fellow_points), k);
}

}  // namespace shanhai::matching

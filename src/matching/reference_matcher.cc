#include "matching/reference_matcher.h"

#include <algorithm>

namespace shanhai::matching {
namespace {

std::vector<Match> SortedTop(std::vector<Match> all, size_t k) {
  std::sort(all.begin(), all.end(), RanksBefore);
  if (all.size() > k) all.resize(k);
  return all;
}

}  // namespace

std::vector<Match> ReferenceTopJobs(const Seeker& seeker, std::span<const Job> jobs, const FellowCounts& fellows,
                                    size_t k) {
  std::vector<Match> all;
  for (const Job& job : jobs)
    if (auto m = MatchOf(seeker, job, fellows.At(seeker.home_village, job.employer_id), job.id)) all.push_back(*m);
  return SortedTop(std::move(all), k);
}

std::vector<Match> ReferenceTopSeekers(const Job& job, std::span<const Seeker> seekers,
                                       const FellowCounts& fellows, size_t k) {
  std::vector<Match> all;
  for (const Seeker& seeker : seekers)
    if (auto m = MatchOf(seeker, job, fellows.At(seeker.home_village, job.employer_id), seeker.id)) all.push_back(*m);
  return SortedTop(std::move(all), k);
}

}  // namespace shanhai::matching

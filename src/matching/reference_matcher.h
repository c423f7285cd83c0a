// The plain matcher: score every admitted pair, sort, take k. Slow and obviously right; the index
// (match_index.h) is tested against it on random data, ties included.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "matching/match.h"
#include "matching/match_rules.h"

namespace shanhai::matching {

std::vector<Match> ReferenceTopJobs(const Seeker& seeker, std::span<const Job> jobs, const FellowCounts& fellows,
                                    size_t k);
std::vector<Match> ReferenceTopSeekers(const Job& job, std::span<const Seeker> seekers,
                                       const FellowCounts& fellows, size_t k);

}  // namespace shanhai::matching

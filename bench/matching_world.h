// A deterministic synthetic labour market for the matching benchmark (and its SQL peer): job
// seekers of eight helped counties of 贵州 (黔南) and jobs in 50 destination cities weighted like the real
// flows (most to 广东, 广州 and 深圳 first), with realistic mixes of ages, schooling, skills,
// certificates, wage expectations and willingness to work away. Seeker i and job j depend only on
// (seed, i) and (seed, j).
#pragma once

#include <cstdint>
#include <vector>

#include "matching/match_profile.h"

namespace shanhai::bench {

struct Placement {
  uint64_t village;
  int64_t employer;
  int people;
};

struct MatchingWorld {
  std::vector<matching::Seeker> seekers;  // ids 1..N
  std::vector<matching::Job> jobs;        // ids 1..M
  std::vector<Placement> placements;      // people of a village in work at an employer
};

MatchingWorld MakeMatchingWorld(int64_t seekers, int64_t jobs, uint64_t seed = 20200301);

}  // namespace shanhai::bench

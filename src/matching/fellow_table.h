// People of a village in work at an employer, kept both ways round: by village (a seeker's query
// looks up its own village) and by employer (a job's query looks up its own employer).
#pragma once

#include <cstdint>
#include <unordered_map>

#include "matching/match_rules.h"

namespace shanhai::matching {

class FellowTable final : public FellowCounts {
 public:
  using ByEmployer = std::unordered_map<int64_t, int>;
  using ByVillage = std::unordered_map<uint64_t, int>;

  // Sets the count (0 removes the entry). Precondition: count >= 0.
  void Set(uint64_t village, int64_t employer, int count);
  int At(uint64_t village, int64_t employer) const override;
  // The employers with people of `village` in work, or nullptr when there are none.
  const ByEmployer* OfVillage(uint64_t village) const;
  // The villages with people in work at `employer`, or nullptr when there are none.
  const ByVillage* AtEmployer(int64_t employer) const;

 private:
  std::unordered_map<uint64_t, ByEmployer> by_village_;
  std::unordered_map<int64_t, ByVillage> by_employer_;
};

}  // namespace shanhai::matching

#include "matching/fellow_table.h"

namespace shanhai::matching {
namespace {

template <typename Outer, typename K1, typename K2>
void SetIn(Outer& outer, K1 first, K2 second, int count) {
  if (count > 0) {
    outer[first][second] = count;
    return;
  }
  auto found = outer.find(first);
  if (found == outer.end()) return;
  found->second.erase(second);
  if (found->second.empty()) outer.erase(found);
}

}  // namespace

void FellowTable::Set(uint64_t village, int64_t employer, int count) {
  SetIn(by_village_, village, employer, count);
  SetIn(by_employer_, employer, village, count);
}

int FellowTable::At(uint64_t village, int64_t employer) const {
  const ByEmployer* employers = OfVillage(village);
  if (!employers) return 0;
  auto found = employers->find(employer);
  return found == employers->end() ? 0 : found->second;
}

const FellowTable::ByEmployer* FellowTable::OfVillage(uint64_t village) const {
  auto found = by_village_.find(village);
  return found == by_village_.end() ? nullptr : &found->second;
}

const FellowTable::ByVillage* FellowTable::AtEmployer(int64_t employer) const {
  auto found = by_employer_.find(employer);
  return found == by_employer_.end() ? nullptr : &found->second;
}

}  // namespace shanhai::matching

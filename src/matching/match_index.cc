#include "matching/match_index.h"

#include <mutex>

#include "matching/top_k.h"

namespace shanhai::matching {
namespace {

constexpr uint64_t kCountyScale = 1000000;

int FellowsIn(const FellowTable::ByEmployer* employers, int64_t employer) {
  if (!employers) return 0;
  auto found = employers->find(employer);
  return found == employers->end() ? 0 : found->second;
}

int FellowsFrom(const FellowTable::ByVillage* villages, uint64_t village) {
  if (!villages) return 0;
  auto found = villages->find(village);
  return found == villages->end() ? 0 : found->second;
}

}  // namespace

template <typename T>
void MatchIndex::Groups<T>::Put(uint32_t county, T value) {
  Remove(value.id);
  std::vector<T>& members = by_county[county];
  slot[value.id] = {county, members.size()};
  members.push_back(std::move(value));
}

template <typename T>
void MatchIndex::Groups<T>::Remove(int64_t id) {
  auto found = slot.find(id);
  if (found == slot.end()) return;
  const Slot where = found->second;
  slot.erase(found);
  std::vector<T>& members = by_county[where.county];
  if (where.index + 1 != members.size()) {  // the last member fills the hole
    members[where.index] = std::move(members.back());
    slot[members[where.index].id].index = where.index;
  }
  members.pop_back();
  if (members.empty()) by_county.erase(where.county);
}

template <typename T>
const T* MatchIndex::Groups<T>::Find(int64_t id) const {
  auto found = slot.find(id);
  if (found == slot.end()) return nullptr;
  return &by_county.at(found->second.county)[found->second.index];
}

void MatchIndex::PutSeeker(Seeker seeker) {
  std::unique_lock lock(mutex_);
  const uint32_t county = CountyOf(seeker.home_village);
  seekers_.Put(county, std::move(seeker));
}

void MatchIndex::PutJob(Job job) {
  std::unique_lock lock(mutex_);
  const uint32_t county = CountyOf(job.place);
  jobs_.Put(county, std::move(job));
}

void MatchIndex::RemoveSeeker(int64_t id) {
  std::unique_lock lock(mutex_);
  seekers_.Remove(id);
}

void MatchIndex::RemoveJob(int64_t id) {
  std::unique_lock lock(mutex_);
  jobs_.Remove(id);
}

void MatchIndex::SetFellows(uint64_t village, int64_t employer, int count) {
  std::unique_lock lock(mutex_);
  fellows_.Set(village, employer, count);
}

std::optional<std::vector<Match>> MatchIndex::TopJobs(int64_t seeker_id, size_t k) const {
  std::shared_lock lock(mutex_);
  const Seeker* seeker = seekers_.Find(seeker_id);
  if (!seeker) return std::nullopt;
  return TopJobsLocked(*seeker, k);
}

std::optional<std::vector<Match>> MatchIndex::TopSeekers(int64_t job_id, size_t k) const {
  std::shared_lock lock(mutex_);
  const Job* job = jobs_.Find(job_id);
  if (!job) return std::nullopt;
  return TopSeekersLocked(*job, k);
}

std::optional<std::vector<Reason>> MatchIndex::Explain(int64_t seeker_id, int64_t job_id) const {
  std::shared_lock lock(mutex_);
  const Seeker* seeker = seekers_.Find(seeker_id);
  const Job* job = jobs_.Find(job_id);
  if (!seeker || !job || !Admits(*seeker, *job)) return std::nullopt;
  std::vector<Reason> reasons;
  Score(*seeker, *job, fellows_.At(seeker->home_village, job->employer_id), &reasons);
  return reasons;
}

size_t MatchIndex::seeker_count() const {
  std::shared_lock lock(mutex_);
  return seekers_.slot.size();
}

size_t MatchIndex::job_count() const {
  std::shared_lock lock(mutex_);
  return jobs_.slot.size();
}

std::vector<Match> MatchIndex::TopJobsLocked(const Seeker& seeker, size_t k) const {
  TopK top(k);
  if (!seeker.available) return top.Take();
  const FellowTable::ByEmployer* fellows = fellows_.OfVillage(seeker.home_village);
  for (const auto& [county, jobs] : jobs_.by_county) {
    if ((seeker.willing_bands & BandBit(BandOf(seeker.home_village, county * kCountyScale))) == 0) continue;
    for (const Job& job : jobs)
      if (Admits(seeker, job)) top.Offer({job.id, Score(seeker, job, FellowsIn(fellows, job.employer_id)), WageMargin(seeker, job)});
  }
  return top.Take();
}

std::vector<Match> MatchIndex::TopSeekersLocked(const Job& job, size_t k) const {
  TopK top(k);
  if (!job.open) return top.Take();
  const FellowTable::ByVillage* fellows = fellows_.AtEmployer(job.employer_id);
  for (const auto& [county, seekers] : seekers_.by_county) {
    const uint8_t band = BandBit(BandOf(county * kCountyScale, job.place));
    for (const Seeker& seeker : seekers)
      if ((seeker.willing_bands & band) != 0 && Admits(seeker, job))
        top.Offer({seeker.id, Score(seeker, job, FellowsFrom(fellows, seeker.home_village)),
                   WageMargin(seeker, job)});
  }
  return top.Take();
}

}  // namespace shanhai::matching

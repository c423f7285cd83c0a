#include "matching/match_index.h"

#include <algorithm>
#include <mutex>

#include "matching/run_merge.h"

namespace shanhai::matching {
namespace {

template <typename Map, typename K>
void EraseSlot(Map& map, K key, uint32_t slot) {
  auto found = map.find(key);
  if (found == map.end()) return;
  std::vector<uint32_t>& slots = found->second;
  slots.erase(std::find(slots.begin(), slots.end(), slot));
  if (slots.empty()) map.erase(found);
}

template <typename Map>
std::vector<typename Map::key_type> SortedKeys(const Map* map) {
  std::vector<typename Map::key_type> keys;
  if (!map) return keys;
  for (const auto& [key, value] : *map) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  return keys;
}

}  // namespace

void MatchIndex::Load(std::vector<Seeker> seekers, std::vector<Job> jobs, const std::vector<Fellows>& fellows) {
  std::unique_lock lock(mutex_);
  seekers_ = SlotStore<Seeker>();
  jobs_ = SlotStore<Job>();
  everyone_ = SeekerPool();
  job_lists_ = JobLists();
  holders_of_certificate_.clear();
  jobs_of_employer_.clear();
  fellows_ = FellowTable();
  seekers_.Reserve(seekers.size());
  jobs_.Reserve(jobs.size());
  for (Seeker& s : seekers) AddSeekerLocked(std::move(s), true);
  for (Job& j : jobs) AddJobLocked(std::move(j), true);
  everyone_.SortAll();
  for (auto& [certificate, holders] : holders_of_certificate_) holders.SortAll();
  job_lists_.SortAll();
  for (const Fellows& f : fellows) fellows_.Set(f.village, f.employer, f.people);
}

void MatchIndex::AddSeekerLocked(Seeker seeker, bool bulk) {
  const bool listed = seeker.available;
  const uint32_t slot = seekers_.Add(std::move(seeker));
  if (!listed) return;
  const Seeker& stored = seekers_.at(slot);
  everyone_.Add(stored, slot, bulk);
  for (uint32_t certificate : stored.certificates) holders_of_certificate_[certificate].Add(stored, slot, bulk);
}

void MatchIndex::AddJobLocked(Job job, bool bulk) {
  const bool listed = job.open;
  const int64_t employer = job.employer_id;
  const uint32_t slot = jobs_.Add(std::move(job));
  if (!listed) return;
  if (bulk) job_lists_.Append(jobs_.at(slot), slot);
  else job_lists_.Insert(jobs_.at(slot), slot);
  jobs_of_employer_[employer].push_back(slot);
}

void MatchIndex::RemoveSeekerLocked(int64_t id) {
  const std::optional<uint32_t> slot = seekers_.SlotOf(id);
  if (!slot) return;
  const Seeker& seeker = seekers_.at(*slot);
  if (seeker.available) {
    everyone_.Erase(seeker, *slot);
    for (uint32_t certificate : seeker.certificates) {
      auto holders = holders_of_certificate_.find(certificate);
      holders->second.Erase(seeker, *slot);
      if (holders->second.seeker_count() == 0) holders_of_certificate_.erase(holders);
    }
  }
  seekers_.Remove(id);
}

void MatchIndex::RemoveJobLocked(int64_t id) {
  const std::optional<uint32_t> slot = jobs_.SlotOf(id);
  if (!slot) return;
  const Job& job = jobs_.at(*slot);
  if (job.open) {
    job_lists_.Erase(job, *slot);
    EraseSlot(jobs_of_employer_, job.employer_id, *slot);
  }
  jobs_.Remove(id);
}

void MatchIndex::PutSeeker(Seeker seeker) {
  std::unique_lock lock(mutex_);
  RemoveSeekerLocked(seeker.id);
  AddSeekerLocked(std::move(seeker), false);
}

void MatchIndex::PutJob(Job job) {
  std::unique_lock lock(mutex_);
  RemoveJobLocked(job.id);
  AddJobLocked(std::move(job), false);
}

void MatchIndex::RemoveSeeker(int64_t id) {
  std::unique_lock lock(mutex_);
  RemoveSeekerLocked(id);
}

void MatchIndex::RemoveJob(int64_t id) {
  std::unique_lock lock(mutex_);
  RemoveJobLocked(id);
}

void MatchIndex::SetFellows(uint64_t village, int64_t employer, int count) {
  std::unique_lock lock(mutex_);
  fellows_.Set(village, employer, count);
}

MatchIndex::FellowJobs MatchIndex::FellowJobsLocked(uint64_t village) const {
  FellowJobs out;
  const FellowTable::ByEmployer* fellows = fellows_.OfVillage(village);
  out.employers = SortedKeys(fellows);
  for (int64_t employer : out.employers) {
    auto jobs = jobs_of_employer_.find(employer);
    if (jobs == jobs_of_employer_.end()) continue;
    for (uint32_t slot : jobs->second) out.jobs.push_back({slot, fellows->at(employer)});
  }
  return out;
}

std::vector<Match> MatchIndex::TopJobsLocked(const Seeker& seeker, size_t k, const FellowJobs& fellow_jobs) const {
  std::vector<Match> with_fellows;
  if (seeker.available)
    for (const auto& [slot, fellows] : fellow_jobs.jobs) {
      const Job& job = jobs_.at(slot);
      if (auto m = MatchOf(seeker, job, fellows, job.id)) with_fellows.push_back(*m);
    }
  std::sort(with_fellows.begin(), with_fellows.end(), RanksBefore);
  return BestOf(job_lists_.Top(seeker, k, jobs_, fellow_jobs.employers), with_fellows, k);
}

std::optional<std::vector<Match>> MatchIndex::TopJobs(int64_t seeker_id, size_t k) const {
  std::shared_lock lock(mutex_);
  const Seeker* seeker = seekers_.Find(seeker_id);
  if (!seeker) return std::nullopt;
  return TopJobsLocked(*seeker, k, FellowJobsLocked(seeker->home_village));
}

void MatchIndex::TopJobsByVillage(const std::vector<int64_t>& seeker_ids, size_t k,
                                  const std::function<void(int64_t, const std::vector<Match>&)>& answer) const {
  std::vector<std::pair<uint64_t, int64_t>> by_village;  // (home village, seeker id)
  {
    std::shared_lock lock(mutex_);
    for (int64_t id : seeker_ids)
      if (const Seeker* seeker = seekers_.Find(id)) by_village.push_back({seeker->home_village, id});
  }
  std::sort(by_village.begin(), by_village.end());
  std::vector<std::pair<int64_t, std::vector<Match>>> answers;
  for (size_t begin = 0, end; begin < by_village.size(); begin = end) {
    const uint64_t village = by_village[begin].first;
    for (end = begin; end < by_village.size() && by_village[end].first == village; ++end) {
    }
    answers.clear();
    {
      std::shared_lock lock(mutex_);  // one village at a time: changes wait no longer than that
      const FellowJobs fellow_jobs = FellowJobsLocked(village);
      for (size_t i = begin; i < end; ++i)
        if (const Seeker* seeker = seekers_.Find(by_village[i].second))  // removed meanwhile: skipped
          answers.push_back({seeker->id, seeker->home_village == village  // or moved meanwhile
                                             ? TopJobsLocked(*seeker, k, fellow_jobs)
                                             : TopJobsLocked(*seeker, k, FellowJobsLocked(seeker->home_village))});
    }
    for (const auto& [id, top] : answers) answer(id, top);
  }
}

const SeekerPool* MatchIndex::CandidatesFor(const Job& job) const {
  const SeekerPool* rarest = &everyone_;
  for (uint32_t certificate : job.required_certificates) {
    auto holders = holders_of_certificate_.find(certificate);
    if (holders == holders_of_certificate_.end()) return nullptr;  // nobody available holds it
    if (rarest == &everyone_ || holders->second.seeker_count() < rarest->seeker_count()) rarest = &holders->second;
  }
  return rarest;
}

std::optional<std::vector<Match>> MatchIndex::TopSeekers(int64_t job_id, size_t k) const {
  std::shared_lock lock(mutex_);
  const Job* job = jobs_.Find(job_id);
  if (!job) return std::nullopt;
  const SeekerPool* candidates = CandidatesFor(*job);
  if (!candidates) return std::vector<Match>{};
  const FellowTable::ByVillage* fellows = fellows_.AtEmployer(job->employer_id);
  std::vector<std::pair<uint64_t, int>> fellow_points;
  for (uint64_t village : SortedKeys(fellows)) fellow_points.push_back({village, FellowPoints(fellows->at(village))});
  return candidates->Top(*job, k, seekers_, fellow_points);
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
  return seekers_.size();
}

size_t MatchIndex::job_count() const {
  std::shared_lock lock(mutex_);
  return jobs_.size();
}

}  // namespace shanhai::matching

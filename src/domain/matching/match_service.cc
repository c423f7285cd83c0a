#include "domain/matching/match_service.h"

#include <algorithm>
#include <chrono>
#include <mutex>

#include "common/date.h"
#include "common/id_number.h"
#include "common/text.h"
#include "domain/labor/labor_ledgers.h"
#include "domain/ledger/workflow.h"

namespace shanhai::matching {
namespace {

// The longest a query waits for this process's committed changes to be applied (Current); it
// returns as soon as they are. Every query pays it while the follower is stuck, so it stays short.
constexpr std::chrono::seconds kReadYourWritesWait{1};

// "已就业 / employed": a seekers state as the error names it.
std::pair<std::string, std::string> SeekerStateLabel(const std::string& code) {
  const WorkflowState* state = SeekersLedger().workflow->State(code);
  return state ? std::pair{state->label_zh, state->label_en} : std::pair{code, code};
}

Status NotRecommended(int64_t id, Availability availability, const std::string& status, const std::string& due) {
  const std::string n = std::to_string(id);
  switch (availability) {
    case Availability::kAvailable: return Status::Ok();
    case Availability::kNotSeeking: {
      const auto [zh, en] = SeekerStateLabel(status);
      return Status::Conflict("求职人员 " + n + " 当前不在求职（状态：" + zh + "），不作推荐",
                              "seeker " + n + " is not looking for work (status: " + en + "): nothing is recommended");
    }
    case Availability::kInWork:
      return Status::Conflict("求职人员 " + n + " 有在岗的就业记录，不作推荐",
                              "seeker " + n + " is in work (an employment spell in work): nothing is recommended");
    case Availability::kStale:
      return Status::Conflict(
          "求职人员 " + n + " 已超过90天未确认仍在求职" + (due.empty() ? "" : "（应于 " + due + " 再确认）") +
              "，请先联系本人确认（“确认仍在求职”）后再推荐",
          "seeker " + n + " has not confirmed still looking for work within 90 days" +
              (due.empty() ? "" : " (due " + due + ")") + ": confirm first, then jobs are recommended");
  }
  return Status::Ok();
}

void EraseId(std::vector<int64_t>& ids, int64_t id) { ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end()); }

std::vector<RankedMatch> WithReasons(const MatchIndex& index, const std::vector<Match>& matches, bool for_seeker,
                                     int64_t query_id) {
  std::vector<RankedMatch> out;
  out.reserve(matches.size());
  for (const Match& m : matches) {
    std::optional<std::vector<Reason>> reasons =
        for_seeker ? index.Explain(query_id, m.id) : index.Explain(m.id, query_id);
    out.push_back({m.id, m.points, reasons.value_or(std::vector<Reason>{})});
  }
  return out;
}

}  // namespace

MatchService::MatchService(Database& db, const PiiVault& vault, Clock clock)
    : reader_(db, vault), clock_(std::move(clock)) {}

std::string MatchService::Today() const {
  return clock_.Today();
}

Status MatchService::Load() {
  std::unique_lock lock(mutex_);
  return LoadLocked();
}

Status MatchService::Follow(ChangeFeed& feed) {
  feed_ = &feed;
  subscription_ = feed.Subscribe([this](const std::vector<Change>& batch) {
    // A failure is kept (needs_load_) and mended by the next batch or query; the feed only counts throws.
    (void)Apply(batch);
    {
      std::lock_guard lock(applied_mutex_);
      applied_seq_ = batch.back().seq;
    }
    applied_cv_.notify_all();
  });
  const int64_t committed_before = feed.last_committed();  // what the load below includes
  Status loaded = Load();
  if (!loaded.ok()) {
    subscription_.Reset();
    return loaded;
  }
  {
    std::lock_guard lock(applied_mutex_);
    applied_seq_ = std::max(applied_seq_, committed_before);
  }
  return Status::Ok();
}

Status MatchService::LoadLocked() {
  SH_ASSIGN_OR_RETURN(auto people, reader_.People(std::nullopt));
  SH_ASSIGN_OR_RETURN(std::vector<Record> seekers, reader_.All(SeekersLedger()));
  SH_ASSIGN_OR_RETURN(std::vector<Record> spells, reader_.All(SpellsLedger()));
  SH_ASSIGN_OR_RETURN(std::vector<Record> employers, reader_.All(EmployersLedger()));
  SH_ASSIGN_OR_RETURN(std::vector<Record> jobs, reader_.All(JobsLedger()));
  SH_ASSIGN_OR_RETURN(std::vector<Record> applications, reader_.All(ApplicationsLedger()));
  const std::string today = Today();
  seekers_.clear();
  seeker_of_person_.clear();
  jobs_.clear();
  jobs_of_employer_.clear();
  spells_.clear();
  spells_of_seeker_.clear();
  job_of_application_.clear();
  fellows_.clear();

  for (const Record& r : spells) {
    const SpellEntry spell{IntField(r, "seeker_id"), IntField(r, "employer_id"), r.Text("status") == "in_work", 0};
    spells_[r.id] = spell;
    spells_of_seeker_[spell.seeker_id].push_back(r.id);
  }
  std::vector<Seeker> profiles;
  profiles.reserve(seekers.size());
  for (const Record& r : seekers) {
    const int64_t person_id = IntField(r, "person_id");
    auto person = people.find(person_id);
    const PersonFacts facts = person == people.end() ? PersonFacts{} : person->second;
    SeekerEntry entry{person_id, RegionCode12(facts.region_code), r.Text("status"),
                      r.Text("confirm_due_date"), Availability::kNotSeeking};
    entry.availability = AvailabilityOf(entry.status, entry.due_date, InWork(r.id), today);
    profiles.push_back(SeekerOf(r, facts, entry.availability, certificates_));
    seeker_of_person_[person_id] = r.id;
    seekers_[r.id] = std::move(entry);
  }
  for (auto& [id, spell] : spells_) {
    auto seeker = seekers_.find(spell.seeker_id);
    spell.village = seeker == seekers_.end() ? 0 : seeker->second.village;
    if (spell.in_work && spell.employer_id != 0 && spell.village != 0) ++fellows_[{spell.village, spell.employer_id}];
  }
  std::unordered_map<int64_t, bool> verified;
  for (const Record& r : employers) verified[r.id] = r.Text("status") == "verified";
  std::unordered_map<int64_t, int> placed;
  for (const Record& r : applications) {
    const int64_t job = IntField(r, "job_id");
    job_of_application_[r.id] = job;
    if (r.Text("status") == "placed") ++placed[job];
  }
  std::vector<Job> job_profiles;
  job_profiles.reserve(jobs.size());
  for (const Record& r : jobs) {
    Job job = JobOf(r, verified[IntField(r, "employer_id")], placed[r.id], today, certificates_);
    jobs_[r.id] = {job.employer_id, job.open};
    jobs_of_employer_[job.employer_id].push_back(r.id);
    job_profiles.push_back(std::move(job));
  }
  std::vector<MatchIndex::Fellows> fellows;
  for (const auto& [key, people_there] : fellows_) fellows.push_back({key.first, key.second, people_there});
  index_.Load(std::move(profiles), std::move(job_profiles), fellows);
  day_ = today;
  needs_load_ = false;
  return Status::Ok();
}

Status MatchService::Apply(const std::vector<Change>& changes) {
  std::unique_lock lock(mutex_);
  if (needs_load_) return LoadLocked();  // reads every change's outcome too
  for (const Change& change : changes) {
    Status applied = ApplyLocked(change);
    if (!applied.ok()) {
      needs_load_ = true;
      return applied;
    }
  }
  return Status::Ok();
}

Status MatchService::ApplyLocked(const Change& change) {
  const int64_t id = change.record_id;
  if (change.ledger == SeekersLedger().name) return ReloadSeeker(id);
  if (change.ledger == JobsLedger().name) return ReloadJob(id);
  if (change.ledger == SpellsLedger().name) return ReloadSpell(id);
  if (change.ledger == ApplicationsLedger().name) return ReloadApplication(id);
  if (change.ledger == EmployersLedger().name) {
    auto jobs = jobs_of_employer_.find(id);
    if (jobs == jobs_of_employer_.end()) return Status::Ok();
    for (int64_t job : std::vector<int64_t>(jobs->second)) SH_RETURN_IF_ERROR(ReloadJob(job));
    return Status::Ok();
  }
  if (change.ledger == "people") {
    auto seeker = seeker_of_person_.find(id);
    return seeker == seeker_of_person_.end() ? Status::Ok() : ReloadSeeker(seeker->second);
  }
  return Status::Ok();  // a ledger the rules do not read
}

bool MatchService::InWork(int64_t seeker_id) const {
  auto spells = spells_of_seeker_.find(seeker_id);
  if (spells == spells_of_seeker_.end()) return false;
  return std::any_of(spells->second.begin(), spells->second.end(),
                     [&](int64_t spell) { return spells_.at(spell).in_work; });
}

void MatchService::CountFellow(const SpellEntry& spell, int delta) {
  if (!spell.in_work || spell.employer_id == 0 || spell.village == 0) return;
  const std::pair<uint64_t, int64_t> key{spell.village, spell.employer_id};
  const int count = (fellows_[key] += delta);
  index_.SetFellows(spell.village, spell.employer_id, std::max(count, 0));
  if (count <= 0) fellows_.erase(key);
}

Status MatchService::ReloadSeeker(int64_t id) {
  SH_ASSIGN_OR_RETURN(std::optional<Record> record, reader_.One(SeekersLedger(), id));
  auto old = seekers_.find(id);
  const uint64_t old_village = old == seekers_.end() ? 0 : old->second.village;
  if (old != seekers_.end()) seeker_of_person_.erase(old->second.person_id);
  if (!record) {
    index_.RemoveSeeker(id);
    if (old != seekers_.end()) seekers_.erase(old);
    return Status::Ok();
  }
  const int64_t person_id = IntField(*record, "person_id");
  SH_ASSIGN_OR_RETURN(auto people, reader_.People(std::vector<int64_t>{person_id}));
  const PersonFacts facts = people.empty() ? PersonFacts{} : people.begin()->second;
  SeekerEntry entry{person_id, RegionCode12(facts.region_code), record->Text("status"),
                    record->Text("confirm_due_date"), Availability::kNotSeeking};
  entry.availability = AvailabilityOf(entry.status, entry.due_date, InWork(id), day_.empty() ? Today() : day_);
  // Fellows are counted under the village of registration: a move takes the person's spells along.
  if (entry.village != old_village) {
    auto spells = spells_of_seeker_.find(id);
    if (spells != spells_of_seeker_.end())
      for (int64_t spell_id : spells->second) {
        SpellEntry& spell = spells_.at(spell_id);
        CountFellow(spell, -1);
        spell.village = entry.village;
        CountFellow(spell, +1);
      }
  }
  index_.PutSeeker(SeekerOf(*record, facts, entry.availability, certificates_));
  seeker_of_person_[person_id] = id;
  seekers_[id] = std::move(entry);
  return Status::Ok();
}

Status MatchService::ReloadJob(int64_t id) {
  SH_ASSIGN_OR_RETURN(std::optional<Record> record, reader_.One(JobsLedger(), id));
  auto old = jobs_.find(id);
  if (old != jobs_.end()) EraseId(jobs_of_employer_[old->second.employer_id], id);
  if (!record) {
    index_.RemoveJob(id);
    if (old != jobs_.end()) jobs_.erase(old);
    return Status::Ok();
  }
  const int64_t employer_id = IntField(*record, "employer_id");
  SH_ASSIGN_OR_RETURN(std::optional<Record> employer, reader_.One(EmployersLedger(), employer_id));
  SH_ASSIGN_OR_RETURN(std::vector<Record> applications, reader_.Where(ApplicationsLedger(), "job_id", Value{id}));
  int placed = 0;
  for (const Record& a : applications) placed += a.Text("status") == "placed" ? 1 : 0;
  const bool verified = employer && employer->Text("status") == "verified";
  Job job = JobOf(*record, verified, placed, day_.empty() ? Today() : day_, certificates_);
  jobs_[id] = {employer_id, job.open};
  jobs_of_employer_[employer_id].push_back(id);
  index_.PutJob(std::move(job));
  return Status::Ok();
}

Status MatchService::ReloadSpell(int64_t id) {
  SH_ASSIGN_OR_RETURN(std::optional<Record> record, reader_.One(SpellsLedger(), id));
  std::vector<int64_t> touched;
  if (auto old = spells_.find(id); old != spells_.end()) {
    CountFellow(old->second, -1);
    EraseId(spells_of_seeker_[old->second.seeker_id], id);
    touched.push_back(old->second.seeker_id);
    spells_.erase(old);
  }
  if (record) {
    SpellEntry spell{IntField(*record, "seeker_id"), IntField(*record, "employer_id"),
                     record->Text("status") == "in_work", 0};
    auto seeker = seekers_.find(spell.seeker_id);
    spell.village = seeker == seekers_.end() ? 0 : seeker->second.village;
    CountFellow(spell, +1);
    spells_[id] = spell;
    spells_of_seeker_[spell.seeker_id].push_back(id);
    if (touched.empty() || touched.front() != spell.seeker_id) touched.push_back(spell.seeker_id);
  }
  for (int64_t seeker : touched) SH_RETURN_IF_ERROR(ReloadSeeker(seeker));  // in work or not
  return Status::Ok();
}

Status MatchService::ReloadApplication(int64_t id) {
  SH_ASSIGN_OR_RETURN(std::optional<Record> record, reader_.One(ApplicationsLedger(), id));
  auto old = job_of_application_.find(id);
  const int64_t old_job = old == job_of_application_.end() ? 0 : old->second;
  const int64_t job = record ? IntField(*record, "job_id") : 0;
  if (record) job_of_application_[id] = job;
  else if (old != job_of_application_.end()) job_of_application_.erase(old);
  // Its job's placed count, and the job it left if it moved.
  if (old_job != 0 && old_job != job) SH_RETURN_IF_ERROR(ReloadJob(old_job));
  return job != 0 ? ReloadJob(job) : Status::Ok();
}

Status MatchService::CatchUp() {
  if (needs_load_) return LoadLocked();
  const std::string today = Today();
  if (today == day_) return Status::Ok();
  std::vector<int64_t> changed;
  for (const auto& [id, entry] : seekers_)
    if (AvailabilityOf(entry.status, entry.due_date, InWork(id), today) != entry.availability) changed.push_back(id);
  day_ = today;
  for (int64_t id : changed) {
    Status reloaded = ReloadSeeker(id);
    if (!reloaded.ok()) {
      needs_load_ = true;
      return reloaded;
    }
  }
  return Status::Ok();
}

Status MatchService::Current() {
  if (feed_) {
    const int64_t committed = feed_->last_committed();
    std::unique_lock lock(applied_mutex_);
    applied_cv_.wait_for(lock, kReadYourWritesWait, [&] { return applied_seq_ >= committed; });
  }
  {
    std::shared_lock read(mutex_);
    if (!needs_load_ && day_ == Today()) return Status::Ok();
  }
  std::unique_lock write(mutex_);  // the day's re-read before reading
  if (!needs_load_ && day_ == Today()) return Status::Ok();  // a query that waited with us did it
  return CatchUp();
}

Result<std::vector<RankedMatch>> MatchService::JobsFor(int64_t seeker_id, size_t k) {
  SH_RETURN_IF_ERROR(Current());
  std::shared_lock lock(mutex_);
  auto seeker = seekers_.find(seeker_id);
  if (seeker == seekers_.end())
    return Status::NotFound("劳动力台账中没有编号为 " + std::to_string(seeker_id) + " 的求职人员",
                            "no seeker " + std::to_string(seeker_id) + " in the labour ledger");
  const SeekerEntry& entry = seeker->second;
  SH_RETURN_IF_ERROR(NotRecommended(seeker_id, entry.availability, entry.status, entry.due_date));
  std::optional<std::vector<Match>> top = index_.TopJobs(seeker_id, k);
  return WithReasons(index_, top.value_or(std::vector<Match>{}), true, seeker_id);
}

Result<std::vector<OutreachEntry>> MatchService::OutreachFor(const std::string& region_prefix, size_t k) {
  SH_RETURN_IF_ERROR(Current());
  std::vector<OutreachEntry> entries;
  std::vector<int64_t> recommended;
  {
    std::shared_lock lock(mutex_);
    for (const auto& [id, seeker] : seekers_) {
      const bool due = seeker.availability == Availability::kStale;
      if (seeker.availability != Availability::kAvailable && !due) continue;
      if (RegionCodeText(seeker.village).rfind(region_prefix, 0) != 0) continue;
      entries.push_back({id, seeker.village, due, {}});
      if (!due) recommended.push_back(id);
    }
  }
  std::sort(entries.begin(), entries.end(), [](const OutreachEntry& a, const OutreachEntry& b) {
    return a.village != b.village ? a.village < b.village : a.seeker_id < b.seeker_id;
  });
  std::unordered_map<int64_t, std::vector<RankedMatch>> jobs;
  index_.TopJobsByVillage(recommended, k, [&](int64_t id, const std::vector<Match>& top) {
    jobs[id] = WithReasons(index_, top, true, id);
  });
  for (OutreachEntry& entry : entries)
    if (auto found = jobs.find(entry.seeker_id); found != jobs.end()) entry.jobs = std::move(found->second);
  return entries;
}

Result<std::vector<RankedMatch>> MatchService::SeekersFor(int64_t job_id, size_t k, const std::string& region_prefix) {
  SH_RETURN_IF_ERROR(Current());
  std::shared_lock lock(mutex_);
  auto job = jobs_.find(job_id);
  const std::string n = std::to_string(job_id);
  if (job == jobs_.end()) return Status::NotFound("没有编号为 " + n + " 的岗位", "no job " + n);
  if (!job->second.open)
    return Status::Conflict("岗位 " + n + " 未在招聘（未发布、企业未核验或已招满），不作推荐",
                            "job " + n + " is not open (not published, employer not verified, or filled): nobody is recommended");
  // The index ranks everyone; those outside the region are dropped, asking for more until k
  // are left or nobody more is admitted.
  std::vector<Match> kept;
  for (size_t want = k; kept.size() < k;) {
    std::vector<Match> top = index_.TopSeekers(job_id, want).value_or(std::vector<Match>{});
    kept.clear();
    for (const Match& m : top) {
      if (kept.size() == k) break;
      const std::string home = std::to_string(seekers_.at(m.id).village);
      if (home.rfind(region_prefix, 0) == 0) kept.push_back(m);
    }
    if (top.size() < want || region_prefix.empty()) break;
    want *= 4;
  }
  return WithReasons(index_, kept, false, job_id);
}

Result<int64_t> MatchService::SeekerNamed(const std::string& raw) {
  const std::string text = NormalizeInputLossy(raw);
  if (IsAsciiDigits(text) && text.size() < 15) return int64_t(std::stoll(text));
  Result<IdNumber> number = ParseIdNumber(text);
  if (!number.ok())
    return Status::InvalidArgument("“" + raw + "”既不是求职人员编号，也不是有效的身份证号（" + number.status().message_zh() + "）",
                                   "\"" + raw + "\" is neither a seeker's record id nor a valid ID number (" +
                                       number.status().message_en() + ")");
  std::unique_lock lock(mutex_);  // the reader's connection
  SH_ASSIGN_OR_RETURN(int64_t id, reader_.SeekerOfIdNumber(number->value()));
  if (id == 0)
    return Status::NotFound("劳动力台账中没有该身份证号的人员", "nobody with that ID number is in the labour ledger");
  return id;
}

Result<int64_t> MatchService::SeekerOfPerson(int64_t person_id) {
  SH_RETURN_IF_ERROR(Current());
  std::shared_lock lock(mutex_);
  auto seeker = seeker_of_person_.find(person_id);
  if (seeker == seeker_of_person_.end())
    return Status::NotFound("您尚未登记在劳动力台账中，请联系村或人社部门登记",
                            "you are not in the labour ledger yet: ask the village or the labour bureau to register you");
  return seeker->second;
}

size_t MatchService::seeker_count() const { return index_.seeker_count(); }
size_t MatchService::job_count() const { return index_.job_count(); }

}  // namespace shanhai::matching

// 就业快递's matching, live: the engine's index (matching/match_index.h) built from the labour
// ledgers and the people registry, kept current from the change feed, answering top-k jobs for a
// seeker and top-k seekers for a job with each answer's reasons.
//
// What the index holds. Every seeker, available only when AvailabilityOf says so (seeking, no
// spell in work, confirmed still looking within 90 days); every job, open only when published,
// its employer verified and fewer than headcount placed; and per (home village, employer) the
// people in work there (spells in work), the fellow villagers' term.
//
// Staying current. Apply() takes a batch of the feed's changes and, per change, re-reads only
// the records it touches and updates only their entries: a seeker (or its person) → that seeker;
// a job → that job; an employer → its jobs; an application → its job (the placed count); a
// spell → its seeker's availability and the fellows of its (village, employer). No full rebuild
// per change. Applying a change whose record was already read is harmless (it re-reads the
// current version), which is how start-up (Follow: subscribe, then load) loses nothing. A
// seeker whose confirmation falls due needs no change: the first query of each new day
// re-reads the seekers whose availability that day changes.
//
// Reading one's writes. When following a feed, a query first waits (up to a second) until the
// changes this process has committed are applied, so a job just published through the API is
// recommended by the next request; another process's writes arrive with the follower's poll.
//
// Thread safety: every member is thread-safe; queries run concurrently, a change or the day's
// re-read waits for them. The database connection is the service's alone, used under its lock.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/clock.h"
#include "domain/changes/change_feed.h"
#include "domain/matching/match_profiles.h"
#include "domain/matching/match_reader.h"
#include "matching/match_index.h"

namespace shanhai::matching {

// One answer: the job (for a seeker) or the seeker (for a job), its points and the terms that
// scored, in the engine's order (reason_text.h words them).
struct RankedMatch {
  int64_t id = 0;
  int points = 0;
  std::vector<Reason> reasons;
};

// One person of an outreach list (OutreachFor): the home village and, when the person is
// recommended now, the best jobs. A person whose confirmation is due is listed without jobs and
// flagged: the cadre's call is what confirms that the person is still looking.
struct OutreachEntry {
  int64_t seeker_id = 0;
  uint64_t village = 0;
  bool confirmation_due = false;
  std::vector<RankedMatch> jobs;
};

class MatchService {
 public:
  // db (a connection for the service alone) and vault must outlive the service. clock: "today"
  // for availability and for the age on a job without a start date.
  MatchService(Database& db, const PiiVault& vault, Clock clock);
  MatchService(const MatchService&) = delete;
  MatchService& operator=(const MatchService&) = delete;

  // Reads everything and replaces the index (start-up). Errors: the database's; the index is
  // then left as it was.
  Status Load();
  // Subscribes to feed, then loads: changes committed while loading are applied after. The feed
  // must outlive the service. Errors: Load's (no subscription then).
  Status Follow(ChangeFeed& feed);
  // Updates the entries of the records the changes touch (see above). Errors: the database's;
  // the next Apply or query then loads everything again before anything else.
  Status Apply(const std::vector<Change>& changes);

  // The best k open jobs for seeker seeker_id. Errors: NotFound (no such seeker); Conflict when
  // the seeker is not recommended now, saying why (not looking, in work, confirmation due).
  Result<std::vector<RankedMatch>> JobsFor(int64_t seeker_id, size_t k);
  // The best k available seekers for job job_id whose home region code starts with
  // region_prefix ("" = everyone). Errors: NotFound (no such job); Conflict when the job is not
  // open (not published, employer not verified, or headcount filled).
  Result<std::vector<RankedMatch>> SeekersFor(int64_t job_id, size_t k, const std::string& region_prefix);

  // The outreach batch (MatchIndex::TopJobsByVillage): every seeker looking for work, not in
  // work, whose home village code starts with region_prefix, with its best k jobs; ordered by
  // village, then seeker id. Errors: the database's (catching up with the feed).
  Result<std::vector<OutreachEntry>> OutreachFor(const std::string& region_prefix, size_t k);

  // A seeker named as users name one: its record id ("12") or its person's 18-character ID
  // number (a 15-digit one converted). Errors: InvalidArgument for other text; NotFound when no
  // seeker has it.
  Result<int64_t> SeekerNamed(const std::string& text);

  // The seeker record of a person of the registry (a job seeker's session names its person),
  // after the wait for this process's own writes (a seeker just registered is found).
  // Errors: NotFound when the person is not in the labour ledger.
  Result<int64_t> SeekerOfPerson(int64_t person_id);

  std::string Today() const;
  size_t seeker_count() const;
  size_t job_count() const;

 private:
  struct SeekerEntry {
    int64_t person_id = 0;
    uint64_t village = 0;
    std::string status, due_date;
    Availability availability = Availability::kNotSeeking;
  };
  struct JobEntry {
    int64_t employer_id = 0;
    bool open = false;
  };
  struct SpellEntry {
    int64_t seeker_id = 0;
    int64_t employer_id = 0;
    bool in_work = false;
    uint64_t village = 0;  // the seeker's when counted
  };

  Status LoadLocked();
  Status ApplyLocked(const Change& change);
  Status ReloadSeeker(int64_t id);
  Status ReloadJob(int64_t id);
  Status ReloadSpell(int64_t id);
  Status ReloadApplication(int64_t id);
  // Adds delta to the fellows of spell's (village, employer) when it is in work there.
  void CountFellow(const SpellEntry& spell, int delta);
  bool InWork(int64_t seeker_id) const;
  // Re-reads the seekers whose availability differs today from when they were read, once a day;
  // and everything after a failed Apply.
  Status CatchUp();
  // The wait described above, then CatchUp.
  Status Current();

  MatchReader reader_;
  const Clock clock_;
  mutable std::shared_mutex mutex_;  // everything below
  MatchIndex index_;
  CertificateKinds certificates_;
  std::unordered_map<int64_t, SeekerEntry> seekers_;
  std::unordered_map<int64_t, int64_t> seeker_of_person_;
  std::unordered_map<int64_t, JobEntry> jobs_;
  std::unordered_map<int64_t, std::vector<int64_t>> jobs_of_employer_;
  std::unordered_map<int64_t, SpellEntry> spells_;
  std::unordered_map<int64_t, std::vector<int64_t>> spells_of_seeker_;
  std::unordered_map<int64_t, int64_t> job_of_application_;
  std::map<std::pair<uint64_t, int64_t>, int> fellows_;
  std::string day_;          // the day availability was last judged
  bool needs_load_ = false;  // an Apply failed part-way
  ChangeFeed* feed_ = nullptr;  // set by Follow
  std::mutex applied_mutex_;
  std::condition_variable applied_cv_;
  int64_t applied_seq_ = 0;  // the last change_log seq applied (guarded by applied_mutex_)
  ChangeFeed::Subscription subscription_;  // last: unsubscribes before the rest goes
};

}  // namespace shanhai::matching

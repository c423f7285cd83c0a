// All SQL of the notifications (migration 0024): the notices of accounts, the sends' keys that
// make each notice happen once, the accounts' own mobiles, and what the runner reads to find
// what is due (jobs not yet announced, scheduled interviews, seekers whose confirmation is due).
// Every call runs on the caller's connection, inside its transaction if one is open.
// Errors: the database's. Thread safety: as the Database's (one per connection).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.h"

namespace shanhai::notifications {

struct NewNotice {
  int64_t recipient_id = 0;
  std::string kind;  // "new_job", "interview_day_before", "interview_hour_before"
  std::string text_zh, text_en;
  std::string ledger;  // the record it is about: "jobs", "applications"
  int64_t record_id = 0;
  std::string helped_region;
};

struct StoredNotice {
  int64_t id = 0;
  std::string kind, text_zh, text_en, ledger;
  int64_t record_id = 0;
  std::string created_at, read_at;  // read_at "" = unread
};

struct OpenJob {
  int64_t id = 0;
  std::string helped_region, title, employer;
  int64_t wage_min_fen = 0;
};

struct StaffAccount {
  int64_t id = 0;
  std::string region;  // never "" (accounts without a region are not staff of any village)
};

struct ScheduledInterview {
  int64_t id = 0;
  std::string helped_region, date, slot, mode, title, employer;
  int64_t employer_id = 0;
  std::string person_name, person_region;
  Value mobile_enc;  // the person's sealed mobile (people ledger), NULL when none
};

struct DueSeeker {
  int64_t id = 0;
  std::string helped_region, due_date, person_region;
  Value mobile_enc;
};

class NotificationRepository {
 public:
  explicit NotificationRepository(Database& db) : db_(db) {}

  // Inserts send key (with kind, subject and time); true if this call inserted it, false if it
  // was there already (another run sent it).
  Result<bool> Claim(const std::string& key, const std::string& kind, int64_t subject_id, const std::string& at);

  Status Add(const NewNotice& notice, const std::string& at);
  // recipient's notices, unread first, then newest first; a page of limit from offset.
  Result<std::vector<StoredNotice>> Page(int64_t recipient_id, int64_t limit, int64_t offset);
  Result<int64_t> Count(int64_t recipient_id);
  Result<int64_t> CountUnread(int64_t recipient_id);
  // Marks notice id of recipient read at at (if unread); the number of notices of recipient with
  // that id (0: none such, whoever's else it is).
  Result<int64_t> MarkRead(int64_t recipient_id, int64_t id, const std::string& at);
  Result<int64_t> MarkAllRead(int64_t recipient_id, const std::string& at);

  // The id of the enabled account called name; 0 when none.
  Result<int64_t> AccountNamed(const std::string& name);
  // The sealed mobile of an account; NULL when it has none.
  Result<Value> AccountMobile(int64_t user_id);
  Status SetAccountMobile(int64_t user_id, const std::string& sealed, const std::string& hash, const std::string& at);
  Status ClearAccountMobile(int64_t user_id);

  // Published jobs of verified employers with no "job" send yet and not found unmatched after
  // unmatched_since (an ISO UTC time).
  Result<std::vector<OpenJob>> UnannouncedJobs(const std::string& unmatched_since);
  Status MarkAnnounced(int64_t job_id, const std::string& at);
  // Records that job_id matched nobody at at (send key "job:<id>:unmatched:<at>").
  Status MarkUnmatched(int64_t job_id, const std::string& at);
  // The region code of a seeker's person ("" when not found).
  Result<std::string> SeekerRegion(int64_t seeker_id);
  // Enabled accounts of no organisation, with a region, whose roles grant permission (or "*").
  Result<std::vector<StaffAccount>> StaffHolding(const std::string& permission);
  // Enabled accounts of employer employer_id.
  Result<std::vector<int64_t>> HrOf(int64_t employer_id);
  // Applications in interview_scheduled whose interview date lies in [from, to].
  Result<std::vector<ScheduledInterview>> InterviewsBetween(const std::string& from, const std::string& to);
  // Seekers seeking whose confirmation is due before today (or never given), with a mobile, and
  // no re-ask sent after since.
  Result<std::vector<DueSeeker>> SeekersToAsk(const std::string& today, const std::string& since);

 private:
  Database& db_;
};

}  // namespace shanhai::notifications

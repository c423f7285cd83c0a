// 即时联系's one pass: everything due at an instant, sent once. RunDue(now) does, in order:
//  1. New jobs: each job that seekers can now see (published, its employer verified) and was not
//     announced yet gets its top matches (MatchService::SeekersFor), grouped by the home village
//     of each matched person; every staff account (no organisation, a region, granted
//     labor:jobs:match) whose region covers that village gets one console notice ("新岗位：
//     广州白云演示压缩机有限公司 装配工 5,100元起，匹配甲坝村 3 人"), and a text message when the
//     account has a mobile. Once per job, village and account (send key
//     "job:<job>:<village>:account:<id>"); a job the
//     matcher does not yet see as open (its index lags the database) is tried again next pass, and
//     one that matched nobody is matched again a day later (seekers registered since may match it).
//  2. Interview reminders (due_rules.h: the day before and the hour before the slot's start) of
//     applications in interview_scheduled: the seeker by text message to the person's mobile,
//     the employer's HR accounts by console notice (and text message with a mobile). Once per
//     application, slot, kind and recipient; a moved slot is reminded again; a withdrawn or moved-on
//     application is not reminded at all (only interview_scheduled is read).
//  3. The 90-day re-ask: a seeker looking for work whose confirmation is due (older than 90 days,
//     or never given) and who has a mobile gets one message asking to confirm on the phone page;
//     at most once per 30 days (due_rules.h). The matcher keeps not recommending them meanwhile.
// Each send is one transaction for one recipient: its key is inserted first (notification_sends)
// and a key another run inserted means nothing is sent, so two runners (serve and a cron
// `shanhai notify`) never send twice. A failed send rolls back its key alone — what went to other
// recipients stays sent, once — and is tried again on the next pass; the pass goes on meanwhile.
// The sender only writes the outbox (queued for the gateway relay when serve has a gateway), so
// no send transaction waits on a network.
//
// Thread safety: none (one runner per connection); the MatchService is thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/matching/match_service.h"
#include "domain/messages/message_sender.h"
#include "domain/notifications/notification_repository.h"
#include "security/pii_vault.h"
#include "storage/database.h"

namespace shanhai::notifications {

struct RunnerOptions {
  // The site's address as job seekers reach it ("https://jiuye.example.cn"), for the /m/ link in
  // their messages; "" writes the path alone.
  std::string public_url;
  size_t top_matches = 100;  // how many of a new job's best matches are counted per village
};

// One notice sent, for the CLI's report.
struct SentNotice {
  std::string kind;     // "new_job", "interview_day_before", "interview_hour_before", "reask"
  std::string channel;  // "console" or "sms"
  std::string to;       // "account:<id>" or the mobile masked
  std::string ledger;   // the record it is about
  int64_t record_id = 0;
  std::string text;     // the Chinese text
};

class NotificationRunner {
 public:
  // All must outlive the runner; db is the connection sender writes through (the outbox) and is
  // the runner's own while RunDue runs.
  NotificationRunner(Database& db, const PiiVault& vault, MessageSender& sender, matching::MatchService& matches,
                     RunnerOptions options = {});

  // Sends what is due at now (Unix seconds). Errors: the first failing send or read, once the rest
  // of the pass has been tried (every other send is committed; the failed ones come again).
  Result<std::vector<SentNotice>> RunDue(int64_t now);

 private:
  Status AnnounceJobs(int64_t now, std::vector<SentNotice>& sent);
  Status RemindInterviews(int64_t now, std::vector<SentNotice>& sent);
  Status Reask(int64_t now, std::vector<SentNotice>& sent);
  // In one transaction: claims key; if won, runs send (which appends what it sent to its
  // argument); only a committed send's notices reach sent.
  Status OnceFor(const std::string& key, const std::string& kind, int64_t subject_id, const std::string& at,
                 const std::function<Status(std::vector<SentNotice>&)>& send, std::vector<SentNotice>& sent);
  // Keeps status if it is the pass's first failure, so the pass can go on (RunDue reports it).
  void Isolate(Status status);
  // A console notice to an account, and the same text to its mobile if it has one.
  Status ToAccount(const NewNotice& notice, const std::string& at, std::vector<SentNotice>& out);
  Status ToMobile(const std::string& mobile, const OutgoingMessage& message, const std::string& kind,
                  const std::string& ledger, int64_t record_id, std::vector<SentNotice>& out);

  Database& db_;
  const PiiVault& vault_;
  MessageSender& sender_;
  matching::MatchService& matches_;
  Status first_failure_;  // of the pass RunDue runs
  RunnerOptions options_;
  NotificationRepository repository_;
};

}  // namespace shanhai::notifications

#include "domain/notifications/notification_runner.h"

#include <map>

#include "common/clock.h"
#include "common/date.h"
#include "common/mobile.h"
#include "common/text.h"
#include "domain/ledger/record_codec.h"
#include "domain/notifications/due_rules.h"
#include "domain/notifications/notice_texts.h"
#include "domain/notifications/notification_service.h"
#include "domain/people/people_ledgers.h"
#include "regions/region_catalog.h"
#include "regions/region_names.h"

namespace shanhai::notifications {

namespace {

// Staff who may read a job's matches are the staff the matches are news to.
constexpr const char* kStaffPermission = "labor:jobs:match";
constexpr const char* kJobsLedger = "jobs";
constexpr const char* kApplicationsLedger = "applications";
constexpr const char* kSeekersLedger = "seekers";
// A job its pass found matching nobody is matched again after this long.
constexpr int64_t kUnmatchedRetrySeconds = 24 * 60 * 60;

// "甲坝村" for a village code; the code itself when the catalogue does not know it.
std::string VillageName(const std::string& code) {
  const Region* region = RegionCatalog::Embedded().Find(code);
  return region ? RegionCommonName(region->name) : code;
}

// An account of a province, prefecture, county, town or village covers the villages inside it.
bool Covers(const std::string& scope, const std::string& village) { return village.starts_with(RegionPrefix(scope)); }

}  // namespace

NotificationRunner::NotificationRunner(Database& db, const PiiVault& vault, MessageSender& sender,
                                       matching::MatchService& matches, RunnerOptions options)
    : db_(db), vault_(vault), sender_(sender), matches_(matches), options_(std::move(options)), repository_(db) {}

Result<std::vector<SentNotice>> NotificationRunner::RunDue(int64_t now) {
  std::vector<SentNotice> sent;
  first_failure_ = Status::Ok();
  Isolate(AnnounceJobs(now, sent));
  Isolate(RemindInterviews(now, sent));
  Isolate(Reask(now, sent));
  if (!first_failure_.ok()) return first_failure_;
  return sent;
}

void NotificationRunner::Isolate(Status status) {
  if (!status.ok() && first_failure_.ok()) first_failure_ = std::move(status);
}

Status NotificationRunner::OnceFor(const std::string& key, const std::string& kind, int64_t subject_id,
                                   const std::string& at, const std::function<Status(std::vector<SentNotice>&)>& send,
                                   std::vector<SentNotice>& sent) {
  std::vector<SentNotice> these;
  SH_RETURN_IF_ERROR(InTransaction(db_, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(bool won, repository_.Claim(key, kind, subject_id, at));
    if (!won) return Status::Ok();
    return send(these);
  }));
  sent.insert(sent.end(), these.begin(), these.end());
  return Status::Ok();
}

Status NotificationRunner::ToMobile(const std::string& mobile, const OutgoingMessage& message, const std::string& kind,
                                    const std::string& ledger, int64_t record_id, std::vector<SentNotice>& out) {
  OutgoingMessage m = message;
  m.mobile = mobile;
  SH_RETURN_IF_ERROR(sender_.Send(m));
  out.push_back({kind, "sms", MaskMobile(mobile), ledger, record_id, m.text});
  return Status::Ok();
}

Status NotificationRunner::ToAccount(const NewNotice& notice, const std::string& at, std::vector<SentNotice>& out) {
  SH_RETURN_IF_ERROR(repository_.Add(notice, at));
  out.push_back({notice.kind, "console", "account:" + std::to_string(notice.recipient_id), notice.ledger,
                 notice.record_id, notice.text_zh});
  SH_ASSIGN_OR_RETURN(Value sealed, repository_.AccountMobile(notice.recipient_id));
  if (IsNull(sealed)) return Status::Ok();
  SH_ASSIGN_OR_RETURN(std::string mobile, vault_.Decrypt(AsText(sealed), kAccountMobileContext));
  return ToMobile(mobile, {.text = notice.text_zh, .purpose = notice.kind, .helped_region = notice.helped_region},
                  notice.kind, notice.ledger, notice.record_id, out);
}

Status NotificationRunner::AnnounceJobs(int64_t now, std::vector<SentNotice>& sent) {
  const std::string at = IsoUtcAt(now);
  SH_ASSIGN_OR_RETURN(std::vector<OpenJob> jobs, repository_.UnannouncedJobs(IsoUtcAt(now - kUnmatchedRetrySeconds)));
  if (jobs.empty()) return Status::Ok();
  SH_ASSIGN_OR_RETURN(std::vector<StaffAccount> staff, repository_.StaffHolding(kStaffPermission));
  for (const OpenJob& job : jobs) {
    Result<std::vector<matching::RankedMatch>> matches = matches_.SeekersFor(job.id, options_.top_matches, "");
    if (!matches.ok()) {
      if (matches.status().code() == Code::kConflict || matches.status().code() == Code::kNotFound)
        continue;  // not open in the index (yet): the next pass tries again
      return matches.status();
    }
    bool failed = false;  // a send to try again next pass: the job is not marked announced yet
    std::map<std::string, int64_t> per_village;
    for (const matching::RankedMatch& m : *matches) {
      SH_ASSIGN_OR_RETURN(std::string village, repository_.SeekerRegion(m.id));
      if (!village.empty()) ++per_village[village];
    }
    for (const auto& [village, count] : per_village) {
      const NoticeText text = NewJobText(job.employer, job.title, job.wage_min_fen, VillageName(village), count);
      for (const StaffAccount& account : staff) {
        if (!Covers(account.region, village)) continue;
        Status once = OnceFor("job:" + std::to_string(job.id) + ":" + village + ":account:" + std::to_string(account.id),
                              "job_village", job.id, at,
                              [&](std::vector<SentNotice>& out) -> Status {
                                return ToAccount({account.id, "new_job", text.zh, text.en, kJobsLedger, job.id,
                                                  job.helped_region},
                                                 at, out);
                              },
                              sent);
        failed = failed || !once.ok();
        Isolate(std::move(once));
      }
    }
    // Matched by nobody of any village: asked again a day later, when new seekers may match it.
    if (per_village.empty()) SH_RETURN_IF_ERROR(repository_.MarkUnmatched(job.id, at));
    else if (!failed) SH_RETURN_IF_ERROR(repository_.MarkAnnounced(job.id, at));
  }
  return Status::Ok();
}

Status NotificationRunner::RemindInterviews(int64_t now, std::vector<SentNotice>& sent) {
  const std::string at = IsoUtcAt(now);
  const std::string today = TodayAt(std::chrono::system_clock::time_point(std::chrono::seconds(now)));
  SH_ASSIGN_OR_RETURN(std::string tomorrow, AddDays(today, 1));
  SH_ASSIGN_OR_RETURN(std::vector<ScheduledInterview> interviews, repository_.InterviewsBetween(today, tomorrow));
  const RecordCodec people(PeopleLedger(), vault_);
  for (const ScheduledInterview& i : interviews) {
    const std::optional<int64_t> start = SlotStart(i.date, i.slot);
    if (!start) continue;
    const std::optional<ReminderKind> kind = ReminderDue(*start, now);
    if (!kind) continue;
    const std::string notice_kind = std::string("interview_") + ReminderKindName(*kind);
    const std::string key = ReminderKey(i.id, i.date, i.slot, *kind);
    const ReminderFacts facts{i.date, i.slot, i.mode, i.employer, i.title, i.date == today};
    if (!IsNull(i.mobile_enc))
      Isolate(OnceFor(key + ":seeker", notice_kind, i.id, at,
                      [&](std::vector<SentNotice>& out) -> Status {
                        SH_ASSIGN_OR_RETURN(std::string mobile, people.Open("mobile", i.mobile_enc));
                        return ToMobile(mobile,
                                        {.text = SeekerReminderText(facts, *kind, options_.public_url),
                                         .purpose = notice_kind, .helped_region = i.helped_region,
                                         .home_region = i.person_region},
                                        notice_kind, kApplicationsLedger, i.id, out);
                      },
                      sent));
    if (i.employer_id == 0) continue;
    Result<std::vector<int64_t>> hr = repository_.HrOf(i.employer_id);
    if (!hr.ok()) {
      Isolate(hr.status());
      continue;
    }
    const NoticeText text = HrReminderText(facts, MaskPersonName(i.person_name), *kind);
    for (int64_t account : *hr)
      Isolate(OnceFor(key + ":account:" + std::to_string(account), notice_kind, i.id, at,
                      [&](std::vector<SentNotice>& out) -> Status {
                        return ToAccount({account, notice_kind, text.zh, text.en, kApplicationsLedger, i.id,
                                          i.helped_region},
                                         at, out);
                      },
                      sent));
  }
  return Status::Ok();
}

Status NotificationRunner::Reask(int64_t now, std::vector<SentNotice>& sent) {
  const std::string at = IsoUtcAt(now);
  const std::string today = TodayAt(std::chrono::system_clock::time_point(std::chrono::seconds(now)));
  SH_ASSIGN_OR_RETURN(std::vector<DueSeeker> seekers,
                      repository_.SeekersToAsk(today, IsoUtcAt(now - kReaskEveryDays * kDaySeconds)));
  const RecordCodec people(PeopleLedger(), vault_);
  for (const DueSeeker& s : seekers) {
    const std::optional<int64_t> window = ReaskWindow(s.due_date, today);
    if (!window) continue;
    Isolate(OnceFor(
        "reask:" + std::to_string(s.id) + ":" + std::to_string(*window), "reask", s.id, at,
        [&](std::vector<SentNotice>& out) -> Status {
          SH_ASSIGN_OR_RETURN(std::string mobile, people.Open("mobile", s.mobile_enc));
          return ToMobile(mobile,
                          {.text = ReaskText(options_.public_url), .purpose = "reask",
                           .helped_region = s.helped_region, .home_region = s.person_region},
                          "reask", kSeekersLedger, s.id, out);
        },
        sent));
  }
  return Status::Ok();
}

}  // namespace shanhai::notifications

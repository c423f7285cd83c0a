// What a job seeker does for itself from the phone page (H5): confirm it is still looking, read a
// job as published, apply to it, answer the interview time HR proposed, accept or decline an offer,
// withdraw, and report a posting. Every write is a ledger write through LedgerService /
// TransitionService — transactional, audited under the seeker's own name ("job_seeker:<people.id>"),
// announced on the change feed, with the ledgers' own refusals — taken by the seeker's step actor
// (SeekerStepActor): the seeker's session with exactly the grants of these steps and the scope of its
// helped county. Only an actor that is a job seeker (Actor::person_id) may call any of it:
// PermissionDenied for staff and HR accounts, whatever their grants.
// Thread safety: none; over one connection's LedgerService, like the other services.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/ledger/ledger_service.h"

namespace shanhai {

// The seeker's own steps on one of its applications, each the applications workflow's transition
// of that name (SeekerStepTransition).
enum class SeekerStep { kAcceptTime, kDeclineTime, kAcceptOffer, kDeclineOffer, kWithdraw };

// "accept_time", "decline_time", "accept_offer", "decline_offer", "withdraw": the API's path segment.
const char* SeekerStepName(SeekerStep step);
// The applications transition a step takes ("accept_time", "decline_time", "accept", "decline", "withdraw").
const char* SeekerStepTransition(SeekerStep step);

// A job as a seeker sees it: the published job, its verified employer, where it is by name.
struct SeekerJob {
  Record job;       // sensitive fields none; as stored
  Record employer;  // as stored, its sensitive fields masked
  std::string work_region_name;  // "广东省广州市白云区", "" when the job names no place
  std::vector<std::string> requirements_zh;  // "年龄 18–45 周岁", "初中及以上", "须持 电工证" …
  std::vector<std::string> requirements_en;
  std::optional<int64_t> applied;  // the id of the seeker's open application to it
};

// One of the seeker's applications with what the list shows beside the record.
struct SeekerApplication {
  Record application;
  std::string job_title;
  std::string employer_name;
  std::vector<SeekerStep> actions;  // what the seeker may do on it now, in SeekerStep order
};

class SeekerSelfService {
 public:
  // ledgers must outlive the service.
  explicit SeekerSelfService(LedgerService& ledgers) : ledgers_(ledgers) {}

  // The seeker's labour-ledger record (as stored, sensitive fields masked). Errors:
  // PermissionDenied (not a job seeker); NotFound when the person is not in the labour ledger.
  Result<Record> Seeker(const Actor& actor);
  // True when the seeker is due to confirm it is still looking before it is recommended or may
  // apply again: the matcher's rule (matching::AvailabilityOf's kStale), judged today.
  bool NeedsConfirmation(const Record& seeker) const;
  // The seekers ledger's "confirm" (仍在求职), taken by the seeker; the record after it. Errors: as
  // Seeker; the transition's (TransitionService::Take).
  Result<Record> Confirm(const Actor& actor);

  // Job job_id if it is published and its employer verified; NotFound otherwise (as for a missing
  // one). Errors: as Seeker.
  Result<SeekerJob> Job(const Actor& actor, int64_t job_id);
  // A new application of the seeker to job_id (as Applications lists it): source self, applied today, status applied.
  // Errors: as Seeker; NotFound as Job; Conflict when the seeker must confirm first
  // (NeedsConfirmation), or already has an open application to the job (naming it); Invalid with
  // the ledger's refusals (seeker not looking …).
  Result<SeekerApplication> Apply(const Actor& actor, int64_t job_id);
  // The seeker's applications, newest first (by applied date, then id).
  Result<std::vector<SeekerApplication>> Applications(const Actor& actor);
  // Takes step on the seeker's application_id at version (the application after it), reason its reason (decline_time's
  // time_decline_reason, withdraw's withdraw_reason; ignored by the others). Errors: as Seeker;
  // NotFound for an application that is not the seeker's; the transition's (stale version and
  // wrong state Conflict, a missing reason Invalid).
  Result<SeekerApplication> Take(const Actor& actor, int64_t application_id, SeekerStep step, int64_t version,
                      const std::string& reason);
  // A job_reports record by the seeker on job_id (visible as Job says), dated today, reporter
  // "求职者本人". A person reports a job once and at most 5 jobs a day (migration
  // 0027). Errors: as Job; Conflict for a job the person reported before; PermissionDenied past
  // the day's reports; Invalid with the ledger's refusals (an unknown reason, no detail).
  Result<Record> Report(const Actor& actor, int64_t job_id, const std::string& reason, const std::string& detail);

 private:
  // application with its job's title, employer's name and the seeker's actions now.
  Result<SeekerApplication> Describe(Record application);
  // The open application of seeker_id to job_id, if any.
  Result<std::optional<Record>> OpenApplication(int64_t seeker_id, int64_t job_id);

  LedgerService& ledgers_;
};

// The actor the seeker's writes are taken as: seeker (its name, person and address, so the audit
// names the person) with only the grants of the steps above and the scope of region (its helped county).
Actor SeekerStepActor(const Actor& seeker, const std::string& region);

}  // namespace shanhai

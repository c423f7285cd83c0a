// 远程面试的面试间: who may enter the video room of an application's interview, and what the room
// shows them. Exactly two parties: the application's employer, through an HR account scoped to
// that employer (owner scope "employers:N"), and the job seeker, through the one-time-code session
// of the application's person. Anybody else is refused: a staff or administrator account with
// PermissionDenied before anything is read (the room is not theirs, whatever they may see in the
// ledgers), another employer's HR or another job seeker with the same NotFound as a missing
// application (an out-of-sight record is not confirmed to exist, as the ledgers' record routes do).
// The room is open only for a video interview (interview_mode "video"; a phone or external-link
// interview has none), while the application is in interview_scheduled, and then only inside the
// window around its slot (labor/interview_window.h: from 30 minutes before the start until an hour
// after the end, China time), read from the context's clock at each call.
//
// The fallback when video cannot connect follows the rule for phone numbers: the
// employer's side sees the seeker's mobile only once the person applied or accepted the interview
// time (labor/seeker_phone_rule.h), and such
// a showing is audited as a reveal of people.mobile; the seeker sees the number the employer
// stored on the interview (interview_phone), else the employer's office phone. An external
// meeting link stored on the interview is shown to both.
// Thread safety: none; over one connection's ServiceContext, like the other services.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/ledger/actor.h"
#include "domain/service_context.h"

namespace shanhai {

enum class InterviewParty { kEmployer, kSeeker };

struct InterviewRoom {
  int64_t application_id = 0;
  InterviewParty party = InterviewParty::kEmployer;
  std::string helped_region;
  std::string interview_date;  // 2026-01-12
  std::string interview_time;  // 09:00-09:30
  std::string interview_mode;  // video | phone | link
  std::string interview_link;  // "" when none
  // When the room closes (Unix seconds): nothing handed to a party (TURN credentials) outlives it.
  int64_t closes_at = 0;
  std::string job_title;
  std::string employer_name;
  // The other side as this party may see it: the seeker's name masked (张*明) for the employer's
  // side, the employer's name for the seeker.
  std::string other_party;
  std::string fallback_phone;  // "" when there is none this party may see
  // Why fallback_phone is empty (both languages); "" when it is not.
  std::string fallback_missing_zh;
  std::string fallback_missing_en;
};

class InterviewRooms {
 public:
  // context must outlive the service.
  explicit InterviewRooms(ServiceContext& context) : context_(context) {}

  // The seat actor takes in the room of application_id, for the signalling connection; the
  // fallback is left empty (the signalling needs no phone number). Nothing is audited: the caller
  // audits the join with AuditJoin once the connection is really being opened.
  // Errors: PermissionDenied for an actor that is neither an employer's HR nor a job seeker;
  // NotFound for a missing application or one that is not the actor's; Conflict (naming the
  // current state) unless the application is in interview_scheduled; Conflict outside the window
  // (labor::OpenRoomWindow's words: when the room opens, or that the time has passed); the
  // database's. Also the check serve's sweep re-runs for each open seat (http/interview_seat_check.h).
  Result<InterviewRoom> Seat(const Actor& actor, int64_t application_id);
  // Audits that actor joined room ("interview_join", ledger applications, its record, the party).
  Status AuditJoin(const Actor& actor, const InterviewRoom& room);
  // The room as actor sees it, with the fallback phone; audited "interview_room" (and "reveal"
  // of people.mobile when the seeker's number is shown). Errors: as Seat.
  Result<InterviewRoom> Open(const Actor& actor, int64_t application_id);

 private:
  Result<InterviewRoom> Find(const Actor& actor, int64_t application_id, bool with_fallback);

  ServiceContext& context_;
};


}  // namespace shanhai

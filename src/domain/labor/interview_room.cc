#include "domain/labor/interview_room.h"

#include "common/text.h"
#include "domain/labor/interview_window.h"
#include "domain/labor/labor_ledgers.h"
#include "domain/labor/seeker_phone_rule.h"
#include "domain/ledger/record_codec.h"
#include "domain/ledger/workflow.h"
#include "domain/people/people_ledgers.h"

namespace shanhai {

namespace {

constexpr const char* kOpenState = "interview_scheduled";
constexpr const char* kVideoMode = "video";  // the one interview_mode held in the room
constexpr const char* kEmployersLedger = "employers";

// One application with what its room shows: the job, the employer, the seeker's person.
constexpr const char* kSelectRoom =
    "SELECT a.status, a.employer_id, a.source, a.helped_region, a.interview_date, a.interview_time, "
    "a.interview_mode, a.interview_phone, a.interview_link, j.title, e.name, e.contact_phone, s.person_id, "
    "p.name, p.mobile_enc, a.interview_answer "
    "FROM applications a JOIN jobs j ON j.id = a.job_id JOIN seekers s ON s.id = a.seeker_id "
    "JOIN people p ON p.id = s.person_id LEFT JOIN employers e ON e.id = a.employer_id WHERE a.id = ?";

enum RoomColumn {
  kStatus, kEmployerId, kSource, kHelpedRegion, kDate, kTime, kMode, kInterviewPhone, kLink, kTitle,
  kEmployerName, kEmployerPhone, kPersonId, kPersonName, kMobileEnc, kInterviewAnswer
};

Status NoSuchInterview() {
  return Status::NotFound("没有这场面试（或不是您的面试）", "no such interview (or it is not yours)");
}

const char* PartyName(InterviewParty party) { return party == InterviewParty::kEmployer ? "employer" : "seeker"; }

}  // namespace

Result<InterviewRoom> InterviewRooms::Seat(const Actor& actor, int64_t application_id) {
  return Find(actor, application_id, false);
}

Status InterviewRooms::AuditJoin(const Actor& actor, const InterviewRoom& room) {
  return context_.audit.Write(actor, "interview_join", ApplicationsLedger().name, room.application_id,
                              room.helped_region, "", "", std::string("party=") + PartyName(room.party));
}

Result<InterviewRoom> InterviewRooms::Open(const Actor& actor, int64_t application_id) {
  SH_ASSIGN_OR_RETURN(InterviewRoom room, Find(actor, application_id, true));
  SH_RETURN_IF_ERROR(context_.audit.Write(actor, "interview_room", ApplicationsLedger().name, application_id,
                                          room.helped_region, "", "", std::string("party=") + PartyName(room.party)));
  return room;
}

Result<InterviewRoom> InterviewRooms::Find(const Actor& actor, int64_t application_id, bool with_fallback) {
  const bool employer_side = actor.owner_ledger == kEmployersLedger && !actor.job_seeker();
  if (!employer_side && !actor.job_seeker())
    return Status::PermissionDenied("面试间只供面试双方（招聘企业的人事账号与求职者本人）进入",
                                    "only the two parties of the interview (the employer's HR and the job seeker) "
                                    "may enter its room");
  if (employer_side) SH_RETURN_IF_ERROR(Authorize(actor, "labor:applications:read"));

  SH_ASSIGN_OR_RETURN(Rows rows, context_.db->Query(kSelectRoom, {application_id}));
  if (rows.rows.empty()) return NoSuchInterview();
  const std::vector<Value>& r = rows.rows[0];
  const bool is_party = employer_side ? !IsNull(r[kEmployerId]) && AsInt(r[kEmployerId]) == actor.owner_id
                                      : AsInt(r[kPersonId]) == actor.person_id;
  if (!is_party) return NoSuchInterview();

  const std::string status = AsText(r[kStatus]);
  if (status != kOpenState) {
    const WorkflowState* state = ApplicationsLedger().workflow->State(status);
    const std::string zh = state ? state->label_zh : status;
    const std::string en = state ? state->label_en : status;
    return Status::Conflict("面试间只在“已约面试”时开放，这份申请现为“" + zh + "”",
                            "the interview room is open only while an interview is scheduled; this application is " +
                                en);
  }
  if (AsText(r[kMode]) != kVideoMode)
    return Status::Conflict("这场面试约的不是视频面试，没有面试间；请按约定的电话或会议链接进行",
                            "this interview is not a video interview and has no room; use the phone or meeting link agreed");
  SH_ASSIGN_OR_RETURN(const labor::RoomWindow window,
                      labor::OpenRoomWindow(AsText(r[kDate]), AsText(r[kTime]), context_.clock.Seconds()));

  InterviewRoom room;
  room.application_id = application_id;
  room.closes_at = window.closes_at;
  room.party = employer_side ? InterviewParty::kEmployer : InterviewParty::kSeeker;
  room.helped_region = AsText(r[kHelpedRegion]);
  room.interview_date = AsText(r[kDate]);
  room.interview_time = AsText(r[kTime]);
  room.interview_mode = AsText(r[kMode]);
  room.interview_link = AsText(r[kLink]);
  room.job_title = AsText(r[kTitle]);
  room.employer_name = AsText(r[kEmployerName]);
  room.other_party = employer_side ? MaskPersonName(AsText(r[kPersonName])) : room.employer_name;
  if (!with_fallback) return room;

  if (!employer_side) {
    room.fallback_phone = AsText(r[kInterviewPhone]);
    if (room.fallback_phone.empty()) room.fallback_phone = AsText(r[kEmployerPhone]);
    if (room.fallback_phone.empty()) {
      room.fallback_missing_zh = "招聘企业没有登记联系电话";
      room.fallback_missing_en = "the employer has registered no phone number";
    }
    return room;
  }
  if (!labor::EmployerMaySeeSeekerPhone(AsText(r[kSource]), AsText(r[kInterviewAnswer]))) {
    room.fallback_missing_zh = "这份申请由工作人员推荐，求职者本人接受面试时间前不显示其手机号";
    room.fallback_missing_en =
        "recommended by staff: the seeker's mobile is shown once the person has accepted the interview time";
    return room;
  }
  if (IsNull(r[kMobileEnc])) {
    room.fallback_missing_zh = "求职者没有登记手机号";
    room.fallback_missing_en = "the seeker has no mobile number on record";
    return room;
  }
  SH_ASSIGN_OR_RETURN(room.fallback_phone, RecordCodec(PeopleLedger(), *context_.vault).Open("mobile", r[kMobileEnc]));
  // A whole personal number shown: a reveal of the person's mobile, audited and counted against the
  // account's daily reveal quota like any other (past it, /room answers the quota's refusal).
  SH_RETURN_IF_ERROR(context_.quota.RecordReveal(actor, "people", AsInt(r[kPersonId]), room.helped_region,
                                                 "field=mobile application=" + std::to_string(application_id)));
  return room;
}

}  // namespace shanhai

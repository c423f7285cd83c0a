// 求职申请: one seeker's application to one job, and everything that happens to it on the way to
// work — the interview, its result, the offer, the placement (到岗). Its states and steps are the
// table below (ApplicationsWorkflow), the one place they are declared; the placement creates the
// person's employment spell in the same step (placement.h), which is what a bus seat or a subsidy
// payment later hangs off. An employer's HR accounts see the applications to their employer's jobs
// (the employer is copied from the job on every write) and schedule, record results and offer.
#include <algorithm>

#include "common/money.h"
#include "domain/labor/labor_ledgers.h"
#include "domain/labor/labor_options.h"
#include "domain/labor/placement.h"
#include "domain/labor/time_slot.h"
#include "domain/ledger/ledger_service.h"
#include "domain/ledger/actor.h"
#include "domain/ledger/field_builders.h"
#include "domain/ledger/stored_reader.h"
#include "domain/ledger/workflow.h"

namespace shanhai {
using namespace fields;

namespace {

// The fields only the steps set: the interview, the seeker's answer to its time, its result, the
// offer, the placement, the withdrawal.
const std::vector<std::string> kStepFields = {
    "interview_date", "interview_time",   "interview_mode", "interview_phone",  "interview_link",
    "interview_answer", "time_decline_reason", "interview_note", "interview_outcome", "offer_date", "offer_wage_fen",
    "offer_start_date", "start_date",     "monthly_wage_fen", "place_region",   "withdraw_reason"};

// The interview's slot and how it is held: what a declined time takes back, for HR to schedule anew.
const std::vector<std::string> kInterviewFields = {"interview_date", "interview_time", "interview_mode",
                                                   "interview_phone", "interview_link"};

// Who the application is of, to which job and how it came: fixed once it is created.
const std::vector<std::string> kFixedFields = {"seeker_id", "job_id", "source"};

// Open states: those a withdrawal may leave.
const std::vector<std::string> kOpenStates = {"applied", "interview_scheduled", "passed", "offered", "accepted"};

// The offered wage lies within the job's published range (no top: any wage from the lowest).
Status OfferWithinJobRange(TransitionContext& context, const Record&, const Record& after,
                           std::vector<FieldError>& errors) {
  StoredReader reader(context.service.db(), *context.service.context().vault);
  SH_ASSIGN_OR_RETURN(std::optional<Record> job, reader.Get(JobsLedger(), AsInt(*after.Get("job_id"))));
  if (!job) return Status::Ok();  // the reference was checked when it was written
  const int64_t wage = AsInt(*after.Get("offer_wage_fen"));
  const int64_t low = AsInt(*job->Get("wage_min_fen"));
  const Value* high = job->Get("wage_max_fen");
  const bool has_top = high && !IsNull(*high);
  if (wage >= low && (!has_top || wage <= AsInt(*high))) return Status::Ok();
  const std::string from = FormatAmount(low);
  const std::string zh = has_top ? from + "至" + FormatAmount(AsInt(*high)) : from + "起";
  const std::string en = has_top ? from + " to " + FormatAmount(AsInt(*high)) : from + " or more";
  errors.push_back({0, "offer_wage_fen", "录用月薪须在岗位发布的月薪范围内（" + zh + "）",
                    "the offered wage must lie within the job's published range (" + en + ")"});
  return Status::Ok();
}

TransitionDef InterviewResult(std::string name, std::string to, std::string label_zh, std::string label_en,
                              std::string done_en) {
  return {.name = std::move(name), .label_zh = label_zh, .label_en = std::move(label_en), .done_zh = "记录面试结果：" + label_zh,
          .done_en = std::move(done_en), .from = {"interview_scheduled"}, .to = to,
          .action = "interview_result", .optional = {"interview_note"}, .sets = {{"interview_outcome", to}}};
}

const Workflow& ApplicationsWorkflow() {
  static const Workflow w{
      .state_field = "status",
      .states = {{"applied", "已申请", "applied"},
                 {"interview_scheduled", "已约面试", "interview scheduled", false,
                  {"interview_date", "interview_time", "interview_mode"}},
                 {"passed", "面试通过", "interview passed"},
                 {"failed", "面试未通过", "interview failed", true},
                 {"no_show", "未到面试", "did not attend", true},
                 {"offered", "已发录用通知", "offered", false, {"offer_date", "offer_wage_fen", "offer_start_date"}},
                 {"accepted", "已接受录用", "offer accepted"},
                 {"declined", "已谢绝录用", "offer declined", true},
                 {"placed", "已到岗", "placed", true, {"start_date", "monthly_wage_fen", "place_region"}},
                 {"withdrawn", "已撤回", "withdrawn", true, {"withdraw_reason"}}},
      .transitions = {
          // Scheduling again before the interview moves it to the new time.
          {.name = "schedule", .label_zh = "安排面试", .label_en = "Schedule interview", .done_zh = "安排面试",
           .done_en = "scheduled for interview", .from = {"applied", "interview_scheduled"}, .to = "interview_scheduled",
           .required = {"interview_date", "interview_time", "interview_mode"},
           .optional = {"interview_phone", "interview_link"}, .clears = {"interview_answer"}},
          // The seeker's answer to the time HR proposed (from the phone page): accepting keeps the
          // interview as scheduled; declining asks for another time, the reason kept for HR.
          {.name = "accept_time", .label_zh = "接受面试时间", .label_en = "Accept interview time",
           .done_zh = "接受面试时间", .done_en = "accepted the interview time", .from = {"interview_scheduled"},
           .to = "interview_scheduled", .action = "answer_time", .sets = {{"interview_answer", "accepted"}}},
          {.name = "decline_time", .label_zh = "另约面试时间", .label_en = "Ask for another time",
           .done_zh = "请求另约面试时间", .done_en = "asked for another interview time", .from = {"interview_scheduled"},
           .to = "applied", .action = "answer_time", .required = {"time_decline_reason"}, .clears = kInterviewFields,
           .sets = {{"interview_answer", "declined"}}},
          InterviewResult("pass", "passed", "面试通过", "Interview passed", "marked passed at interview"),
          InterviewResult("fail", "failed", "面试未通过", "Interview failed", "marked failed at interview"),
          InterviewResult("no_show", "no_show", "未到面试", "Did not attend", "marked absent from the interview"),
          {.name = "offer", .label_zh = "发录用通知", .label_en = "Make offer", .done_zh = "发录用通知",
           .done_en = "offered the job", .from = {"passed"}, .to = "offered",
           .required = {"offer_wage_fen", "offer_start_date"}, .dates_today = {"offer_date"},
           .check = OfferWithinJobRange},
          {.name = "accept", .label_zh = "接受录用", .label_en = "Accept offer", .done_zh = "登记接受录用",
           .done_en = "marked as accepting the offer", .from = {"offered"}, .to = "accepted"},
          {.name = "decline", .label_zh = "谢绝录用", .label_en = "Decline offer", .done_zh = "登记谢绝录用",
           .done_en = "marked as declining the offer", .from = {"offered"}, .to = "declined"},
          {.name = "place", .label_zh = "登记到岗", .label_en = "Record placement", .done_zh = "登记到岗",
           .done_en = "placed", .from = {"accepted"}, .to = "placed",
           .required = {"start_date", "monthly_wage_fen", "place_region"}, .effect = labor::CreatePlacementSpell},
          {.name = "withdraw", .label_zh = "撤回申请", .label_en = "Withdraw", .done_zh = "撤回申请",
           .done_en = "withdrawn", .from = kOpenStates, .to = "withdrawn",
           .required = {"withdraw_reason"}}},
      .transition_fields = kStepFields};
  return w;
}

// How the interview is held says what else it needs: a phone interview the number to call, an
// external meeting its link (a remote video room needs nothing: it is the interview's own).
void InterviewReachable(const Record*, const Record& r, std::vector<FieldError>& errors) {
  const Value* mode = r.Get("interview_mode");
  if (!mode || IsNull(*mode)) return;
  const auto blank = [&](const char* key) {
    const Value* v = r.Get(key);
    return !v || IsNull(*v) || AsText(*v).empty();
  };
  if (AsText(*mode) == "phone" && blank("interview_phone"))
    errors.push_back({0, "interview_phone", "电话面试须填写面试电话", "a phone interview needs the number to call"});
  if (AsText(*mode) == "link" && blank("interview_link"))
    errors.push_back({0, "interview_link", "外部会议面试须填写会议链接", "an external meeting needs its link"});
}

// "09:00-09:30": the slot's start and end, 24-hour, the end after the start.
void InterviewTimeIsASlot(const Record*, const Record& r, std::vector<FieldError>& errors) {
  const Value* v = r.Get("interview_time");
  if (!v || IsNull(*v) || AsText(*v).empty()) return;
  if (!labor::IsTimeSlot(AsText(*v)))
    errors.push_back({0, "interview_time", "面试时段应写作 09:00-09:30（24小时制，结束晚于开始，最长4小时）",
                      "the interview time is a slot such as 09:00-09:30 (24-hour, ending after it starts, 4 hours at most)"});
}

void LinkIsWeb(const Record*, const Record& r, std::vector<FieldError>& errors) {
  const Value* v = r.Get("interview_link");
  if (!v || IsNull(*v) || AsText(*v).empty()) return;
  const std::string link = AsText(*v);
  if (link.rfind("https://", 0) != 0 && link.rfind("http://", 0) != 0)
    errors.push_back({0, "interview_link", "会议链接须以 https:// 开头", "the meeting link must start with https://"});
}

// An application is its job's employer's: copied from the job whenever the application is
// written, so an HR account's scope follows the job (LedgerDef::owner_field).
Status EmployerOfTheJob(const StoredReader& reader, const Record*, Record& after, std::vector<FieldError>&) {
  const Value* job_id = after.Get("job_id");
  if (!job_id || IsNull(*job_id)) return Status::Ok();
  SH_ASSIGN_OR_RETURN(std::optional<Record> job, reader.Get(JobsLedger(), AsInt(*job_id)));
  if (job) after.Set("employer_id", *job->Get("employer_id"));
  return Status::Ok();
}

// One open application per person and job. The seeker's row is held first, so two made at once
// (a double tap on a slow phone, two clerks) cannot both find none.
Status OneOpenApplicationPerJob(const StoredReader& reader, const Record* before, const Record& after,
                                std::vector<FieldError>& errors) {
  const Value* seeker = after.Get("seeker_id");
  if (before || !seeker || IsNull(*seeker)) return Status::Ok();
  SH_RETURN_IF_ERROR(reader.Lock(SeekersLedger(), AsInt(*seeker)));
  SH_ASSIGN_OR_RETURN(std::vector<Record> theirs, reader.WhereEquals(ApplicationsLedger(), "seeker_id", *seeker));
  for (const Record& r : theirs) {
    if (r.Text("job_id") != after.Text("job_id")) continue;
    if (std::find(kOpenStates.begin(), kOpenStates.end(), r.Text("status")) == kOpenStates.end()) continue;
    const WorkflowState* state = ApplicationsWorkflow().State(r.Text("status"));
    const std::string n = std::to_string(r.id);
    errors.push_back({0, "job_id",
                      "此人已申请该岗位（申请编号 " + n + "，" + (state ? state->label_zh : r.Text("status")) +
                          "），请在原申请上继续",
                      "this person already applied for the job (application " + n + ", " +
                          (state ? state->label_en : r.Text("status")) + "): carry on with that one"});
    break;
  }
  return Status::Ok();
}

// The stored rules of an application, in order.
Status ApplicationStoredRules(const StoredReader& reader, const Record* before, Record& after,
                              std::vector<FieldError>& errors) {
  SH_RETURN_IF_ERROR(EmployerOfTheJob(reader, before, after, errors));
  return OneOpenApplicationPerJob(reader, before, after, errors);
}

// Who applied, to what and how is the application itself: an update or a step never changes it.
void FixedOnceCreated(const Record* before, const Record& after, std::vector<FieldError>& errors) {
  if (!before) return;
  for (const std::string& key : kFixedFields) {
    const Value* was = before->Get(key);
    const Value* now = after.Get(key);
    if (was && now && *was == *now) continue;
    const FieldDef* f = ApplicationsLedger().Field(key);
    errors.push_back({0, key, f->label_zh + "在申请创建后不能修改", f->label_en + " cannot change once the application exists"});
  }
}

// An application "by the person" is made only from the person's own session (the job seeker's
// route) or by the operator's set-up commands (the demo, an operator's historical load); a staff or
// HR account records what staff recommended and the person accepted. A staff account is never a
// job seeker (its actor's person_id is 0) and none may be named "system" (AccountService::AddUser).
// A person's session, in turn, writes only applications of a seeker who is that person, and makes
// only its own ("self"): the application's seeker is read, so a well-shaped request naming another
// person's seeker is refused whatever route it came by.
Status SelfOnlyBySeeker(const Actor& actor, const StoredReader& reader, const Record* before, const Record& after,
                        std::vector<FieldError>& errors) {
  const bool by_self = after.Text("source") == "self";
  if (!actor.job_seeker()) {
    if (!before && by_self && actor.name != kSystemActorName)
      errors.push_back({0, "source", "“本人申请”只能由求职者本人在手机页面提交；工作人员请选择“工作人员推荐”",
                        "source \"self\" is set only by the job seeker's own page; staff record staff_recommended"});
    return Status::Ok();
  }
  if (!before && !by_self)
    errors.push_back({0, "source", "求职者本人提交的申请只能是“本人申请”",
                      "an application from the job seeker's own session has source \"self\""});
  const Value* seeker_id = after.Get("seeker_id");
  if (!seeker_id || IsNull(*seeker_id)) return Status::Ok();  // "required" is reported already
  SH_ASSIGN_OR_RETURN(std::optional<Record> seeker, reader.Get(SeekersLedger(), AsInt(*seeker_id)));
  const Value* person_id = seeker ? seeker->Get("person_id") : nullptr;
  if (person_id && !IsNull(*person_id) && AsInt(*person_id) == actor.person_id) return Status::Ok();
  errors.push_back({0, "seeker_id", "求职者只能为本人申请或处理本人的申请：该求职人员不是您本人",
                    "a job seeker applies, and answers, only for themselves: this seeker is another person"});
  return Status::Ok();
}

}  // namespace

const LedgerDef& ApplicationsLedger() {
  static const LedgerDef def = [] {
    LedgerDef d{
        .name = "applications", .module = "labor", .label_zh = "求职申请", .label_en = "Applications",
        .fields = {
            Ref("seeker_id", "求职人员", "Seeker", "seekers")
                .Required()
                .Where("status", "seeking", "须是“求职中”的人员", "must be a seeker who is looking for work")
                .Hint("填写人员的身份证号"),
            Ref("job_id", "岗位", "Job", "jobs")
                .Required()
                .Where("status", "published", "须是已发布的岗位", "must be a published job")
                .Hint("填写岗位名称"),
            Ref("employer_id", "用工企业", "Employer", "employers").Computed(),
            Enum("source", "申请方式", "Source",
                 {{"self", "本人申请", "the person applied"},
                  {"staff_recommended", "工作人员推荐", "recommended by staff, accepted"}}).Required(),
            Date("applied_date", "申请日期", "Applied on").Required(),
            Date("interview_date", "面试日期", "Interview date"),
            Text("interview_time", "面试时段", "Interview time").MaxChars(20).Hint("如 09:00-09:30"),
            Enum("interview_mode", "面试方式", "Interview mode",
                 {{"video", "远程视频", "remote video room"}, {"phone", "电话", "phone"},
                  {"link", "外部会议链接", "external meeting link"}}),
            Text("interview_phone", "面试电话", "Interview phone")
                .MaxChars(40)
                .Hint("视频不通时拨打的招聘方单位电话，勿填个人手机"),
            Text("interview_link", "会议链接", "Meeting link").MaxChars(500),
            Enum("interview_answer", "求职者对面试时间的答复", "Seeker's answer to the interview time",
                 {{"accepted", "已接受", "accepted"}, {"declined", "请求另约", "asked for another time"}}),
            Text("time_decline_reason", "另约面试时间的原因", "Why another interview time"),
            Text("interview_note", "面试意见", "Interview note"),
            // Kept after later steps (a withdrawal): whether the interview was held (labor.interviews).
            Enum("interview_outcome", "面试结果", "Interview result",
                 {{"passed", "通过", "passed"}, {"failed", "未通过", "failed"}, {"no_show", "未到", "did not attend"}}),
            Date("offer_date", "录用通知日期", "Offered on"),
            Money("offer_wage_fen", "录用月薪（元）", "Offered monthly wage (yuan)").TypedInYuan().Min(0),
            Date("offer_start_date", "约定到岗日期", "Offered start date"),
            Date("start_date", "到岗日期", "Started on"),
            Money("monthly_wage_fen", "到岗月薪（元）", "Monthly wage at start (yuan)").TypedInYuan().Min(0),
            Region("place_region", "就业地", "Place of work").FromAnywhere().NotPlacing().Hint("如 广州市白云区"),
            Text("withdraw_reason", "撤回原因", "Reason for withdrawing"),
            Enum("status", "状态", "Status", ApplicationsWorkflow().Options()).Required()},
        .date_field = "applied_date",
        .owner_field = "employer_id",
        .workflow = &ApplicationsWorkflow()};
    d.check = AllChecks({labor::StartsInState("applied", "已申请", "applied"), FixedOnceCreated, InterviewReachable,
                         InterviewTimeIsASlot, LinkIsWeb, DatesInOrder(*d.Field("applied_date"), *d.Field("interview_date")),
                         DatesInOrder(*d.Field("offer_date"), *d.Field("offer_start_date")),
                         DatesInOrder(*d.Field("offer_date"), *d.Field("start_date"))});
    d.stored_rule = ApplicationStoredRules;
    d.actor_check = SelfOnlyBySeeker;
    return d;
  }();
  return def;
}

}  // namespace shanhai

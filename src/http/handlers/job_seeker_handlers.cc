// /api/v1/labor/me…: the signed-in job seeker's own pages — its masked profile with its place in the
// labour ledger, its "still looking" confirmation, a job as published, its applications and its steps
// on them, a report on a posting. Thin: SeekerSelfService decides and writes; here the JSON is made.
// Only a job seeker's session gets an answer (the services refuse staff accounts, whose "*:*:read"
// would pass the routes' permission).
#include "domain/job_seekers/seeker_self_service.h"
#include "domain/labor/labor_ledgers.h"
#include "domain/ledger/option_label.h"
#include "domain/ledger/record_json.h"
#include "domain/ledger/workflow.h"
#include "http/handlers/handlers.h"
#include "http/handlers/ledger_request.h"
#include "http/json_io.h"

namespace shanhai::handlers {

namespace {

namespace json = boost::json;

// The stored value of key, as JSON (null when empty).
json::value FieldJson(const Record& record, std::string_view key) {
  const Value* v = record.Get(key);
  return v ? ValueToJson(*v) : json::value(nullptr);
}

// The Chinese label of an enum field's stored option (OptionLabelOf), or null when the field is empty.
json::value OptionLabelJson(const LedgerDef& def, const Record& record, std::string_view key) {
  if (record.Text(key).empty()) return nullptr;
  return json::value(OptionLabelOf(def, record, key).zh);
}

json::value StateLabelJson(const LedgerDef& def, const Record& record) {
  const WorkflowState* state = def.workflow->State(StateOf(def, record));
  return state ? json::value(state->label_zh) : json::value(nullptr);
}

json::object ApplicationJson(const SeekerApplication& item) {
  const LedgerDef& def = ApplicationsLedger();
  const Record& a = item.application;
  json::object o;
  o["id"] = a.id;
  for (const char* key : {"version", "job_id", "source", "status", "applied_date", "interview_date", "interview_time",
                          "interview_mode", "interview_answer", "time_decline_reason", "interview_phone",
                          "interview_link", "offer_date", "offer_wage_fen", "offer_start_date", "start_date",
                          "monthly_wage_fen", "withdraw_reason"})
    o[key] = FieldJson(a, key);
  o["job_title"] = item.job_title;
  o["employer_name"] = item.employer_name;
  o["status_label"] = StateLabelJson(def, a);
  o["interview_mode_label"] = OptionLabelJson(def, a, "interview_mode");
  o["interview_answer_label"] = OptionLabelJson(def, a, "interview_answer");
  // The phone page opens the interview's own video room (web: /interview/ID) while it is scheduled.
  const bool room_open = a.Text("status") == "interview_scheduled" && a.Text("interview_mode") == "video";
  o["room_path"] = room_open ? json::value("/interview/" + std::to_string(a.id)) : json::value(nullptr);
  json::array actions;
  for (SeekerStep step : item.actions) actions.emplace_back(SeekerStepName(step));
  o["actions"] = std::move(actions);
  return o;
}

json::object JobJson(const SeekerJob& view) {
  const LedgerDef& def = JobsLedger();
  const Record& job = view.job;
  json::object o;
  o["id"] = job.id;
  for (const char* key : {"title", "occupation_code", "headcount", "wage_min_fen", "wage_max_fen", "wage_composition",
                          "working_hours", "rest_days", "social_insurance", "work_region", "work_address", "start_date",
                          "description"})
    o[key] = FieldJson(job, key);
  // The jobs ledger states shifts within its working hours ("8:00–17:30，两班倒"): the contract's
  // "shifts" is that text.
  o["shifts"] = FieldJson(job, "working_hours");
  o["social_insurance_label"] = OptionLabelJson(def, job, "social_insurance");
  o["board"] = job.Text("board") == "1";
  o["lodging"] = job.Text("lodging") == "1";
  o["work_region_name"] = view.work_region_name.empty() ? json::value(nullptr) : json::value(view.work_region_name);
  o["employer_id"] = view.employer.id;
  o["employer_name"] = view.employer.Text("name");
  o["employer_verified"] = true;  // SeekerSelfService::Job shows only verified employers' jobs
  o["requirements"] = JsonTextArray(view.requirements_zh);
  o["requirements_en"] = JsonTextArray(view.requirements_en);
  o["applied"] = view.applied ? json::value(*view.applied) : json::value(nullptr);
  return o;
}

// {"version": N, "reason"?: "..."} of a seeker's step; the version is required (a stale one is
// the transition's Conflict).
struct StepBody {
  int64_t version = 0;
  std::string reason;
};
Result<StepBody> StepBodyOf(const HttpRequest& request) {
  SH_ASSIGN_OR_RETURN(json::object body,
                      JsonBody(request, {{"version", JsonKind::kInteger, 1}, {"reason", JsonKind::kText}}));
  return StepBody{JsonInt(body, "version", 0), JsonString(body, "reason")};
}

}  // namespace

Result<Reply> JobSeekerProfile(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(SeekerProfile p, ctx.conn.job_seekers().Profile(ctx.actor));
  // The session's CSRF token too: a second tab, or the page reloaded, writes with it (the
  // cookie alone is shared between tabs; the token the login answered lives in one tab's memory).
  json::object o{{"person_id", p.person_id},
                 {"csrf_token", ctx.csrf_token},
                 {"name", p.name},
                 {"id_number", p.id_number_masked},
                 {"mobile", p.mobile_masked},
                 {"region_code", p.region_code},
                 {"region_name", p.region_name},
                 {"seeker_id", nullptr},
                 {"seeking_status", nullptr},
                 {"seeking_status_label", nullptr},
                 {"confirmed_date", nullptr},
                 {"needs_confirmation", false},
                 {"expected_wage_fen", nullptr}};
  SeekerSelfService self(ctx.conn.ledgers());
  Result<Record> seeker = self.Seeker(ctx.actor);
  // A person not (yet) in the labour ledger still has a profile: the page says whom to ask.
  if (!seeker.ok() && seeker.status().code() != Code::kNotFound) return seeker.status();
  if (seeker.ok()) {
    o["seeker_id"] = seeker->id;
    o["version"] = FieldJson(*seeker, "version");
    o["seeking_status"] = FieldJson(*seeker, "status");
    o["seeking_status_label"] = StateLabelJson(SeekersLedger(), *seeker);
    o["confirmed_date"] = FieldJson(*seeker, "confirmed_date");
    o["confirm_due_date"] = FieldJson(*seeker, "confirm_due_date");
    o["needs_confirmation"] = self.NeedsConfirmation(*seeker);
    o["expected_wage_fen"] = FieldJson(*seeker, "expected_wage_fen");
  }
  return Reply::Json(o);
}

Result<Reply> ConfirmStillSeeking(RequestContext& ctx) {
  SH_RETURN_IF_ERROR(SeekerSelfService(ctx.conn.ledgers()).Confirm(ctx.actor).status());
  return JobSeekerProfile(ctx);
}

Result<Reply> MyJob(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_ASSIGN_OR_RETURN(SeekerJob job, SeekerSelfService(ctx.conn.ledgers()).Job(ctx.actor, id));
  return Reply::Json(JobJson(job));
}

Result<Reply> ApplyToJob(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(json::object body, JsonBody(ctx.request, {{"job_id", JsonKind::kInteger, 1}}));
  const int64_t job_id = JsonInt(body, "job_id", 0);
  if (job_id == 0) return Status::InvalidField("job_id", "请选择要申请的岗位（job_id）", "job_id is required");
  SH_ASSIGN_OR_RETURN(SeekerApplication created, SeekerSelfService(ctx.conn.ledgers()).Apply(ctx.actor, job_id));
  return Reply::Json(ApplicationJson(created), 201);
}

Result<Reply> MyApplications(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(std::vector<SeekerApplication> items,
                      SeekerSelfService(ctx.conn.ledgers()).Applications(ctx.actor));
  json::array out;
  for (const SeekerApplication& item : items) out.emplace_back(ApplicationJson(item));
  return Reply::Json(json::object{{"items", std::move(out)}});
}

template <SeekerStep kStep>
Result<Reply> TakeSeekerStep(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_ASSIGN_OR_RETURN(StepBody body, StepBodyOf(ctx.request));
  if (body.version == 0) return VersionRequired();
  SH_ASSIGN_OR_RETURN(SeekerApplication taken,
                      SeekerSelfService(ctx.conn.ledgers()).Take(ctx.actor, id, kStep, body.version, body.reason));
  return Reply::Json(ApplicationJson(taken));
}
template Result<Reply> TakeSeekerStep<SeekerStep::kAcceptTime>(RequestContext&);
template Result<Reply> TakeSeekerStep<SeekerStep::kDeclineTime>(RequestContext&);
template Result<Reply> TakeSeekerStep<SeekerStep::kAcceptOffer>(RequestContext&);
template Result<Reply> TakeSeekerStep<SeekerStep::kDeclineOffer>(RequestContext&);
template Result<Reply> TakeSeekerStep<SeekerStep::kWithdraw>(RequestContext&);

Result<Reply> ReportJob(RequestContext& ctx) {
  SH_ASSIGN_OR_RETURN(int64_t id, PathId(ctx.request));
  SH_ASSIGN_OR_RETURN(json::object body,
                      JsonBody(ctx.request, {{"reason", JsonKind::kText}, {"detail", JsonKind::kText}}));
  SH_ASSIGN_OR_RETURN(Record report, SeekerSelfService(ctx.conn.ledgers())
                                         .Report(ctx.actor, id, JsonString(body, "reason"), JsonString(body, "detail")));
  return Reply::Json(json::object{{"id", report.id},
                                  {"job_id", id},
                                  {"reason", FieldJson(report, "reason")},
                                  {"reason_label", OptionLabelJson(JobReportsLedger(), report, "reason")},
                                  {"status", FieldJson(report, "status")},
                                  {"reported_date", FieldJson(report, "reported_date")}},
                     201);
}

}  // namespace shanhai::handlers

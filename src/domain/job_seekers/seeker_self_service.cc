#include "domain/job_seekers/seeker_self_service.h"

#include <algorithm>

#include "domain/labor/labor_ledgers.h"
#include "domain/ledger/option_label.h"
#include "domain/ledger/stored_reader.h"
#include "domain/ledger/transition_service.h"
#include "domain/ledger/workflow.h"
#include "domain/matching/match_profiles.h"
#include "domain/people/people_ledgers.h"
#include "regions/region_catalog.h"

namespace shanhai {

namespace {

// A seeker's own reports (migration 0027): one per job, this many a day.
constexpr int64_t kReportsPerDay = 5;
constexpr const char* kReportedThisJob = "SELECT report_id FROM seeker_job_reports WHERE person_id = ? AND job_id = ?";
constexpr const char* kReportsOnDay = "SELECT COUNT(*) FROM seeker_job_reports WHERE person_id = ? AND reported_date = ?";
constexpr const char* kRecordReport =
    "INSERT INTO seeker_job_reports (person_id, job_id, report_id, reported_date) VALUES (?, ?, ?, ?)";

constexpr SeekerStep kAllSteps[] = {SeekerStep::kAcceptTime, SeekerStep::kDeclineTime, SeekerStep::kAcceptOffer,
                                    SeekerStep::kDeclineOffer, SeekerStep::kWithdraw};

// Each step's path segment and the applications transition it takes, in SeekerStep order.
struct StepNames {
  const char* name;
  const char* transition;
};
constexpr StepNames kStepNames[] = {{"accept_time", "accept_time"},
                                    {"decline_time", "decline_time"},
                                    {"accept_offer", "accept"},
                                    {"decline_offer", "decline"},
                                    {"withdraw", "withdraw"}};

// Everything the seeker's own steps need, and nothing else (reads need no grant: the service reads
// only the seeker's own records and published jobs).
const std::vector<std::string>& SeekerStepGrants() {
  static const std::vector<std::string> grants = [] {
    std::vector<std::string> g = {LedgerPermission(SeekersLedger(), "confirm"),
                                  LedgerPermission(ApplicationsLedger(), "create"),
                                  LedgerPermission(JobReportsLedger(), "create")};
    for (SeekerStep step : kAllSteps)
      g.push_back(TransitionPermission(ApplicationsLedger(),
                                       *ApplicationsLedger().workflow->Find(SeekerStepTransition(step))));
    return g;
  }();
  return grants;
}

Status NotASeeker() {
  return Status::PermissionDenied("仅求职者本人可用（请用手机号和验证码登录）",
                                  "for job seekers only (log in with your mobile number and a code)");
}

Status NoSuchJob() {
  return Status::NotFound("没有这个岗位（或岗位已撤下）", "no such job (or it has been withdrawn)");
}

Status NoSuchApplication() {
  return Status::NotFound("没有这份申请（或不是您的申请）", "no such application (or it is not yours)");
}

// A job's requirements as a seeker reads them: age, sex (with its legal reason), schooling,
// certificates and skills, each one line.
void DescribeRequirements(const Record& job, SeekerJob& out) {
  const std::string min_age = job.Text("min_age"), max_age = job.Text("max_age");
  if (!min_age.empty() || !max_age.empty()) {
    if (max_age.empty()) {
      out.requirements_zh.push_back("年龄 " + min_age + " 周岁以上");
      out.requirements_en.push_back("aged " + min_age + " or over");
    } else {
      const std::string from = min_age.empty() ? "16" : min_age;
      out.requirements_zh.push_back("年龄 " + from + "–" + max_age + " 周岁");
      out.requirements_en.push_back("aged " + from + " to " + max_age);
    }
  }
  if (job.Text("gender_rule") != "any" && !job.Text("gender_rule").empty()) {
    const auto [zh, en] = OptionLabelOf(JobsLedger(), job, "gender_rule");
    out.requirements_zh.push_back(zh + "（" + job.Text("gender_reason") + "）");
    out.requirements_en.push_back(en + " (" + job.Text("gender_reason") + ")");
  }
  if (!job.Text("min_education").empty() && job.Text("min_education") != "none") {
    const auto [zh, en] = OptionLabelOf(JobsLedger(), job, "min_education");
    out.requirements_zh.push_back(zh + "及以上文化程度");
    out.requirements_en.push_back(en + " or more");
  }
  if (!job.Text("certificates").empty()) {
    out.requirements_zh.push_back("须持 " + job.Text("certificates"));
    out.requirements_en.push_back("certificates: " + job.Text("certificates"));
  }
  if (!job.Text("skills").empty()) {
    out.requirements_zh.push_back("技能（职业代码）" + job.Text("skills"));
    out.requirements_en.push_back("skills (occupation codes): " + job.Text("skills"));
  }
}

bool IsOpen(const Record& application) {
  const WorkflowState* state = ApplicationsLedger().workflow->State(StateOf(ApplicationsLedger(), application));
  return state && !state->final;
}

// The steps the seeker may take on application now: those whose transition starts from its state;
// a time already accepted is not accepted again (it may still be declined).
std::vector<SeekerStep> ActionsOf(const Record& application) {
  const std::string state = StateOf(ApplicationsLedger(), application);
  std::vector<SeekerStep> out;
  for (SeekerStep step : kAllSteps) {
    if (!ApplicationsLedger().workflow->Find(SeekerStepTransition(step))->From(state)) continue;
    if (step == SeekerStep::kAcceptTime && application.Text("interview_answer") == "accepted") continue;
    out.push_back(step);
  }
  return out;
}

}  // namespace

const char* SeekerStepName(SeekerStep step) { return kStepNames[static_cast<int>(step)].name; }

const char* SeekerStepTransition(SeekerStep step) { return kStepNames[static_cast<int>(step)].transition; }

Actor SeekerStepActor(const Actor& seeker, const std::string& region) {
  Actor actor = seeker;
  actor.grants = SeekerStepGrants();
  actor.region = region;
  return actor;
}

Result<Record> SeekerSelfService::Seeker(const Actor& actor) {
  if (!actor.job_seeker()) return NotASeeker();
  StoredReader reader(ledgers_.db(), *ledgers_.context().vault);
  SH_ASSIGN_OR_RETURN(std::vector<Record> seekers, reader.WhereEquals(SeekersLedger(), "person_id", actor.person_id));
  if (seekers.empty())
    return Status::NotFound("您还没有登记在劳动力台账中，请联系村或乡镇工作人员登记",
                            "you are not in the labour ledger yet: ask your village or town staff to register you");
  return std::move(seekers.front());
}

bool SeekerSelfService::NeedsConfirmation(const Record& seeker) const {
  return matching::AvailabilityOf(seeker.Text("status"), seeker.Text("confirm_due_date"), false,
                                  ledgers_.context().clock.Today()) == matching::Availability::kStale;
}

Result<Record> SeekerSelfService::Confirm(const Actor& actor) {
  SH_ASSIGN_OR_RETURN(Record seeker, Seeker(actor));
  return TransitionService(ledgers_).Take(SeekerStepActor(actor, seeker.helped_region), SeekersLedger(), seeker.id,
                                          "confirm", RawRecord{}, AsInt(*seeker.Get("version")));
}

Result<SeekerJob> SeekerSelfService::Job(const Actor& actor, int64_t job_id) {
  SH_ASSIGN_OR_RETURN(Record seeker, Seeker(actor));
  StoredReader reader(ledgers_.db(), *ledgers_.context().vault);
  SH_ASSIGN_OR_RETURN(std::optional<Record> job, reader.Get(JobsLedger(), job_id));
  if (!job || StateOf(JobsLedger(), *job) != "published") return NoSuchJob();
  SH_ASSIGN_OR_RETURN(std::optional<Record> employer, reader.Get(EmployersLedger(), AsInt(*job->Get("employer_id"))));
  if (!employer || StateOf(EmployersLedger(), *employer) != "verified") return NoSuchJob();
  SeekerJob out;
  if (!job->Text("work_region").empty())
    out.work_region_name = RegionCatalog::Embedded().FullName(job->Text("work_region"));
  DescribeRequirements(*job, out);
  SH_ASSIGN_OR_RETURN(std::optional<Record> open, OpenApplication(seeker.id, job_id));
  if (open) out.applied = open->id;
  out.job = std::move(*job);
  out.employer = std::move(*employer);
  return out;
}

Result<std::optional<Record>> SeekerSelfService::OpenApplication(int64_t seeker_id, int64_t job_id) {
  StoredReader reader(ledgers_.db(), *ledgers_.context().vault);
  SH_ASSIGN_OR_RETURN(std::vector<Record> applications, reader.WhereEquals(ApplicationsLedger(), "seeker_id", seeker_id));
  for (Record& a : applications)
    if (AsInt(*a.Get("job_id")) == job_id && IsOpen(a)) return std::optional<Record>(std::move(a));
  return std::optional<Record>();
}

Result<SeekerApplication> SeekerSelfService::Apply(const Actor& actor, int64_t job_id) {
  SH_ASSIGN_OR_RETURN(SeekerJob job, Job(actor, job_id));
  SH_ASSIGN_OR_RETURN(Record seeker, Seeker(actor));
  if (NeedsConfirmation(seeker))
    return Status::Conflict("您已超过90天未确认仍在求职，请先确认“仍在求职”再申请",
                            "you have not confirmed you are still looking for 90 days: confirm first, then apply");
  if (job.applied)
    return Status::Conflict("您已申请过这个岗位（申请编号 " + std::to_string(*job.applied) + "），请勿重复申请",
                            "you already have an open application to this job (application " +
                                std::to_string(*job.applied) + ")");
  const RawRecord input{seeker.pair_code,
                        {{"seeker_id", std::to_string(seeker.id)},
                         {"job_id", std::to_string(job_id)},
                         {"source", "self"},
                         {"applied_date", ledgers_.context().clock.Today()},
                         {"status", "applied"}}};
  SH_ASSIGN_OR_RETURN(Record created, ledgers_.Create(SeekerStepActor(actor, seeker.helped_region), ApplicationsLedger(),
                                                      input, InputSource::kApi));
  return Describe(std::move(created));
}

Result<std::vector<SeekerApplication>> SeekerSelfService::Applications(const Actor& actor) {
  SH_ASSIGN_OR_RETURN(Record seeker, Seeker(actor));
  StoredReader reader(ledgers_.db(), *ledgers_.context().vault);
  SH_ASSIGN_OR_RETURN(std::vector<Record> applications, reader.WhereEquals(ApplicationsLedger(), "seeker_id", seeker.id));
  std::sort(applications.begin(), applications.end(), [](const Record& a, const Record& b) {
    const std::string da = a.Text("applied_date"), db = b.Text("applied_date");
    return da != db ? da > db : a.id > b.id;
  });
  std::vector<SeekerApplication> out;
  for (Record& a : applications) {
    SH_ASSIGN_OR_RETURN(SeekerApplication item, Describe(std::move(a)));
    out.push_back(std::move(item));
  }
  return out;
}

Result<SeekerApplication> SeekerSelfService::Describe(Record application) {
  StoredReader reader(ledgers_.db(), *ledgers_.context().vault);
  SeekerApplication item;
  SH_ASSIGN_OR_RETURN(std::optional<Record> job, reader.Get(JobsLedger(), AsInt(*application.Get("job_id"))));
  if (job) item.job_title = job->Text("title");
  const Value* employer_id = application.Get("employer_id");
  if (employer_id && !IsNull(*employer_id)) {
    SH_ASSIGN_OR_RETURN(std::optional<Record> employer, reader.Get(EmployersLedger(), AsInt(*employer_id)));
    if (employer) item.employer_name = employer->Text("name");
  }
  item.actions = ActionsOf(application);
  item.application = std::move(application);
  return item;
}

Result<SeekerApplication> SeekerSelfService::Take(const Actor& actor, int64_t application_id, SeekerStep step, int64_t version,
                                       const std::string& reason) {
  SH_ASSIGN_OR_RETURN(Record seeker, Seeker(actor));
  StoredReader reader(ledgers_.db(), *ledgers_.context().vault);
  SH_ASSIGN_OR_RETURN(std::optional<Record> application, reader.Get(ApplicationsLedger(), application_id));
  if (!application || AsInt(*application->Get("seeker_id")) != seeker.id) return NoSuchApplication();
  RawRecord input;
  if (step == SeekerStep::kDeclineTime) input.fields.emplace_back("time_decline_reason", reason);
  if (step == SeekerStep::kWithdraw) input.fields.emplace_back("withdraw_reason", reason);
  SH_ASSIGN_OR_RETURN(Record taken,
                      TransitionService(ledgers_).Take(SeekerStepActor(actor, application->helped_region),
                                                       ApplicationsLedger(), application_id,
                                                       SeekerStepTransition(step), input, version));
  return Describe(std::move(taken));
}

Result<Record> SeekerSelfService::Report(const Actor& actor, int64_t job_id, const std::string& reason,
                                         const std::string& detail) {
  SH_ASSIGN_OR_RETURN(SeekerJob job, Job(actor, job_id));
  Database& db = ledgers_.db();
  const std::string today = ledgers_.context().clock.Today();
  const RawRecord input{job.job.pair_code,
                        {{"job_id", std::to_string(job_id)},
                         {"reason", reason},
                         {"detail", detail},
                         {"reported_date", today},
                         {"reporter", "求职者本人"},
                         {"status", "open"}}};
  Record report;
  SH_RETURN_IF_ERROR(InTransaction(db, [&]() -> Status {
    // The person's row serialises its own reports, so two at once cannot both pass the count.
    SH_RETURN_IF_ERROR(StoredReader(db, *ledgers_.context().vault).Lock(PeopleLedger(), actor.person_id));
    SH_ASSIGN_OR_RETURN(Rows same_job, db.Query(kReportedThisJob, {actor.person_id, job_id}));
    if (!same_job.rows.empty())
      return Status::Conflict("您已举报过这个岗位，工作人员会处理，请耐心等待",
                              "you have reported this job already; the staff will look into it");
    SH_ASSIGN_OR_RETURN(Rows today_count, db.Query(kReportsOnDay, {actor.person_id, today}));
    if (AsInt(today_count.rows.at(0).at(0)) >= kReportsPerDay)
      return Status::PermissionDenied("今天已举报 " + std::to_string(kReportsPerDay) + " 个岗位，请明天再举报，或直接联系村里或人社部门",
                                      "you have reported " + std::to_string(kReportsPerDay) +
                                          " jobs today; report more tomorrow or call your village or labour bureau");
    SH_ASSIGN_OR_RETURN(report, ledgers_.Create(SeekerStepActor(actor, job.job.helped_region), JobReportsLedger(),
                                                input, InputSource::kApi));
    return db.Execute(kRecordReport, {actor.person_id, job_id, report.id, today}).status();
  }));
  return report;
}

}  // namespace shanhai

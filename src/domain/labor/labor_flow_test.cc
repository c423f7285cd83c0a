// The employment flow on both backends: every step refused from every state the table does not
// start it from, the steps' own checks (who may apply to what, the offered wage, the start
// date, how an interview is reached), two steps from one read version, the placement opening
// the spell and employing the seeker, the separation returning the seeker to the pool, spells
// of one person never overlapping, monthly confirmations, and what an employer's HR sees.
#include <gtest/gtest.h>

#include <map>

#include "domain/job_seekers/seeker_self_service.h"
#include "domain/labor/labor_ledgers.h"
#include "domain/labor/labor_test_util.h"
#include "domain/ledger/workflow.h"

namespace shanhai {
namespace {

using domain_test::Fields;
using domain_test::HasFieldError;
using domain_test::IsOk;
using domain_test::kCountyPair;
using labor_test::HrOf;

// A valid input of each step, so that a refusal can only come from the state.
RawRecord InputOf(const std::string& step) {
  static const std::map<std::string, Fields> inputs = {
      {"schedule", {{"interview_date", "2020-07-23"}, {"interview_time", "09:00-09:30"}, {"interview_mode", "video"}}},
      {"pass", {}},
      {"fail", {}},
      {"no_show", {}},
      {"offer", {{"offer_wage_fen", "510000"}, {"offer_start_date", "2020-08-01"}}},
      {"accept", {}},
      {"decline", {}},
      {"place", {{"start_date", "2020-08-01"}, {"monthly_wage_fen", "510000"}, {"place_region", "440111"}}},
      {"withdraw", {{"withdraw_reason", "本人另有打算"}}},
      {"accept_time", {}},
      {"decline_time", {{"time_decline_reason", "那天要照顾老人"}}}};
  return RawRecord{"", inputs.at(step)};
}

// The steps that lead from a new application to each state.
const std::map<std::string, std::vector<std::string>>& PathsToStates() {
  static const std::map<std::string, std::vector<std::string>> paths = {
      {"applied", {}},
      {"interview_scheduled", {"schedule"}},
      {"passed", {"schedule", "pass"}},
      {"failed", {"schedule", "fail"}},
      {"no_show", {"schedule", "no_show"}},
      {"offered", {"schedule", "pass", "offer"}},
      {"accepted", {"schedule", "pass", "offer", "accept"}},
      {"declined", {"schedule", "pass", "offer", "decline"}},
      {"placed", {"schedule", "pass", "offer", "accept", "place"}},
      {"withdrawn", {"withdraw"}}};
  return paths;
}

// The step actor (job_seekers/seeker_self_service.h) of the session of person person_id.
Actor SeekerSession(int64_t person_id) {
  Actor seeker{"job_seeker:" + std::to_string(person_id), {"job_seeker"}, {}, "", "", 0, "test"};
  seeker.person_id = person_id;
  return SeekerStepActor(seeker, "");
}

class LaborFlowTest : public labor_test::LaborTest {
 protected:
  void SetUp() override {
    LaborTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(IsOk(Take(EmployersLedger(), employer_, "verify").status()));
    ASSERT_TRUE(IsOk(Take(EmployersLedger(), other_employer_, "verify").status()));
    Fields job = JobFields("压缩机装配工", employer_);
    job.emplace_back("wage_max_fen", "600000");
    job_ = Add("jobs", kCountyPair, job);
    ASSERT_TRUE(IsOk(Take(JobsLedger(), job_, "publish").status()));
    other_job_ = Add("jobs", kCountyPair, JobFields("电子厂普工", other_employer_));
    ASSERT_TRUE(IsOk(Take(JobsLedger(), other_job_, "publish").status()));
    seeker_ = NewSeeker(0);
  }

  // A seeker looking for work: person number n (0–99) of the county.
  int64_t NewSeeker(int n) {
    const std::string serial = std::to_string(100 + n).substr(1);
    const int64_t person = Add("people", kCountyPair,
                               {{"name", "韦明" + serial}, {"id_number", domain_test::Id18("522727199003121" + serial)},
                                {"poverty_status", "lifted"}});
    return Add("seekers", kCountyPair,
               {{"person_id", std::to_string(person)}, {"status", "seeking"}, {"confirmed_date", "2020-07-01"}});
  }

  // Takes the steps of path on application id, each with its valid input; stops at a refusal.
  shanhai::Status Walk(int64_t id, const std::vector<std::string>& path) {
    for (const std::string& step : path) SH_RETURN_IF_ERROR(Take(ApplicationsLedger(), id, step, InputOf(step)).status());
    return shanhai::Status::Ok();
  }

  // The person a seeker record is of.
  int64_t PersonOf(int64_t seeker) {
    Result<Record> r = service().Get(Actor::System(), SeekersLedger(), seeker);
    return r.ok() ? AsInt(*r->Get("person_id")) : 0;
  }

  // Who takes a step on an application of seeker: the seeker's own answers to the interview time
  // that person's session, every other step staff.
  Actor ActorOf(const std::string& step, int64_t seeker) {
    if (ApplicationsLedger().workflow->Find(step)->Action() != "answer_time") return labor_test::Staff();
    return SeekerSession(PersonOf(seeker));
  }

  Result<Record> Apply(int64_t seeker, int64_t job) {
    return TryCreate("applications", kCountyPair,
                     {{"seeker_id", std::to_string(seeker)}, {"job_id", std::to_string(job)}, {"source", "self"},
                      {"applied_date", "2020-07-20"}, {"status", "applied"}});
  }

  int64_t job_ = 0, other_job_ = 0, seeker_ = 0;
};

TEST_P(LaborFlowTest, EveryStepIsRefusedFromEveryStateTheTableDoesNotStartItFrom) {
  const Workflow& flow = *ApplicationsLedger().workflow;
  ASSERT_EQ(PathsToStates().size(), flow.states.size()) << "a path to every state";
  int person = 1;
  int refused = 0;
  for (const WorkflowState& state : flow.states) {
    // Its own seeker each: a placement employs the seeker, who may then apply no more.
    const int64_t seeker = NewSeeker(person++);
    Result<Record> application = Apply(seeker, job_);
    ASSERT_TRUE(application.ok()) << application.status().ToString();
    ASSERT_TRUE(IsOk(Walk(application->id, PathsToStates().at(state.code)))) << state.code;
    ASSERT_EQ(Status(ApplicationsLedger(), application->id), state.code);
    for (const TransitionDef& step : flow.transitions) {
      if (step.From(state.code)) continue;
      Result<Record> taken =
          Take(ApplicationsLedger(), application->id, step.name, InputOf(step.name), ActorOf(step.name, seeker));
      EXPECT_EQ(taken.status().code(), Code::kConflict) << step.name << " from " << state.code;
      EXPECT_NE(taken.status().message_zh().find(step.label_zh), std::string::npos) << taken.status().message_zh();
      EXPECT_NE(taken.status().message_en().find(state.code), std::string::npos) << taken.status().message_en();
      EXPECT_EQ(Status(ApplicationsLedger(), application->id), state.code) << "nothing changed";
      ++refused;
    }
  }
  EXPECT_GT(refused, 80) << "ten states, eleven steps";
}

TEST_P(LaborFlowTest, APersonHasOneOpenApplicationPerJob) {
  Result<Record> first = Apply(seeker_, job_);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  Result<Record> again = Apply(seeker_, job_);
  EXPECT_TRUE(HasFieldError(again.status(), "job_id")) << again.status().ToString();
  EXPECT_NE(again.status().ToString().find(std::to_string(first->id)), std::string::npos) << "names the open one";
  EXPECT_TRUE(IsOk(Apply(seeker_, other_job_).status())) << "another job is another application";
  ASSERT_TRUE(IsOk(Walk(first->id, {"withdraw"})));
  EXPECT_TRUE(IsOk(Apply(seeker_, job_).status())) << "withdrawn, the person may apply again";
}

TEST_P(LaborFlowTest, ASeekerNotLookingOrAJobNotOpenRefusesTheApplication) {
  ASSERT_TRUE(IsOk(Take(SeekersLedger(), seeker_, "hold").status()));
  Result<Record> not_looking = Apply(seeker_, job_);
  EXPECT_TRUE(HasFieldError(not_looking.status(), "seeker_id")) << not_looking.status().ToString();
  ASSERT_TRUE(IsOk(Take(SeekersLedger(), seeker_, "confirm").status()));
  ASSERT_TRUE(IsOk(Take(JobsLedger(), job_, "withdraw").status()));
  Result<Record> closed = Apply(seeker_, job_);
  EXPECT_TRUE(HasFieldError(closed.status(), "job_id")) << closed.status().ToString();
  EXPECT_NE(closed.status().details().at(0).message_zh.find("已发布"), std::string::npos);
  Result<Record> skipping = TryCreate("applications", kCountyPair,
                                      {{"seeker_id", std::to_string(seeker_)}, {"job_id", std::to_string(other_job_)},
                                       {"source", "self"}, {"applied_date", "2020-07-20"}, {"status", "placed"}});
  EXPECT_TRUE(HasFieldError(skipping.status(), "status")) << "a new application starts applied";
}

TEST_P(LaborFlowTest, TheSeekerAcceptsOrDeclinesTheInterviewTimeAndHrSchedulesAgain) {
  Result<Record> application = Apply(seeker_, job_);
  ASSERT_TRUE(application.ok()) << application.status().ToString();
  const int64_t id = application->id;
  ASSERT_TRUE(IsOk(Walk(id, {"schedule"})));
  Result<Record> accepted = Take(ApplicationsLedger(), id, "accept_time", {}, ActorOf("accept_time", seeker_));
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(accepted->Text("status"), "interview_scheduled");
  EXPECT_EQ(accepted->Text("interview_answer"), "accepted");
  EXPECT_EQ(Take(ApplicationsLedger(), id, "accept_time").status().code(), Code::kPermissionDenied)
      << "staff do not answer for the seeker";

  Result<Record> rescheduled = Take(ApplicationsLedger(), id, "schedule", InputOf("schedule"));
  ASSERT_TRUE(rescheduled.ok()) << rescheduled.status().ToString();
  EXPECT_EQ(rescheduled->Text("interview_answer"), "") << "a new time awaits a new answer";

  Result<Record> no_reason = Take(ApplicationsLedger(), id, "decline_time", {}, ActorOf("decline_time", seeker_));
  EXPECT_TRUE(HasFieldError(no_reason.status(), "time_decline_reason")) << no_reason.status().ToString();
  Result<Record> declined = Take(ApplicationsLedger(), id, "decline_time", InputOf("decline_time"), ActorOf("decline_time", seeker_));
  ASSERT_TRUE(declined.ok()) << declined.status().ToString();
  EXPECT_EQ(declined->Text("status"), "applied") << "back to HR to schedule again";
  EXPECT_EQ(declined->Text("interview_answer"), "declined");
  EXPECT_EQ(declined->Text("time_decline_reason"), "那天要照顾老人");
  EXPECT_EQ(declined->Text("interview_date"), "");
  EXPECT_EQ(declined->Text("interview_mode"), "");
  EXPECT_TRUE(IsOk(Walk(id, {"schedule"}))) << "HR schedules again";
}

TEST_P(LaborFlowTest, OnlyTheSeekerAppliesByItselfAndAnApplicationKeepsWhoWhatAndHow) {
  const Fields by_self = {{"seeker_id", std::to_string(seeker_)}, {"job_id", std::to_string(job_)},
                          {"source", "self"}, {"applied_date", "2020-07-20"}, {"status", "applied"}};
  // Staff (person_id 0, whatever it may write) never apply "by the person".
  Result<Record> by_staff = TryCreate("applications", kCountyPair, by_self, labor_test::Staff());
  EXPECT_TRUE(HasFieldError(by_staff.status(), "source")) << by_staff.status().ToString();
  // Another person's session, the request shaped as the seeker's own, is refused naming the seeker;
  // so is the person's own session recording a staff recommendation.
  const int64_t other_person = PersonOf(NewSeeker(8));
  ASSERT_NE(other_person, 0);
  Result<Record> by_another = TryCreate("applications", kCountyPair, by_self, SeekerSession(other_person));
  EXPECT_TRUE(HasFieldError(by_another.status(), "seeker_id")) << by_another.status().ToString();
  Fields recommended = by_self;
  recommended[2].second = "staff_recommended";
  Result<Record> claimed = TryCreate("applications", kCountyPair, recommended, SeekerSession(PersonOf(seeker_)));
  EXPECT_TRUE(HasFieldError(claimed.status(), "source")) << claimed.status().ToString();
  EXPECT_EQ(service().List(Actor::System(), ApplicationsLedger(), ListRequest{})->total, 0) << "nothing stored";

  Result<Record> by_seeker = TryCreate("applications", kCountyPair, by_self, SeekerSession(PersonOf(seeker_)));
  ASSERT_TRUE(by_seeker.ok()) << by_seeker.status().ToString();

  const int64_t version = AsInt(*by_seeker->Get("version"));
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"job_id", std::to_string(other_job_)}, {"seeker_id", std::to_string(NewSeeker(9))},
           {"source", "staff_recommended"}}) {
    Result<Record> changed = service().Update(labor_test::Staff(), ApplicationsLedger(), by_seeker->id,
                                              RawRecord{"", {{key, value}}}, InputSource::kApi, version);
    EXPECT_TRUE(HasFieldError(changed.status(), key)) << key << ": " << changed.status().ToString();
  }

  // Nor does another person's session answer for it, though the step is the seekers'.
  ASSERT_TRUE(IsOk(Walk(by_seeker->id, {"schedule"})));
  Result<Record> answered = Take(ApplicationsLedger(), by_seeker->id, "accept_time", {}, SeekerSession(other_person));
  EXPECT_TRUE(HasFieldError(answered.status(), "seeker_id")) << answered.status().ToString();
  EXPECT_EQ(service().Get(Actor::System(), ApplicationsLedger(), by_seeker->id)->Text("interview_answer"), "")
      << "not answered";
  Result<Record> own = Take(ApplicationsLedger(), by_seeker->id, "accept_time", {}, SeekerSession(PersonOf(seeker_)));
  EXPECT_TRUE(own.ok()) << own.status().ToString();
}

TEST_P(LaborFlowTest, TheStepsCheckTheInterviewTheOfferedWageAndTheStartDate) {
  Result<Record> application = Apply(seeker_, job_);
  ASSERT_TRUE(application.ok()) << application.status().ToString();
  EXPECT_EQ(AsInt(*application->Get("employer_id")), employer_) << "the job's employer, copied";
  const int64_t id = application->id;
  Result<Record> no_phone = Take(ApplicationsLedger(), id, "schedule",
                                 RawRecord{"", {{"interview_date", "2020-07-23"}, {"interview_time", "09:00-09:30"},
                                                {"interview_mode", "phone"}}});
  EXPECT_TRUE(HasFieldError(no_phone.status(), "interview_phone")) << no_phone.status().ToString();
  Result<Record> bad_slot = Take(ApplicationsLedger(), id, "schedule",
                                 RawRecord{"", {{"interview_date", "2020-07-23"}, {"interview_time", "10:00-09:00"},
                                                {"interview_mode", "video"}}});
  EXPECT_TRUE(HasFieldError(bad_slot.status(), "interview_time")) << bad_slot.status().ToString();
  Result<Record> before_applying = Take(ApplicationsLedger(), id, "schedule",
                                        RawRecord{"", {{"interview_date", "2020-07-01"}, {"interview_time", "09:00-09:30"},
                                                       {"interview_mode", "video"}}});
  EXPECT_TRUE(HasFieldError(before_applying.status(), "interview_date")) << before_applying.status().ToString();
  ASSERT_TRUE(IsOk(Walk(id, {"schedule", "pass"})));

  Result<Record> too_low = Take(ApplicationsLedger(), id, "offer",
                                RawRecord{"", {{"offer_wage_fen", "500000"}, {"offer_start_date", "2020-08-01"}}});
  ASSERT_TRUE(HasFieldError(too_low.status(), "offer_wage_fen")) << too_low.status().ToString();
  EXPECT_NE(too_low.status().details().at(0).message_zh.find("5,100元至6,000元"), std::string::npos)
      << too_low.status().details().at(0).message_zh;
  Result<Record> too_high = Take(ApplicationsLedger(), id, "offer",
                                 RawRecord{"", {{"offer_wage_fen", "600100"}, {"offer_start_date", "2020-08-01"}}});
  EXPECT_TRUE(HasFieldError(too_high.status(), "offer_wage_fen")) << too_high.status().ToString();
  // The fixture's clock is 2020-07-22: the offer is dated that day.
  Result<Record> start_before = Take(ApplicationsLedger(), id, "offer",
                                     RawRecord{"", {{"offer_wage_fen", "510000"}, {"offer_start_date", "2020-07-21"}}});
  EXPECT_TRUE(HasFieldError(start_before.status(), "offer_start_date")) << start_before.status().ToString();
  Result<Record> offered = Take(ApplicationsLedger(), id, "offer", InputOf("offer"));
  ASSERT_TRUE(offered.ok()) << offered.status().ToString();
  EXPECT_EQ(AsText(*offered->Get("offer_date")), "2020-07-22");
  ASSERT_TRUE(IsOk(Take(ApplicationsLedger(), id, "accept").status()));
  Result<Record> early = Take(ApplicationsLedger(), id, "place",
                              RawRecord{"", {{"start_date", "2020-07-10"}, {"monthly_wage_fen", "510000"},
                                             {"place_region", "440111"}}});
  EXPECT_TRUE(HasFieldError(early.status(), "start_date")) << early.status().ToString();
  EXPECT_EQ(Status(ApplicationsLedger(), id), "accepted");
}

TEST_P(LaborFlowTest, TwoStepsFromOneReadVersionOneWinsTheOtherConflicts) {
  Result<Record> application = Apply(seeker_, job_);
  ASSERT_TRUE(application.ok()) << application.status().ToString();
  const int64_t version = AsInt(*application->Get("version"));
  TransitionService steps(service());
  EXPECT_TRUE(IsOk(steps.Take(labor_test::Staff(), ApplicationsLedger(), application->id, "schedule",
                              InputOf("schedule"), version)
                       .status()));
  Result<Record> second = steps.Take(labor_test::Staff(), ApplicationsLedger(), application->id, "withdraw",
                                     InputOf("withdraw"), version);
  EXPECT_EQ(second.status().code(), Code::kConflict) << second.status().ToString();
  EXPECT_EQ(Status(ApplicationsLedger(), application->id), "interview_scheduled");
}

TEST_P(LaborFlowTest, PlacementOpensTheSpellAndSeparationReturnsTheSeekerToThePool) {
  Result<Record> application = Apply(seeker_, job_);
  ASSERT_TRUE(application.ok()) << application.status().ToString();
  ASSERT_TRUE(IsOk(Walk(application->id, PathsToStates().at("placed"))));
  EXPECT_EQ(Status(SeekersLedger(), seeker_), "employed");
  ListRequest all;
  Result<RecordPage> spells = service().List(Actor::System(), SpellsLedger(), all);
  ASSERT_TRUE(spells.ok()) << spells.status().ToString();
  ASSERT_EQ(spells->records.size(), 1u);
  const Record& spell = spells->records[0];
  EXPECT_EQ(AsInt(*spell.Get("application_id")), application->id);
  EXPECT_EQ(AsInt(*spell.Get("employer_id")), employer_);
  EXPECT_EQ(AsInt(*spell.Get("monthly_wage_fen")), 510000);
  EXPECT_EQ(AsText(*spell.Get("start_date")), "2020-08-01");
  EXPECT_EQ(AsText(*spell.Get("source")), "placement");
  EXPECT_EQ(AsText(*spell.Get("status")), "in_work");
  EXPECT_EQ(domain_test::AuditRows(db(), "place"), 1);
  EXPECT_EQ(domain_test::AuditRows(db(), "employ"), 1) << "the seeker's history says the placement employed it";

  Result<Record> early = Take(SpellsLedger(), spell.id, "separate",
                              RawRecord{"", {{"end_date", "2020-07-31"}, {"separation_reason", "resigned"}}});
  EXPECT_TRUE(HasFieldError(early.status(), "end_date")) << early.status().ToString();
  Result<Record> separated = Take(SpellsLedger(), spell.id, "separate",
                                  RawRecord{"", {{"end_date", "2020-10-15"}, {"separation_reason", "resigned"},
                                                 {"separation_note", "回乡照顾老人"}}});
  ASSERT_TRUE(separated.ok()) << separated.status().ToString();
  EXPECT_EQ(Status(SeekersLedger(), seeker_), "seeking");
  // Confirmed on 2020-07-01, months before: the separation is the new confirmation (the fixture's
  // clock says today is 2020-07-22), or the person would come back already due to be asked again.
  Result<Record> back = service().Get(Actor::System(), SeekersLedger(), seeker_);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->Text("confirmed_date"), "2020-07-22");
  EXPECT_TRUE(IsOk(Apply(seeker_, other_job_).status())) << "back in the pool, it may apply again";
}

TEST_P(LaborFlowTest, SpellsOfOnePersonNeverOverlapAndTheErrorNamesTheOther) {
  Fields spell = {{"seeker_id", std::to_string(seeker_)}, {"place_region", "440111"}, {"start_date", "2020-03-02"},
                  {"end_date", "2020-06-30"}, {"monthly_wage_fen", "480000"},
                  {"separation_reason", "contract_ended"}, {"status", "separated"}};
  const int64_t first = Add("spells", kCountyPair, spell);
  Fields overlapping = {{"seeker_id", std::to_string(seeker_)}, {"place_region", "522727"},
                        {"start_date", "2020-06-15"}, {"monthly_wage_fen", "300000"},
                        {"status", "in_work"}};
  Result<Record> refused = TryCreate("spells", kCountyPair, overlapping);
  ASSERT_TRUE(HasFieldError(refused.status(), "start_date")) << refused.status().ToString();
  const std::string zh = refused.status().details().at(0).message_zh;
  EXPECT_NE(zh.find("编号 " + std::to_string(first)), std::string::npos) << zh;
  EXPECT_NE(zh.find("2020-03-02 至 2020-06-30"), std::string::npos) << zh;
  EXPECT_NE(zh.find("广州市白云区"), std::string::npos) << "the place by its name: " << zh;
  overlapping[2].second = "2020-07-01";
  Result<Record> next = TryCreate("spells", kCountyPair, overlapping);
  ASSERT_TRUE(next.ok()) << "the day after the first ended: " << next.status().ToString();
  EXPECT_EQ(AsText(*next->Get("source")), "self_reported") << "no placement opened it";
  // An open spell runs on: a placement starting later overlaps it.
  Result<Record> application = Apply(seeker_, job_);
  ASSERT_TRUE(application.ok()) << application.status().ToString();
  shanhai::Status placed = Walk(application->id, PathsToStates().at("placed"));
  EXPECT_TRUE(HasFieldError(placed, "start_date")) << placed.ToString();
  EXPECT_EQ(Status(ApplicationsLedger(), application->id), "accepted") << "the placement rolled back whole";

  Result<Record> in_work_ended = TryCreate("spells", kCountyPair,
                                           {{"seeker_id", std::to_string(NewSeeker(9))}, {"place_region", "440111"},
                                            {"start_date", "2020-01-01"}, {"end_date", "2020-02-01"},
                                            {"monthly_wage_fen", "300000"},
                                            {"status", "in_work"}});
  EXPECT_TRUE(HasFieldError(in_work_ended.status(), "end_date")) << "an ended spell is separated, with its reason";
}

TEST_P(LaborFlowTest, EachMonthInWorkIsConfirmedWithinTheSpell) {
  const int64_t spell = Add("spells", kCountyPair,
                            {{"seeker_id", std::to_string(seeker_)}, {"place_region", "440111"},
                             {"start_date", "2020-03-02"}, {"monthly_wage_fen", "480000"},
                             {"status", "in_work"}});
  for (const char* bad : {"2020-02", "2020-08", "2020-13", "2020/04"}) {
    Result<Record> refused = Take(SpellsLedger(), spell, "confirm_month",
                                  RawRecord{"", {{"confirmed_month", bad}, {"confirm_method", "callback"}}});
    EXPECT_TRUE(HasFieldError(refused.status(), "confirmed_month")) << bad << ": " << refused.status().ToString();
  }
  for (const char* month : {"2020-04", "2020-05"})
    ASSERT_TRUE(IsOk(Take(SpellsLedger(), spell, "confirm_month",
                          RawRecord{"", {{"confirmed_month", month}, {"confirm_method", "payroll"}}})
                         .status()));
  Result<std::vector<HistoryStep>> history = service().History(labor_test::Staff(), SpellsLedger(), spell);
  ASSERT_TRUE(history.ok()) << history.status().ToString();
  int confirmations = 0;
  for (const HistoryStep& step : *history)
    if (step.action == "confirm_month") {
      ++confirmations;
      EXPECT_FALSE(step.by.empty()) << "by whom";
      EXPECT_FALSE(step.at.empty()) << "when";
    }
  EXPECT_EQ(confirmations, 2);
}

TEST_P(LaborFlowTest, AnHrAccountSeesAndStepsOnlyTheApplicationsToItsEmployersJobs) {
  Result<Record> own = Apply(seeker_, job_);
  Result<Record> other = Apply(NewSeeker(2), other_job_);
  ASSERT_TRUE(own.ok() && other.ok()) << own.status().ToString() << other.status().ToString();
  const Actor hr = HrOf(employer_);
  ListRequest all;
  Result<RecordPage> seen = service().List(hr, ApplicationsLedger(), all);
  ASSERT_TRUE(seen.ok()) << seen.status().ToString();
  ASSERT_EQ(seen->records.size(), 1u);
  EXPECT_EQ(seen->records[0].id, own->id);
  EXPECT_EQ(service().Get(hr, ApplicationsLedger(), other->id).status().code(), Code::kNotFound);
  EXPECT_EQ(Take(ApplicationsLedger(), other->id, "schedule", InputOf("schedule"), hr).status().code(),
            Code::kNotFound);
  for (const char* step : {"schedule", "pass", "offer"})
    ASSERT_TRUE(IsOk(Take(ApplicationsLedger(), own->id, step, InputOf(step), hr).status())) << step;
  EXPECT_EQ(Take(ApplicationsLedger(), own->id, "accept", {}, hr).status().code(), Code::kPermissionDenied)
      << "the seeker accepts, through staff";
  EXPECT_EQ(TryCreate("applications", kCountyPair,
                      {{"seeker_id", std::to_string(seeker_)}, {"job_id", std::to_string(job_)}, {"source", "self"},
                       {"applied_date", "2020-07-20"}, {"status", "applied"}},
                      hr)
                .status()
                .code(),
            Code::kPermissionDenied);
}

INSTANTIATE_TEST_SUITE_P(Backends, LaborFlowTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

// The labour ledgers on both backends: a job's rules (no charge to the seeker, a gender rule only
// with its reason), publishing only for a verified employer with the disclosures filled, the
// steps that take jobs down with them (an employer suspended, a report upheld), a seeker's
// confirmation dated today and due 90 days on, what an employer's HR account sees and writes,
// and the import of jobs and seekers from sheets (all or nothing, the bad row named).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/labor/labor_ledgers.h"
#include "domain/labor/labor_test_util.h"
#include "domain/ledger/import_pipeline.h"
#include "domain/ledger/ledger_export.h"
#include "domain/ledger/ledger_test_util.h"
#include "domain/ledger/transition_service.h"

namespace shanhai {
namespace {

using domain_test::Fields;
using domain_test::HasFieldError;
using domain_test::IsOk;
using domain_test::kCountyPair;
using labor_test::CreditCode;
using labor_test::HrOf;
using labor_test::Staff;

// The record of def stored first (ids are not 1 on PostgreSQL after a refused import took some).
Result<Record> First(LedgerService& service, const LedgerDef& def) {
  ListRequest request;
  request.sort = "id";
  SH_ASSIGN_OR_RETURN(RecordPage page, service.List(Actor::System(), def, request));
  if (page.records.empty()) return Status::NotFound("none", "none");
  return page.records[0];
}

// The labour fixture (labor_test_util.h) under this file's name.
class LaborLedgersTest : public labor_test::LaborTest {};

TEST_P(LaborLedgersTest, AJobChargingTheSeekerIsRefused) {
  Fields job = JobFields("装配工", employer_);
  job.emplace_back("description", "入职需交押金300元");
  Result<Record> refused = TryCreate("jobs", kCountyPair, job);
  EXPECT_TRUE(HasFieldError(refused.status(), "description")) << refused.status().ToString();
  job.back().second = "无押金，包吃包住";
  EXPECT_TRUE(IsOk(TryCreate("jobs", kCountyPair, job).status()));
}

TEST_P(LaborLedgersTest, AGenderRuleNeedsItsLegalReason) {
  Fields job = JobFields("井下搬运工", employer_);
  job[4].second = "male_only";
  Result<Record> refused = TryCreate("jobs", kCountyPair, job);
  EXPECT_TRUE(HasFieldError(refused.status(), "gender_reason")) << refused.status().ToString();
  job.emplace_back("gender_reason", "矿山井下作业，属国家规定女职工禁忌从事的劳动");
  EXPECT_TRUE(IsOk(TryCreate("jobs", kCountyPair, job).status()));
}

TEST_P(LaborLedgersTest, AJobsOccupationCodeAndAgesAreChecked) {
  Fields job = JobFields("质检员", employer_);
  job.emplace_back("occupation_code", "9-01-01");
  job.emplace_back("min_age", "15");
  Result<Record> refused = TryCreate("jobs", kCountyPair, job);
  EXPECT_TRUE(HasFieldError(refused.status(), "occupation_code")) << refused.status().ToString();
  EXPECT_TRUE(HasFieldError(refused.status(), "min_age")) << refused.status().ToString();
}

TEST_P(LaborLedgersTest, ANewJobOrEmployerStartsUnpublishedAndUnverified) {
  Fields job = JobFields("钳工", employer_);
  job[5].second = "published";
  EXPECT_TRUE(HasFieldError(TryCreate("jobs", kCountyPair, job).status(), "status"));
  Result<Record> employer = TryCreate("employers", kCountyPair,
                                      {{"credit_code", CreditCode(3)}, {"name", "未核验就想已核验的公司"}, {"status", "verified"}});
  EXPECT_TRUE(HasFieldError(employer.status(), "status")) << employer.status().ToString();
}

TEST_P(LaborLedgersTest, PublishingNeedsAVerifiedEmployerAndTheDisclosures) {
  const int64_t job = Add("jobs", kCountyPair, JobFields("压缩机装配工", employer_));
  Result<Record> early = Take(JobsLedger(), job, "publish");
  EXPECT_TRUE(HasFieldError(early.status(), "employer_id")) << early.status().ToString();
  EXPECT_EQ(Status(JobsLedger(), job), "draft");

  ASSERT_TRUE(IsOk(Take(EmployersLedger(), employer_, "verify").status()));
  Fields bare = JobFields("焊工", employer_);
  bare.resize(6);  // without hours, rest days, wage composition, social insurance
  const int64_t undisclosed = Add("jobs", kCountyPair, bare);
  Result<Record> silent = Take(JobsLedger(), undisclosed, "publish");
  for (const char* f : {"working_hours", "rest_days", "wage_composition", "social_insurance"})
    EXPECT_TRUE(HasFieldError(silent.status(), f)) << f << ": " << silent.status().ToString();

  ASSERT_TRUE(IsOk(Take(JobsLedger(), job, "publish").status()));
  EXPECT_EQ(Status(JobsLedger(), job), "published");
}

TEST_P(LaborLedgersTest, SuspendingAnEmployerWithdrawsItsPublishedJobsInTheSameStep) {
  ASSERT_TRUE(IsOk(Take(EmployersLedger(), employer_, "verify").status()));
  const int64_t a = Add("jobs", kCountyPair, JobFields("装配工A", employer_));
  const int64_t b = Add("jobs", kCountyPair, JobFields("装配工B", employer_));
  const int64_t draft = Add("jobs", kCountyPair, JobFields("装配工C", employer_));
  ASSERT_TRUE(IsOk(Take(JobsLedger(), a, "publish").status()));
  ASSERT_TRUE(IsOk(Take(JobsLedger(), b, "publish").status()));
  const int64_t withdrawals = domain_test::AuditRows(db(), "withdraw");

  ASSERT_TRUE(IsOk(Take(EmployersLedger(), employer_, "suspend").status()));
  EXPECT_EQ(Status(JobsLedger(), a), "withdrawn");
  EXPECT_EQ(Status(JobsLedger(), b), "withdrawn");
  EXPECT_EQ(Status(JobsLedger(), draft), "draft") << "a draft is left alone";
  EXPECT_EQ(domain_test::AuditRows(db(), "withdraw"), withdrawals + 2) << "each job's history says it was withdrawn";
  // And a suspended employer's jobs cannot go up again until it is reinstated.
  EXPECT_TRUE(HasFieldError(Take(JobsLedger(), a, "publish").status(), "employer_id"));
  ASSERT_TRUE(IsOk(Take(EmployersLedger(), employer_, "reinstate").status()));
  EXPECT_TRUE(IsOk(Take(JobsLedger(), a, "publish").status()));
}

TEST_P(LaborLedgersTest, AVerifiedEmployersNameStaysAsVerifiedItsContactMayChange) {
  const Actor hr = HrOf(employer_);
  const auto update = [&](const char* key, const char* value) {
    RawRecord input;
    input.fields = {{key, value}};
    return service().Update(hr, EmployersLedger(), employer_, input, InputSource::kApi, 0).status();
  };
  EXPECT_TRUE(IsOk(update("name", "改名前可改有限公司"))) << "awaiting verification, HR keeps it right";
  ASSERT_TRUE(IsOk(Take(EmployersLedger(), employer_, "verify").status()));
  EXPECT_TRUE(HasFieldError(update("name", "腾讯科技（深圳）有限公司"), "name"));
  EXPECT_TRUE(IsOk(update("contact_phone", "020-12345678")));
  EXPECT_EQ(AsText(*service().Get(Actor::System(), EmployersLedger(), employer_).value().Get("name")), "改名前可改有限公司");
}

TEST_P(LaborLedgersTest, UpholdingAReportWithdrawsTheJob) {
  ASSERT_TRUE(IsOk(Take(EmployersLedger(), employer_, "verify").status()));
  const int64_t job = Add("jobs", kCountyPair, JobFields("包装工", employer_));
  ASSERT_TRUE(IsOk(Take(JobsLedger(), job, "publish").status()));
  const int64_t report = Add("job_reports", kCountyPair,
                             {{"job_id", std::to_string(job)}, {"reason", "fee"}, {"detail", "面试时要求交体检费"},
                              {"reported_date", "2020-07-20"}, {"status", "open"}});
  EXPECT_TRUE(HasFieldError(Take(JobReportsLedger(), report, "uphold").status(), "handling_note"));
  EXPECT_EQ(Status(JobsLedger(), job), "published");
  ASSERT_TRUE(IsOk(Take(JobReportsLedger(), report, "uphold", RawRecord{"", {{"handling_note", "经核实，责令退费"}}}).status()));
  EXPECT_EQ(Status(JobsLedger(), job), "withdrawn");
  EXPECT_EQ(Status(JobReportsLedger(), report), "upheld");
}

TEST_P(LaborLedgersTest, ASeekersConfirmationIsDatedTodayAndDueNinetyDaysOn) {
  const int64_t person = Add("people", kCountyPair,
                             {{"name", "韦明"}, {"id_number", domain_test::Id18("52272719900312123")},
                              {"poverty_status", "lifted"}});
  Result<Record> bad = TryCreate("seekers", kCountyPair,
                                 {{"person_id", std::to_string(person)}, {"status", "seeking"},
                                  {"confirmed_date", "2020-05-01"}, {"skills", "6-31-01-03；9-99"}});
  EXPECT_TRUE(HasFieldError(bad.status(), "skills")) << bad.status().ToString();
  Result<Record> seeker = TryCreate("seekers", kCountyPair,
                                    {{"person_id", std::to_string(person)}, {"status", "seeking"},
                                     {"confirmed_date", "2020-05-01"}, {"skills", "6-31-01-03；6-31-01"},
                                     {"health", "good"}, {"expected_wage_fen", "500000"}, {"wage_floor_fen", "400000"}});
  ASSERT_TRUE(seeker.ok()) << seeker.status().ToString();
  EXPECT_EQ(AsText(*seeker->Get("confirm_due_date")), "2020-07-30");
  EXPECT_EQ(AsText(*seeker->Get("health")), "***") << "health is shown masked";
  EXPECT_TRUE(HasFieldError(TryCreate("seekers", kCountyPair, {{"person_id", std::to_string(person)}, {"status", "not_now"}})
                                .status(),
                            "person_id"))
      << "one person, one seeker record";

  ASSERT_TRUE(IsOk(Take(SeekersLedger(), seeker->id, "hold").status()));
  Result<Record> confirmed = Take(SeekersLedger(), seeker->id, "confirm");
  ASSERT_TRUE(confirmed.ok()) << confirmed.status().ToString();
  // The fixture's clock: 2020-07-22T08:00Z, 16:00 in China.
  EXPECT_EQ(AsText(*confirmed->Get("confirmed_date")), "2020-07-22");
  EXPECT_EQ(AsText(*confirmed->Get("confirm_due_date")), "2020-10-20");
  EXPECT_EQ(AsText(*confirmed->Get("status")), "seeking");
  EXPECT_TRUE(HasFieldError(Take(SeekersLedger(), seeker->id, "confirm",
                                 RawRecord{"", {{"confirmed_date", "2020-01-01"}}})
                                .status(),
                            "confirmed_date"))
      << "the date is the step's, never typed";
}

TEST_P(LaborLedgersTest, AnHrAccountSeesAndWritesOnlyItsEmployerAndItsJobs) {
  const int64_t own = Add("jobs", kCountyPair, JobFields("本企业岗位", employer_));
  Add("jobs", kCountyPair, JobFields("别家岗位", other_employer_));
  const Actor hr = HrOf(employer_);
  ListRequest all;
  Result<RecordPage> jobs = service().List(hr, JobsLedger(), all);
  ASSERT_TRUE(jobs.ok()) << jobs.status().ToString();
  ASSERT_EQ(jobs->records.size(), 1u);
  EXPECT_EQ(jobs->records[0].id, own);
  Result<RecordPage> employers = service().List(hr, EmployersLedger(), all);
  ASSERT_TRUE(employers.ok()) << employers.status().ToString();
  ASSERT_EQ(employers->records.size(), 1u);
  EXPECT_EQ(employers->records[0].id, employer_);

  EXPECT_TRUE(IsOk(TryCreate("jobs", kCountyPair, JobFields("新岗位", employer_), hr).status()));
  EXPECT_TRUE(HasFieldError(TryCreate("jobs", kCountyPair, JobFields("冒名岗位", other_employer_), hr).status(),
                            "employer_id"));
  EXPECT_EQ(Take(EmployersLedger(), employer_, "verify", {}, hr).status().code(), Code::kPermissionDenied)
      << "an employer does not verify itself";
  EXPECT_EQ(service().List(hr, *FindLedger("people"), all).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(service().List(hr, SeekersLedger(), all).status().code(), Code::kPermissionDenied);
}

TEST_P(LaborLedgersTest, JobsImportAllOrNothingNamingTheBadRowAndExportBack) {
  const std::string path = test_db().TempPath("jobs.csv");
  const std::string header =
      "*帮扶关系,*用工企业,*岗位名称,*招聘人数,*月薪下限（元）,*性别要求,*状态,岗位说明\n";
  std::ofstream(path) << header << kCountyPair << "," << CreditCode(1) << ",冲压工,5,4800,不限,草稿,包吃包住\n"
                      << kCountyPair << "," << CreditCode(1) << ",喷涂工,3,5000,不限,草稿,入职交押金200元\n";
  Result<ImportReport> refused = ImportLedger(service(), Actor::System(), JobsLedger(), path, {});
  ASSERT_TRUE(refused.ok()) << refused.status().ToString();
  EXPECT_EQ(refused->stored, 0);
  ASSERT_FALSE(refused->errors.empty());
  EXPECT_EQ(refused->errors[0].row, 3) << "the second data row, under the header";
  EXPECT_EQ(refused->errors[0].field, "岗位说明");
  EXPECT_EQ(Count("jobs"), 0);

  std::ofstream(path) << header << kCountyPair << "," << CreditCode(1) << ",冲压工,5,4800,不限,草稿,包吃包住\n"
                      << kCountyPair << "," << CreditCode(2) << ",喷涂工,3,5000,限女性,草稿,\n";
  Result<ImportReport> reason = ImportLedger(service(), Actor::System(), JobsLedger(), path, {});
  ASSERT_TRUE(reason.ok());
  EXPECT_EQ(reason->stored, 0) << "a gender rule without its reason refuses the file";
  std::ofstream(path) << header << kCountyPair << "," << CreditCode(1) << ",冲压工,5,4800,不限,草稿,包吃包住\n"
                      << kCountyPair << "," << CreditCode(2) << ",喷涂工,3,5000,不限,草稿,\n";
  Result<ImportReport> stored = ImportLedger(service(), Actor::System(), JobsLedger(), path, {});
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->stored, 2) << (stored->errors.empty() ? "" : stored->errors[0].message_en);
  Result<Record> first = First(service(), JobsLedger());

  // Exported, the sheet names each employer by its credit code again, and imports into a fresh
  // database holding the same employers.
  const std::string out = test_db().TempPath("jobs_out.csv");
  ASSERT_TRUE(IsOk(ExportLedger(service(), Actor::System(), JobsLedger(), ListRequest{}, out).status()));
  // A wage column stays in 元, as clerks write wages (funds' columns are in 万元).
  std::stringstream exported;
  exported << std::ifstream(out).rdbuf();
  EXPECT_NE(exported.str().find("*月薪下限（元）"), std::string::npos) << exported.str();
  EXPECT_NE(exported.str().find(",4800.00,"), std::string::npos) << exported.str();
  auto fresh = TestDatabase::Create(GetParam());
  ASSERT_TRUE(fresh.ok()) << fresh.status().ToString();
  ASSERT_TRUE(IsOk(Migrate((*fresh)->db())));
  std::unique_ptr<LedgerService> other = MakeService((*fresh)->db());
  auto create = [&](const LedgerDef& def, Fields f) {
    Result<Record> r = other->Create(Actor::System(), def, RawRecord{f.empty() ? "" : kCountyPair, f}, InputSource::kApi);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
  };
  ASSERT_TRUE(other->Create(Actor::System(), *FindLedger("pairs"),
                            RawRecord{"", {{"helper_region", "440111"}, {"helped_region", "522727"}}}, InputSource::kApi)
                  .ok());
  create(EmployersLedger(), {{"credit_code", CreditCode(1)}, {"name", "甲"}, {"status", "draft"}});
  create(EmployersLedger(), {{"credit_code", CreditCode(2)}, {"name", "乙"}, {"status", "draft"}});
  Result<ImportReport> back = ImportLedger(*other, Actor::System(), JobsLedger(), out, {});
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->stored, 2) << (back->errors.empty() ? "" : back->errors[0].field + " " + back->errors[0].message_en);
  Result<Record> again = First(*other, JobsLedger());
  ASSERT_TRUE(first.ok() && again.ok());
  EXPECT_EQ(AsText(*again->Get("title")), AsText(*first->Get("title")));
  EXPECT_EQ(AsInt(*again->Get("wage_min_fen")), 480000) << "typed in 元, stored in fen";
}

TEST_P(LaborLedgersTest, SeekersImportByThePersonsIdNumberAllOrNothing) {
  const std::string id1 = domain_test::Id18("52272719850312123"), id2 = domain_test::Id18("52272719900101456");
  Add("people", kCountyPair, {{"name", "韦明"}, {"id_number", id1}, {"poverty_status", "lifted"}});
  Add("people", kCountyPair, {{"name", "罗芳"}, {"id_number", id2}, {"poverty_status", "monitored"}});
  const std::string path = test_db().TempPath("seekers.csv");
  const std::string header = "*帮扶关系,*人员,文化程度,技能（职业代码）,意向地1,期望月薪（元）,*求职状态,确认求职日期\n";
  std::ofstream(path) << header << kCountyPair << "," << id1 << ",初中,6-31-01-03,广州市,5000,求职中,2020-07-01\n"
                      << kCountyPair << "," << id2 << ",高中,6-31,广东省,4500,求职中,2020-07-01\n";
  Result<ImportReport> refused = ImportLedger(service(), Actor::System(), SeekersLedger(), path, {});
  ASSERT_TRUE(refused.ok()) << refused.status().ToString();
  EXPECT_EQ(refused->stored, 0);
  ASSERT_FALSE(refused->errors.empty());
  EXPECT_EQ(refused->errors[0].row, 3) << "the second data row, under the header";
  EXPECT_EQ(refused->errors[0].field, "技能（职业代码）");
  EXPECT_EQ(Count("seekers"), 0);

  std::ofstream(path) << header << kCountyPair << "," << id1 << ",初中,6-31-01-03,广州市,5000,求职中,2020-07-01\n"
                      << kCountyPair << "," << id2 << ",中专,6-31-01,广东省,4500,暂不外出,\n";
  Result<ImportReport> stored = ImportLedger(service(), Actor::System(), SeekersLedger(), path, {});
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->stored, 2) << (stored->errors.empty() ? "" : stored->errors[0].field + " " + stored->errors[0].message_en);
  Result<Record> first = First(service(), SeekersLedger());
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(AsText(*first->Get("preferred_place_1")), "440100");
  EXPECT_EQ(AsInt(*first->Get("expected_wage_fen")), 500000);
  EXPECT_EQ(AsText(*first->Get("confirm_due_date")), "2020-09-29");

  const std::string out = test_db().TempPath("seekers_out.csv");
  Result<int64_t> written = ExportLedger(service(), Actor::System(), SeekersLedger(), ListRequest{}, out);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  EXPECT_EQ(*written, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, LaborLedgersTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

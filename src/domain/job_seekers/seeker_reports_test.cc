// A job seeker's own reports of postings on both backends: one report per job, five jobs a day,
// the next day five more; what was refused left no record.
#include <gtest/gtest.h>

#include "domain/job_seekers/seeker_self_service.h"
#include "domain/labor/labor_test_util.h"

namespace shanhai {
namespace {

using domain_test::IsOk;
using domain_test::kCountyPair;

constexpr int kJobs = 7;

class SeekerReportsTest : public labor_test::LaborTest {
 protected:
  void SetUp() override {
    LaborTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(IsOk(Take(EmployersLedger(), employer_, "verify").status()));
    for (int i = 0; i < kJobs; ++i) {
      jobs_.push_back(Add("jobs", kCountyPair, JobFields("普工" + std::to_string(i), employer_)));
      ASSERT_TRUE(IsOk(Take(JobsLedger(), jobs_.back(), "publish").status()));
    }
    const int64_t person = Add("people", kCountyPair,
                               {{"name", "韦举报"}, {"id_number", domain_test::Id18("52272719900312100")},
                                {"poverty_status", "lifted"}});
    Add("seekers", kCountyPair, {{"person_id", std::to_string(person)}, {"status", "seeking"}, {"confirmed_date", "2020-07-01"}});
    seeker_ = Actor{"job_seeker:" + std::to_string(person), {"job_seeker"}, {"labor:me:read"}, "", "", 0, "test"};
    seeker_.person_id = person;
  }
  Result<Record> Report(int job) { return SeekerSelfService(service()).Report(seeker_, jobs_.at(job), "fee", "要求先交押金"); }
  int64_t Reports() {
    auto rows = db().Query("SELECT COUNT(*) FROM job_reports");
    return rows.ok() ? AsInt(rows->rows.at(0).at(0)) : -1;
  }

  std::vector<int64_t> jobs_;
  Actor seeker_;
};

TEST_P(SeekerReportsTest, AJobOnceAndFiveJobsADay) {
  ASSERT_TRUE(IsOk(Report(0).status()));
  EXPECT_EQ(Report(0).status().code(), Code::kConflict);
  for (int i = 1; i < 5; ++i) ASSERT_TRUE(IsOk(Report(i).status())) << i;
  Result<Record> sixth = Report(5);
  EXPECT_EQ(sixth.status().code(), Code::kPermissionDenied);
  EXPECT_NE(sixth.status().message_zh().find("明天"), std::string::npos);
  EXPECT_EQ(Reports(), 5);
}

TEST_P(SeekerReportsTest, TheNextDayCountsAfresh) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(IsOk(Report(i).status())) << i;
  // As if they were made yesterday.
  ASSERT_TRUE(db().Execute("UPDATE seeker_job_reports SET reported_date = '2000-01-01'").ok());
  EXPECT_TRUE(IsOk(Report(5).status()));
  EXPECT_EQ(Report(0).status().code(), Code::kConflict);  // a job stays reported
  EXPECT_EQ(Reports(), 6);
}

INSTANTIATE_TEST_SUITE_P(Backends, SeekerReportsTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

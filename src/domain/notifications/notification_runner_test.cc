// NotificationRunner on both backends: a new job announced to the staff of its matches' villages
// (not to others), interview reminders the day and the hour before (again for a moved slot, never
// for a withdrawn application), the 90-day re-ask at most once per 30 days, and every send once
// however many runners pass.
#include "domain/notifications/notification_runner.h"

#include <gtest/gtest.h>

#include "domain/accounts/account_service.h"
#include "domain/labor/labor_test_util.h"
#include "domain/messages/outbox_sender.h"
#include "domain/notifications/due_rules.h"
#include "domain/notifications/notification_service.h"

namespace shanhai::notifications {
namespace {

using domain_test::IsOk;
using domain_test::kCountyPair;
using labor_test::Staff;

constexpr const char* kVillage = "522727200201";  // 卡蒲毛南族乡河中村
constexpr const char* kMobile = "13800138000";

class NotificationRunnerTest : public labor_test::LaborTest {
 protected:
  void SetUp() override {
    LaborTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(IsOk(Take(EmployersLedger(), employer_, "verify").status()));
    domain_test::Fields job = JobFields("压缩机装配工", employer_);
    job.emplace_back("wage_max_fen", "600000");
    job.emplace_back("work_region", "440111");
    job_ = Add("jobs", kCountyPair, job);
    seeker_ = NewSeeker("2020-07-01");
    accounts_ = std::make_unique<AccountService>(context());
    village_staff_ = AddAccount("village_staff", "staff", {"522727"});
    other_staff_ = AddAccount("other_staff", "staff", {"522728"});
    hr_ = AddAccount("compressor_hr", "employer_hr", {"", "employers", employer_});
    matches_ = std::make_unique<matching::MatchService>(db(), vault(), Clock([this] { return now_; }));
    outbox_ = std::make_unique<OutboxSender>(db(), vault(), context().clock);
    runner_ = std::make_unique<NotificationRunner>(db(), vault(), *outbox_, *matches_, RunnerOptions{"https://jiuye.example.cn"});
  }

  int64_t NewSeeker(const std::string& confirmed) {
    const int64_t person = Add("people", kCountyPair,
                               {{"name", "韦小明" + std::to_string(++people_)},
                                {"id_number", domain_test::Id18("52272719900312" + std::to_string(100 + people_))},
                                {"region_code", kVillage}, {"poverty_status", "lifted"}, {"mobile", kMobile}});
    return Add("seekers", kCountyPair,
               {{"person_id", std::to_string(person)}, {"status", "seeking"}, {"confirmed_date", confirmed},
                {"expected_wage_fen", "500000"}});
  }

  int64_t AddAccount(const std::string& name, const std::string& role, DataScope scope) {
    Result<UserInfo> user = accounts_->AddUser(Actor::System(), NewUser{name, "Notify-test-2026", {role}, scope});
    EXPECT_TRUE(user.ok()) << user.status().ToString();
    return user.ok() ? user->id : 0;
  }

  std::vector<SentNotice> Run() {
    EXPECT_TRUE(IsOk(matches_->Load()));
    Result<std::vector<SentNotice>> sent = runner_->RunDue(now_);
    EXPECT_TRUE(sent.ok()) << sent.status().ToString();
    return sent.ok() ? *sent : std::vector<SentNotice>{};
  }

  // Notices of kind in the console of account, by their Chinese text.
  std::vector<std::string> Console(int64_t account, const std::string& kind) {
    Result<Rows> rows = db().Query("SELECT text_zh FROM notifications WHERE recipient_id = ? AND kind = ? ORDER BY id",
                                   {account, kind});
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    std::vector<std::string> out;
    if (rows.ok())
      for (const auto& r : rows->rows) out.push_back(AsText(r[0]));
    return out;
  }

  int64_t Outbox(const std::string& purpose) {
    Result<Rows> rows = db().Query("SELECT COUNT(*) FROM outbox_messages WHERE purpose = ?", {purpose});
    return rows.ok() ? AsInt(rows->rows.at(0).at(0)) : -1;
  }

  int64_t Schedule(const std::string& date, const std::string& slot, int64_t application = 0) {
    if (application == 0)
      application = Add("applications", kCountyPair,
                        {{"seeker_id", std::to_string(seeker_)}, {"job_id", std::to_string(job_)}, {"source", "self"},
                         {"applied_date", "2020-07-20"}, {"status", "applied"}});
    EXPECT_TRUE(IsOk(Take(ApplicationsLedger(), application, "schedule",
                          RawRecord{"", {{"interview_date", date}, {"interview_time", slot}, {"interview_mode", "video"}}})
                         .status()));
    return application;
  }

  void Publish() { ASSERT_TRUE(IsOk(Take(JobsLedger(), job_, "publish").status())); }

  int64_t now_ = domain_test::kFixedNowSeconds;  // 2020-07-22T08:00:00Z, 16:00 in China
  int people_ = 0;
  int64_t job_ = 0, seeker_ = 0, village_staff_ = 0, other_staff_ = 0, hr_ = 0;
  std::unique_ptr<AccountService> accounts_;
  std::unique_ptr<matching::MatchService> matches_;
  std::unique_ptr<OutboxSender> outbox_;
  std::unique_ptr<NotificationRunner> runner_;
};

TEST_P(NotificationRunnerTest, APublishedJobIsAnnouncedToTheStaffOfTheMatchedVillageOnly) {
  EXPECT_TRUE(Console(village_staff_, "new_job").empty());
  Run();
  EXPECT_TRUE(Console(village_staff_, "new_job").empty()) << "a draft job is nobody's news";
  Publish();
  Run();
  EXPECT_EQ(Console(village_staff_, "new_job"),
            std::vector<std::string>{"新岗位：广州白云演示压缩机有限公司 压缩机装配工 5,100元起，匹配河中村 1 人"});
  EXPECT_TRUE(Console(other_staff_, "new_job").empty()) << "another county's staff";
  EXPECT_TRUE(Console(hr_, "new_job").empty()) << "an employer's account";
}

TEST_P(NotificationRunnerTest, AJobThatMatchedNobodyIsMatchedAgainADayLater) {
  ASSERT_TRUE(db().Execute("UPDATE seekers SET status = 'not_now'").ok());
  Publish();
  Run();
  EXPECT_TRUE(Console(village_staff_, "new_job").empty());
  ASSERT_TRUE(db().Execute("UPDATE seekers SET status = 'seeking'").ok());
  now_ += 60 * 60;
  Run();
  EXPECT_TRUE(Console(village_staff_, "new_job").empty()) << "not every pass: once a day";
  now_ += 23 * 60 * 60;
  Run();
  EXPECT_EQ(Console(village_staff_, "new_job").size(), 1u);
  now_ += 2 * 24 * 60 * 60;
  Run();
  EXPECT_EQ(Console(village_staff_, "new_job").size(), 1u) << "announced once";
}

TEST_P(NotificationRunnerTest, AnAccountWithAMobileGetsTheNoticeByTextMessageToo) {
  NotificationService service(context());
  Actor staff = Staff();
  staff.name = "village_staff";
  EXPECT_EQ(service.SetMobile(staff, "1380013").code(), Code::kInvalidArgument);
  ASSERT_TRUE(IsOk(service.SetMobile(staff, "139-0013-9000")));
  EXPECT_EQ(service.MaskedMobile(staff).value(), "139****9000");
  Publish();
  Run();
  EXPECT_EQ(Outbox("new_job"), 1);
}

TEST_P(NotificationRunnerTest, EachNoticeIsSentOnceHoweverManyRunnersPass) {
  Publish();
  Schedule("2020-07-23", "09:00-09:30");
  std::vector<SentNotice> first = Run();
  EXPECT_EQ(first.size(), 3u) << "the job to the village's staff, the reminder to the seeker and to HR";
  EXPECT_TRUE(Run().empty());
  NotificationRunner second(db(), vault(), *outbox_, *matches_);
  Result<std::vector<SentNotice>> again = second.RunDue(now_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->empty());
  EXPECT_EQ(Console(village_staff_, "new_job").size(), 1u);
  EXPECT_EQ(Outbox("interview_day_before"), 1);
}

TEST_P(NotificationRunnerTest, AnInterviewIsRemindedTheDayBeforeAndTheHourBefore) {
  Publish();
  // 2020-07-23 09:00 in China = 01:00 UTC, 17 hours after now.
  Schedule("2020-07-23", "09:00-09:30");
  now_ -= 2 * kDaySeconds;
  Run();
  EXPECT_EQ(Outbox("interview_day_before"), 0) << "two days before";
  now_ += 2 * kDaySeconds;
  Run();
  EXPECT_EQ(Outbox("interview_day_before"), 1);
  EXPECT_EQ(Console(hr_, "interview_day_before"),
            std::vector<std::string>{"面试提醒（明天）：7月23日 09:00-09:30 与求职者 韦**1 远程视频面试（压缩机装配工）"});
  now_ += 16 * kHourSeconds + 30 * 60;  // 08:30 in China
  Run();
  EXPECT_EQ(Outbox("interview_hour_before"), 1);
  EXPECT_EQ(Console(hr_, "interview_hour_before").size(), 1u);
  now_ += kHourSeconds;  // after the start
  Run();
  EXPECT_EQ(Outbox("interview_hour_before"), 1);
}

TEST_P(NotificationRunnerTest, AMovedInterviewIsRemindedAgainForItsNewTime) {
  Publish();
  const int64_t application = Schedule("2020-07-23", "09:00-09:30");
  Run();
  ASSERT_EQ(Outbox("interview_day_before"), 1);
  Schedule("2020-07-23", "14:00-14:30", application);
  Run();
  EXPECT_EQ(Outbox("interview_day_before"), 2) << "the new slot is reminded";
  Run();
  EXPECT_EQ(Outbox("interview_day_before"), 2);
}

TEST_P(NotificationRunnerTest, AWithdrawnApplicationIsNotReminded) {
  Publish();
  const int64_t application = Schedule("2020-07-23", "09:00-09:30");
  ASSERT_TRUE(IsOk(
      Take(ApplicationsLedger(), application, "withdraw", RawRecord{"", {{"withdraw_reason", "已在别处就业"}}}).status()));
  Run();
  EXPECT_EQ(Outbox("interview_day_before"), 0);
  EXPECT_TRUE(Console(hr_, "interview_day_before").empty());
}

TEST_P(NotificationRunnerTest, ASeekerNotConfirmedFor90DaysIsAskedAgainAtMostOncePer30Days) {
  const int64_t stale = NewSeeker("2020-01-05");  // due 2020-04-04
  Run();
  EXPECT_EQ(Outbox("reask"), 1) << "only the stale seeker";
  EXPECT_EQ(matches_->JobsFor(stale, 10).status().code(), Code::kConflict) << "still not recommended";
  now_ += 29 * kDaySeconds;
  Run();
  EXPECT_EQ(Outbox("reask"), 1);
  now_ += 2 * kDaySeconds;
  Run();
  EXPECT_EQ(Outbox("reask"), 2) << "31 days later";
  ASSERT_TRUE(IsOk(Take(SeekersLedger(), stale, "confirm").status()));
  now_ += 40 * kDaySeconds;
  Run();
  EXPECT_EQ(Outbox("reask"), 3) << "the fresh seeker of 2020-07-01 is due by now";
}

INSTANTIATE_TEST_SUITE_P(Backends, NotificationRunnerTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai::notifications

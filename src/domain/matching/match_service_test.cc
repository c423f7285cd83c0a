// MatchService on both backends: built from the ledgers, then kept current from the change feed
// — a record changed through LedgerService changes the next answer (wage, a withdrawn job, a
// placement making fellow villagers, a seeker's confirmation falling due and being renewed) — and
// what each viewer is shown of the answers.
#include "domain/matching/match_service.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "domain/changes/change_log.h"
#include "domain/labor/labor_test_util.h"
#include "domain/matching/match_view.h"

namespace shanhai::matching {
namespace {

using domain_test::IsOk;
using domain_test::kCountyPair;

constexpr const char* kVillage = "522727200201";  // 卡蒲毛南族乡河中村
constexpr int64_t kDay = 24 * 60 * 60;

bool HasReason(const RankedMatch& m, ReasonKind kind) {
  for (const Reason& r : m.reasons)
    if (r.kind == kind) return true;
  return false;
}

class MatchServiceTest : public labor_test::LaborTest {
 protected:
  void SetUp() override {
    LaborTest::SetUp();
    if (HasFatalFailure()) return;
    writer_ = MakeService(db(), &feed_);
    head_ = ChangeLog(db()).HeadSeq().value();
    ASSERT_TRUE(IsOk(Take(EmployersLedger(), employer_, "verify").status()));
    ASSERT_TRUE(IsOk(Take(EmployersLedger(), other_employer_, "verify").status()));
    domain_test::Fields job = JobFields("压缩机装配工", employer_);
    job.emplace_back("wage_max_fen", "600000");  // middle 5,550 yuan
    job.emplace_back("work_region", "440111");
    job_ = Add("jobs", kCountyPair, job);
    ASSERT_TRUE(IsOk(Take(JobsLedger(), job_, "publish").status()));
    seeker_ = NewSeeker(0, "lifted");
    service_ = std::make_unique<MatchService>(db(), vault(), Clock([this] { return now_; }));
    ASSERT_TRUE(IsOk(service_->Follow(feed_)));
  }

  int64_t NewSeeker(int n, const char* poverty) {
    const std::string serial = std::to_string(100 + n).substr(1);
    const int64_t person = Add("people", kCountyPair,
                               {{"name", "韦小明" + serial}, {"id_number", domain_test::Id18("522727199003121" + serial)},
                                {"region_code", kVillage}, {"poverty_status", poverty}});
    return Add("seekers", kCountyPair,
               {{"person_id", std::to_string(person)}, {"status", "seeking"}, {"confirmed_date", "2020-07-01"},
                {"expected_wage_fen", "500000"}});
  }

  // What the follower would do: deliver the change_log rows written since the last delivery.
  void Deliver() {
    std::vector<Change> rows = ChangeLog(db()).ReadAfter(head_, 100000).value();
    if (!rows.empty()) head_ = rows.back().seq;
    feed_.Publish(rows);
  }

  std::vector<RankedMatch> JobsOf(int64_t seeker) {
    Result<std::vector<RankedMatch>> jobs = service_->JobsFor(seeker, 10);
    EXPECT_TRUE(jobs.ok()) << jobs.status().ToString();
    return jobs.ok() ? *jobs : std::vector<RankedMatch>{};
  }

  int64_t now_ = domain_test::kFixedNowSeconds;  // 2020-07-22
  ChangeFeed feed_;
  std::unique_ptr<LedgerService> writer_;  // announces its commits to feed_ (the fixture's service() does not)
  std::unique_ptr<MatchService> service_;
  int64_t head_ = 0, job_ = 0, seeker_ = 0;
};

TEST_P(MatchServiceTest, ASeekersChangedWageExpectationChangesTheNextAnswer) {
  std::vector<RankedMatch> before = JobsOf(seeker_);
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].id, job_);
  ASSERT_FALSE(before[0].reasons.empty());
  EXPECT_EQ(before[0].reasons[0].kind, ReasonKind::kWage);
  EXPECT_EQ(before[0].reasons[0].value, 11);  // 5,550 against 5,000

  ASSERT_TRUE(writer_->Update(Actor::System(), SeekersLedger(), seeker_, RawRecord{"", {{"expected_wage_fen", "600000"}}},
                              InputSource::kApi, 0).ok());
  EXPECT_EQ(JobsOf(seeker_)[0].reasons[0].value, 11) << "unchanged until the feed delivers";
  Deliver();
  std::vector<RankedMatch> after = JobsOf(seeker_);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].reasons[0].value, -7);  // 5,550 against 6,000
  EXPECT_LT(after[0].points, before[0].points);
}

TEST_P(MatchServiceTest, APersonJustRegisteredIsFoundOnceThisProcesssWriteIsApplied) {
  const int64_t person = Add("people", kCountyPair,
                             {{"name", "韦新登"}, {"id_number", domain_test::Id18("52272719900312177")},
                              {"region_code", kVillage}, {"poverty_status", "ordinary"}});
  Result<Record> seeker = writer_->Create(
      Actor::System(), SeekersLedger(),
      RawRecord{kCountyPair, {{"person_id", std::to_string(person)}, {"status", "seeking"}, {"confirmed_date", "2020-07-01"}}},
      InputSource::kApi);
  ASSERT_TRUE(seeker.ok()) << seeker.status().ToString();
  // The follower delivers a little later; the look-up waits for it instead of answering "not registered".
  std::thread follower([this] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    Deliver();
  });
  Result<int64_t> found = service_->SeekerOfPerson(person);
  follower.join();
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(*found, seeker->id);
}

TEST_P(MatchServiceTest, AWithdrawnJobIsNoLongerRecommendedAndAnswersForItAreRefused) {
  ASSERT_EQ(JobsOf(seeker_).size(), 1u);
  ASSERT_TRUE(service_->SeekersFor(job_, 10, "").ok());
  EXPECT_EQ(service_->SeekersFor(job_, 10, "").value()[0].id, seeker_);
  ASSERT_TRUE(IsOk(Take(JobsLedger(), job_, "withdraw").status()));
  Deliver();
  EXPECT_TRUE(JobsOf(seeker_).empty());
  EXPECT_EQ(service_->SeekersFor(job_, 10, "").status().code(), Code::kConflict);
  EXPECT_EQ(service_->SeekersFor(job_ + 1000, 10, "").status().code(), Code::kNotFound);
}

TEST_P(MatchServiceTest, APlacementTakesTheSeekerOutAndCountsAFellowVillagerForTheOthers) {
  const int64_t neighbour = NewSeeker(1, "ordinary");
  Deliver();
  ASSERT_EQ(JobsOf(neighbour).size(), 1u);
  EXPECT_FALSE(HasReason(JobsOf(neighbour)[0], ReasonKind::kFellowVillagers));

  const int64_t spell = Add("spells", kCountyPair,
                            {{"seeker_id", std::to_string(seeker_)}, {"employer_id", std::to_string(employer_)},
                             {"place_region", "440111"}, {"start_date", "2020-07-10"}, {"monthly_wage_fen", "510000"},
                             {"status", "in_work"}});
  ASSERT_NE(spell, 0);
  Deliver();
  EXPECT_EQ(service_->JobsFor(seeker_, 10).status().code(), Code::kConflict) << "in work";
  std::vector<RankedMatch> jobs = JobsOf(neighbour);
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_TRUE(HasReason(jobs[0], ReasonKind::kFellowVillagers));
  Result<std::vector<RankedMatch>> candidates = service_->SeekersFor(job_, 10, "");
  ASSERT_TRUE(candidates.ok());
  ASSERT_EQ(candidates->size(), 1u);
  EXPECT_EQ((*candidates)[0].id, neighbour);
}

TEST_P(MatchServiceTest, ASeekerWhoseConfirmationFellDueIsAskedAgainBeforeBeingRecommended) {
  ASSERT_EQ(JobsOf(seeker_).size(), 1u);
  now_ += 70 * kDay;  // 2020-09-30: confirmed 2020-07-01, due 2020-09-29
  Result<std::vector<RankedMatch>> stale = service_->JobsFor(seeker_, 10);
  ASSERT_EQ(stale.status().code(), Code::kConflict);
  EXPECT_NE(stale.status().message_zh().find("2020-09-29"), std::string::npos) << stale.status().message_zh();
  EXPECT_TRUE(service_->SeekersFor(job_, 10, "").value().empty());

  // Confirmed again (the step dates it with the writer's clock, 2020-07-22: due 2020-10-20).
  ASSERT_TRUE(IsOk(Take(SeekersLedger(), seeker_, "confirm").status()));
  Deliver();
  EXPECT_EQ(JobsOf(seeker_).size(), 1u);
}

TEST_P(MatchServiceTest, CandidatesOutsideTheRegionAreLeftOutAndUnknownSeekersAreNotFound) {
  EXPECT_EQ(service_->SeekersFor(job_, 10, "522727").value().size(), 1u);
  EXPECT_TRUE(service_->SeekersFor(job_, 10, "520102").value().empty());
  EXPECT_EQ(service_->JobsFor(seeker_ + 1000, 10).status().code(), Code::kNotFound);
}

TEST_P(MatchServiceTest, ASeekerIsNamedByRecordIdOrIdNumber) {
  EXPECT_EQ(service_->SeekerNamed(std::to_string(seeker_)).value(), seeker_);
  EXPECT_EQ(service_->SeekerNamed(domain_test::Id18("52272719900312100")).value(), seeker_);
  EXPECT_EQ(service_->SeekerNamed(domain_test::Id18("52272719900312199")).status().code(), Code::kNotFound);
  EXPECT_EQ(service_->SeekerNamed("not a number").status().code(), Code::kInvalidArgument);
}

TEST_P(MatchServiceTest, AnEmployerSeesCandidatesMaskedAndOnlyRevealersTheirPovertyStatus) {
  std::vector<RankedMatch> candidates = service_->SeekersFor(job_, 10, "").value();
  ASSERT_EQ(candidates.size(), 1u);
  ASSERT_TRUE(HasReason(candidates[0], ReasonKind::kPriority));
  std::vector<MatchCard> staff = SeekerCards(db(), vault(), candidates, Viewer::kRevealer).value();
  std::vector<MatchCard> hr = SeekerCards(db(), vault(), candidates, Viewer::kEmployer).value();
  ASSERT_EQ(staff.size(), 1u);
  ASSERT_EQ(hr.size(), 1u);
  EXPECT_EQ(staff[0].name, "韦小明00");
  EXPECT_EQ(hr[0].name, "韦***0");
  EXPECT_EQ(hr[0].id_number.find("19900312"), std::string::npos) << hr[0].id_number;
  auto said = [](const MatchCard& c, const std::string& words) {
    for (const ReasonText& r : c.reasons)
      if (r.zh == words) return true;
    return false;
  };
  EXPECT_TRUE(said(staff[0], "脱贫户优先"));
  EXPECT_FALSE(said(hr[0], "脱贫户优先"));
  EXPECT_EQ(staff[0].reasons.size(), hr[0].reasons.size() + 1);
  std::vector<MatchCard> plain_staff = SeekerCards(db(), vault(), candidates, Viewer::kStaff).value();
  EXPECT_EQ(plain_staff[0].name, "韦小明00");
  EXPECT_FALSE(said(plain_staff[0], "脱贫户优先")) << "the status is sealed: only those who may reveal it";
  // Nor does the score tell it: the priority's points are out of what HR and plain staff see.
  int priority = 0;
  for (const Reason& r : candidates[0].reasons)
    if (r.kind == ReasonKind::kPriority) priority = r.points;
  ASSERT_GT(priority, 0);
  EXPECT_EQ(staff[0].points, candidates[0].points);
  EXPECT_EQ(hr[0].points, candidates[0].points - priority);
  EXPECT_EQ(plain_staff[0].points, candidates[0].points - priority);
}

// A candidate lifted above another only by the priority falls back below it for those who may not
// see the status, so the order does not betray it either.
TEST(MatchAsSeenBy, ReRanksWithoutThePriorityForThoseWhoMayNotSeeIt) {
  const std::vector<RankedMatch> ranked = {{7, 57, {{ReasonKind::kWage, 47, 0}, {ReasonKind::kPriority, 10, 1}}},
                                           {3, 50, {{ReasonKind::kWage, 50, 0}}},
                                           {5, 47, {{ReasonKind::kWage, 47, 0}}}};
  auto ids = [](const std::vector<RankedMatch>& ms) {
    std::vector<int64_t> out;
    for (const RankedMatch& m : ms) out.push_back(m.id * 1000 + m.points);
    return out;
  };
  EXPECT_EQ(ids(AsSeenBy(ranked, Viewer::kRevealer)), (std::vector<int64_t>{7057, 3050, 5047}));
  EXPECT_EQ(ids(AsSeenBy(ranked, Viewer::kEmployer)), (std::vector<int64_t>{3050, 5047, 7047}));
  EXPECT_EQ(ids(AsSeenBy(ranked, Viewer::kStaff)), (std::vector<int64_t>{3050, 5047, 7047}));
}

INSTANTIATE_TEST_SUITE_P(Backends, MatchServiceTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai::matching

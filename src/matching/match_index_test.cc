#include "matching/match_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "matching/reference_matcher.h"

namespace shanhai::matching {
namespace {

// Random seekers and jobs over few distinct values, so equal scores (ties) are common.
class RandomWorld {
 public:
  explicit RandomWorld(uint32_t seed) : rng_(seed) {}

  Seeker MakeSeeker(int64_t id) {
    Seeker s;
    s.id = id;
    s.home_village = Pick(kVillages);
    s.birth_date = 19600101 + int32_t(Below(45)) * 10000 + int32_t(Below(12)) * 100;
    s.gender = Below(2) ? Gender::kMale : Gender::kFemale;
    s.education = Education(Below(5));
    s.household = Household(Below(3));
    s.occupations = SortedSubset<OccupationCode>({6310103, 6990000, 4010000, 5010100});
    s.certificates = SortedSubset<uint32_t>({1, 2, 3});
    s.willing_bands = uint8_t(1 + Below(kAllBands));
    if (Below(2)) s.preferred_cities = {Pick<uint32_t>({4401, 4403, 5201})};
    if (Below(2)) s.preferred_provinces = {Pick<uint32_t>({44, 52})};
    s.expected_wage_fen = Below(4) * 100000;
    s.wage_floor_fen = Below(3) * 150000;
    s.available = Below(10) != 0;
    return s;
  }

  Job MakeJob(int64_t id) {
    Job j;
    j.id = id;
    j.employer_id = 1 + Below(6);
    j.occupation = Pick<OccupationCode>({0, 6310103, 6990000, 4010000});
    j.place = Pick(kPlaces);
    j.start_date = 20200301 + int32_t(Below(3)) * 10000;
    j.wage_min_fen = 300000 + Below(3) * 100000;
    j.wage_max_fen = j.wage_min_fen + Below(3) * 100000;
    j.board = Below(2);
    j.lodging = Below(2);
    j.min_age = Below(2) ? 18 : 0;
    j.max_age = Below(2) ? 40 + Below(15) : 0;
    j.gender = GenderRule(Below(5) == 0 ? 1 + Below(2) : 0);
    j.min_education = Education(Below(3));
    j.required_certificates = Below(3) == 0 ? std::vector<uint32_t>{Pick<uint32_t>({1, 2})} : std::vector<uint32_t>{};
    j.open = Below(10) != 0;
    return j;
  }

  uint64_t Village() { return Pick(kVillages); }
  int64_t Employer() { return 1 + Below(6); }
  uint32_t Below(uint32_t n) { return std::uniform_int_distribution<uint32_t>(0, n - 1)(rng_); }

 private:
  // Two counties of 贵州 (one with two villages) and places in 贵州 and 广东.
  static constexpr uint64_t kVillages[] = {522727206201, 522727206202, 522722100201};
  static constexpr uint64_t kPlaces[] = {522727103000, 520102000000, 440111000000, 440305000000};

  template <typename T, size_t N>
  T Pick(const T (&values)[N]) { return values[Below(N)]; }
  template <typename T>
  T Pick(std::initializer_list<T> values) { return values.begin()[Below(uint32_t(values.size()))]; }
  template <typename T>
  std::vector<T> SortedSubset(std::initializer_list<T> values) {
    std::vector<T> out;
    for (T v : values)
      if (Below(3) == 0) out.push_back(v);
    std::sort(out.begin(), out.end());
    return out;
  }

  std::mt19937 rng_;
};

// The same world kept as plain vectors for the reference matcher.
struct Truth {
  std::map<int64_t, Seeker> seekers;
  std::map<int64_t, Job> jobs;
  FellowTable fellows;

  std::vector<Seeker> SeekerList() const {
    std::vector<Seeker> out;
    for (const auto& [id, s] : seekers) out.push_back(s);
    return out;
  }
  std::vector<Job> JobList() const {
    std::vector<Job> out;
    for (const auto& [id, j] : jobs) out.push_back(j);
    return out;
  }
};

// A random world of `seekers` seekers, `jobs` jobs and `placements` fellows' counts (also returned as
// the index's Load() takes them).
Truth MakeTruth(RandomWorld& world, int64_t seekers, int64_t jobs, int placements,
                std::vector<MatchIndex::Fellows>& fellows) {
  Truth truth;
  for (int64_t id = 1; id <= seekers; ++id) truth.seekers[id] = world.MakeSeeker(id);
  for (int64_t id = 1; id <= jobs; ++id) truth.jobs[id] = world.MakeJob(id);
  for (int i = 0; i < placements; ++i) {
    fellows.push_back({world.Village(), world.Employer(), int(world.Below(7))});
    truth.fellows.Set(fellows.back().village, fellows.back().employer, fellows.back().people);
  }
  return truth;
}

void ExpectSameAnswers(const MatchIndex& index, const Truth& truth, size_t k) {
  const std::vector<Seeker> seekers = truth.SeekerList();
  const std::vector<Job> jobs = truth.JobList();
  for (const Seeker& s : seekers)
    ASSERT_EQ(index.TopJobs(s.id, k).value(), ReferenceTopJobs(s, jobs, truth.fellows, k))
        << "seeker " << s.id << " k " << k;
  for (const Job& j : jobs)
    ASSERT_EQ(index.TopSeekers(j.id, k).value(), ReferenceTopSeekers(j, seekers, truth.fellows, k))
        << "job " << j.id << " k " << k;
}

TEST(MatchIndex, AgreesWithTheReferenceIncludingTies) {
  for (uint32_t seed : {1u, 2u, 3u, 4u}) {
    RandomWorld world(seed);
    MatchIndex index;
    std::vector<MatchIndex::Fellows> fellows;
    const Truth truth = MakeTruth(world, 300, 120, 10, fellows);
    if (seed % 2) {  // the start-up load, or the same world put together change by change
      index.Load(truth.SeekerList(), truth.JobList(), fellows);
    } else {
      for (const auto& [id, s] : truth.seekers) index.PutSeeker(s);
      for (const auto& [id, j] : truth.jobs) index.PutJob(j);
      for (const auto& f : fellows) index.SetFellows(f.village, f.employer, f.people);
    }
    for (size_t k : {1u, 5u, 10u, 500u}) ExpectSameAnswers(index, truth, k);
  }
}

TEST(MatchIndex, TheBatchByVillageAnswersAsTheReferenceForEveryKnownSeeker) {
  RandomWorld world(11);
  MatchIndex index;
  std::vector<MatchIndex::Fellows> fellows;
  const Truth truth = MakeTruth(world, 200, 80, 8, fellows);
  index.Load(truth.SeekerList(), truth.JobList(), fellows);
  std::vector<int64_t> ids;
  for (int64_t id = 250; id >= 1; --id) ids.push_back(id);  // 201..250 are unknown: skipped
  const std::vector<Job> jobs = truth.JobList();
  std::map<int64_t, std::vector<Match>> answers;
  index.TopJobsByVillage(ids, 10, [&](int64_t id, const std::vector<Match>& top) {
    EXPECT_TRUE(answers.emplace(id, top).second) << "seeker " << id << " answered twice";
  });
  ASSERT_EQ(answers.size(), truth.seekers.size());
  for (const auto& [id, seeker] : truth.seekers)
    EXPECT_EQ(answers.at(id), ReferenceTopJobs(seeker, jobs, truth.fellows, 10)) << "seeker " << id;
}

TEST(MatchIndex, StaysCurrentThroughChangesWithoutARebuild) {
  RandomWorld world(7);
  MatchIndex index;
  Truth truth;
  for (int64_t id = 1; id <= 150; ++id) {
    truth.seekers[id] = world.MakeSeeker(id);
    index.PutSeeker(truth.seekers[id]);
  }
  for (int64_t id = 1; id <= 60; ++id) {
    truth.jobs[id] = world.MakeJob(id);
    index.PutJob(truth.jobs[id]);
  }
  for (int step = 0; step < 300; ++step) {
    const int64_t id = 1 + world.Below(170);  // ids above the initial ones are new
    switch (world.Below(5)) {
      case 0: truth.seekers[id] = world.MakeSeeker(id); index.PutSeeker(truth.seekers[id]); break;
      case 1: truth.seekers.erase(id); index.RemoveSeeker(id); break;
      case 2: truth.jobs[id] = world.MakeJob(id); index.PutJob(truth.jobs[id]); break;
      case 3: truth.jobs.erase(id); index.RemoveJob(id); break;
      default: {
        const uint64_t village = world.Village();
        const int64_t employer = world.Employer();
        const int count = int(world.Below(6));
        truth.fellows.Set(village, employer, count);
        index.SetFellows(village, employer, count);
      }
    }
  }
  EXPECT_EQ(index.seeker_count(), truth.seekers.size());
  EXPECT_EQ(index.job_count(), truth.jobs.size());
  ExpectSameAnswers(index, truth, 10);
}

TEST(MatchIndex, AChangedJobChangesTheNextAnswer) {
  MatchIndex index;
  Seeker s;
  s.id = 1;
  s.home_village = 522727206201;
  s.birth_date = 19900101;
  s.expected_wage_fen = 500000;
  index.PutSeeker(s);
  Job low;
  low.id = 10;
  low.employer_id = 1;
  low.place = 440111000000;
  low.start_date = 20200301;
  low.wage_min_fen = low.wage_max_fen = 450000;
  Job high = low;
  high.id = 11;
  high.wage_min_fen = high.wage_max_fen = 560000;
  index.PutJob(low);
  index.PutJob(high);
  ASSERT_EQ(index.TopJobs(1, 1)->front().id, 11);
  low.wage_min_fen = low.wage_max_fen = 600000;  // the office raises the wage
  index.PutJob(low);
  EXPECT_EQ(index.TopJobs(1, 1)->front().id, 10);
  index.RemoveJob(10);
  EXPECT_EQ(index.TopJobs(1, 1)->front().id, 11);
  EXPECT_FALSE(index.TopJobs(2, 1).has_value());
  EXPECT_FALSE(index.TopSeekers(10, 1).has_value());
}

TEST(MatchIndex, ExplainsWithTheTermsOfTheScore) {
  MatchIndex index;
  Seeker s;
  s.id = 1;
  s.home_village = 522727206201;
  s.birth_date = 19900101;
  s.expected_wage_fen = 450000;
  index.PutSeeker(s);
  Job j;
  j.id = 10;
  j.employer_id = 3;
  j.place = 440111000000;
  j.start_date = 20200301;
  j.wage_min_fen = j.wage_max_fen = 504000;  // 12 % above
  j.board = j.lodging = true;
  index.PutJob(j);
  index.SetFellows(s.home_village, 3, 3);
  const std::vector<Reason> reasons = index.Explain(1, 10).value();
  ASSERT_EQ(reasons.size(), 3u);
  EXPECT_EQ(reasons[0].kind, ReasonKind::kWage);
  EXPECT_EQ(reasons[0].value, 12);
  EXPECT_EQ(reasons[1].kind, ReasonKind::kBoardAndLodging);
  EXPECT_EQ(reasons[2].kind, ReasonKind::kFellowVillagers);
  EXPECT_EQ(reasons[2].value, 3);
  int total = 0;
  for (const Reason& r : reasons) total += r.points;
  EXPECT_EQ(index.TopJobs(1, 1)->front().points, total);
  j.max_age = 20;  // now too old: no explanation, no match
  index.PutJob(j);
  EXPECT_FALSE(index.Explain(1, 10).has_value());
  EXPECT_TRUE(index.TopJobs(1, 5)->empty());
}

}  // namespace
}  // namespace shanhai::matching

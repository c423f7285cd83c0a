// From ledger records to the engine's values: region codes both ways, certificate names numbered
// alike for seekers and jobs, when a seeker is recommendable, the willingness bands, and when a
// job is open.
#include "domain/matching/match_profiles.h"
#include "domain/matching/match_view.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace shanhai::matching {
namespace {

Record RecordOf(std::vector<std::pair<std::string, Value>> values) {
  Record r;
  r.id = 7;
  r.values = std::move(values);
  return r;
}

TEST(MatchProfiles, RegionCodesArePaddedToTwelveDigitsAndBack) {
  EXPECT_EQ(RegionCode12("440111"), 440111000000u);
  EXPECT_EQ(RegionCode12("522727206201"), 522727206201u);
  EXPECT_EQ(RegionCode12("522727103"), 522727103000u);
  EXPECT_EQ(RegionCode12("44011"), 0u);
  EXPECT_EQ(RegionCode12("4401a1"), 0u);
  EXPECT_EQ(RegionCodeText(522727000000), "522727");
  EXPECT_EQ(RegionCodeText(440100000000), "4401");
  EXPECT_EQ(RegionCodeText(522727103000), "522727103");
  EXPECT_EQ(RegionCodeText(522727206201), "522727206201");
  EXPECT_EQ(DateNumber("2020-03-16"), 20200316);
  EXPECT_EQ(DateNumber(""), 0);
}

// Reasons name places as offices write them: 在期望城市：广州市, never 4401.
TEST(MatchProfiles, ReasonsNameCitiesAndProvincesFromTheCatalogue) {
  EXPECT_EQ(CatalogueNames().CityName(4401), "广州市");
  EXPECT_EQ(CatalogueNames().ProvinceName(44), "广东省");
  EXPECT_EQ(CatalogueNames().ProvinceName(99), "");
}

TEST(MatchProfiles, CertificateNamesAreNumberedTheSameForEveryRecord) {
  CertificateKinds kinds;
  const std::vector<uint32_t> seeker = kinds.KindsIn("电工证；叉车证、 焊工证");
  ASSERT_EQ(seeker.size(), 3u);
  const std::vector<uint32_t> job = kinds.KindsIn("叉车证");
  ASSERT_EQ(job.size(), 1u);
  EXPECT_TRUE(std::includes(seeker.begin(), seeker.end(), job.begin(), job.end()));
  EXPECT_EQ(kinds.KindsIn("电工证,电工证;"), kinds.KindsIn("电工证"));
  EXPECT_TRUE(kinds.KindsIn("").empty());
}

TEST(MatchProfiles, ASeekerIsRecommendedOnlyWhileSeekingOutOfWorkAndConfirmed) {
  EXPECT_EQ(AvailabilityOf("seeking", "2020-09-29", false, "2020-09-29"), Availability::kAvailable);
  EXPECT_EQ(AvailabilityOf("seeking", "2020-09-29", false, "2020-09-30"), Availability::kStale);
  EXPECT_EQ(AvailabilityOf("seeking", "", false, "2020-09-30"), Availability::kStale);
  EXPECT_EQ(AvailabilityOf("seeking", "2020-09-29", true, "2020-07-01"), Availability::kInWork);
  EXPECT_EQ(AvailabilityOf("employed", "2020-09-29", false, "2020-07-01"), Availability::kNotSeeking);
}

TEST(MatchProfiles, NoBandOfWillingnessOpensEveryBandAndSomeOpenOnlyThose) {
  CertificateKinds kinds;
  const PersonFacts person{"522727206201", "male", "1990-03-12", "monitored"};
  Seeker open = SeekerOf(RecordOf({{"status", std::string("seeking")}}), person, Availability::kAvailable, kinds);
  EXPECT_EQ(open.willing_bands, kAllBands);
  EXPECT_EQ(open.household, Household::kMonitored);
  EXPECT_EQ(open.gender, Gender::kMale);
  EXPECT_EQ(open.birth_date, 19900312);
  Seeker away = SeekerOf(RecordOf({{"willing_out_of_province", int64_t{1}}, {"willing_in_county", int64_t{0}},
                                   {"preferred_place_1", std::string("440100")}, {"preferred_place_2", std::string("440000")},
                                   {"education", std::string("senior_middle")}, {"skills", std::string("6-20-02；6-18-01")}}),
                         person, Availability::kStale, kinds);
  EXPECT_EQ(away.willing_bands, BandBit(Band::kOutOfProvince));
  EXPECT_EQ(away.preferred_cities, std::vector<uint32_t>{4401});
  EXPECT_EQ(away.preferred_provinces, std::vector<uint32_t>{44});
  EXPECT_EQ(away.education, Education::kSeniorMiddle);
  EXPECT_EQ(away.occupations, (std::vector<OccupationCode>{6180100, 6200200}));
  EXPECT_FALSE(away.available);
}

TEST(MatchProfiles, AJobIsOpenWhenPublishedByAVerifiedEmployerAndNotFilled) {
  CertificateKinds kinds;
  const Record published = RecordOf({{"status", std::string("published")}, {"headcount", int64_t{2}},
                                     {"wage_min_fen", int64_t{510000}}, {"work_region", std::string("440111")},
                                     {"gender_rule", std::string("female_only")}});
  const Job job = JobOf(published, true, 1, "2020-07-22", kinds);
  EXPECT_TRUE(job.open);
  EXPECT_EQ(job.wage_max_fen, 510000) << "no top: the lowest";
  EXPECT_EQ(job.start_date, 20200722) << "no start date: today";
  EXPECT_EQ(job.place, 440111000000u);
  EXPECT_EQ(job.gender, GenderRule::kFemaleOnly);
  EXPECT_FALSE(JobOf(published, true, 2, "2020-07-22", kinds).open) << "filled";
  EXPECT_FALSE(JobOf(published, false, 0, "2020-07-22", kinds).open) << "employer not verified";
  EXPECT_FALSE(JobOf(RecordOf({{"status", std::string("draft")}, {"headcount", int64_t{2}}}), true, 0, "2020-07-22", kinds).open);
}

}  // namespace
}  // namespace shanhai::matching

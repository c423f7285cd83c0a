#include "matching/match_rules.h"

#include <algorithm>

namespace shanhai::matching {
namespace {

// Weights, in points. The wage term is the percentage by which the middle of the job's range
// beats the seeker's expectation, capped both ways, so wage dominates but cannot drown the rest.
constexpr int kWageCapPercent = 30;
constexpr int kExactSkillPoints = 20;
constexpr int kSkillGroupPoints = 8;
constexpr int kBoardPoints = 4;
constexpr int kLodgingPoints = 6;
constexpr int kPreferredCityPoints = 10;
constexpr int kPreferredProvincePoints = 6;
constexpr int kInCountyPoints = 8;
constexpr int kInProvincePoints = 4;
constexpr int kPointsPerFellow = 3;
constexpr int kFellowCapPoints = 15;
constexpr int kPriorityPoints = 10;

bool Contains(const std::vector<uint32_t>& sorted, uint32_t value) {
  return std::binary_search(sorted.begin(), sorted.end(), value);
}

// Whole percent, rounded toward zero, by which `offered` exceeds `expected` (> 0).
int64_t PercentAbove(int64_t offered, int64_t expected) { return (offered - expected) * 100 / expected; }

void Add(std::vector<Reason>* reasons, ReasonKind kind, int points, int64_t value) {
  if (reasons) reasons->push_back({kind, points, value});
}

}  // namespace

Band BandOf(uint64_t home_village, uint64_t place) {
  if (CountyOf(home_village) == CountyOf(place)) return Band::kInCounty;
  if (ProvinceOf(home_village) == ProvinceOf(place)) return Band::kInProvince;
  return Band::kOutOfProvince;
}

JobLimits LimitsOf(const Job& job) {
  return {job.start_date, int16_t(job.min_age), int16_t(job.max_age), job.gender, job.min_education};
}

bool WithinLimits(const Seeker& seeker, const JobLimits& limits) {
  if (limits.gender == GenderRule::kFemaleOnly && seeker.gender != Gender::kFemale) return false;
  if (limits.gender == GenderRule::kMaleOnly && seeker.gender != Gender::kMale) return false;
  if (seeker.education < limits.min_education) return false;
  const int age = (limits.start_date - seeker.birth_date) / 10000;
  if (limits.min_age > 0 && age < limits.min_age) return false;
  return limits.max_age == 0 || age <= limits.max_age;
}

bool Admits(const Seeker& seeker, const Job& job) {
  if (!seeker.available || !job.open) return false;
  if (!WithinLimits(seeker, LimitsOf(job))) return false;
  if (!std::includes(seeker.certificates.begin(), seeker.certificates.end(), job.required_certificates.begin(),
                     job.required_certificates.end()))
    return false;
  if ((seeker.willing_bands & BandBit(BandOf(seeker.home_village, job.place))) == 0) return false;
  return job.wage_max_fen >= seeker.wage_floor_fen;
}

SkillFit SkillFitOf(const Seeker& seeker, OccupationCode job_occupation) {
  if (job_occupation == 0) return SkillFit::kNone;
  if (std::binary_search(seeker.occupations.begin(), seeker.occupations.end(), job_occupation)) return SkillFit::kExact;
  const bool same_group = std::any_of(seeker.occupations.begin(), seeker.occupations.end(), [&](OccupationCode c) {
    return MajorGroupOf(c) == MajorGroupOf(job_occupation);
  });
  return same_group ? SkillFit::kSameGroup : SkillFit::kNone;
}

PlaceFit PlaceFitOf(const Seeker& seeker, uint64_t place) {
  if (Contains(seeker.preferred_cities, CityOf(place))) return PlaceFit::kCity;
  if (Contains(seeker.preferred_provinces, ProvinceOf(place))) return PlaceFit::kProvince;
  return PlaceFit::kNone;
}

int WagePoints(int64_t middle_wage_fen, int64_t expected_wage_fen) {
  if (expected_wage_fen <= 0) return 0;
  return int(std::clamp<int64_t>(PercentAbove(middle_wage_fen, expected_wage_fen), -kWageCapPercent, kWageCapPercent));
}

int SkillPoints(SkillFit fit) {
  return fit == SkillFit::kExact ? kExactSkillPoints : fit == SkillFit::kSameGroup ? kSkillGroupPoints : 0;
}

int BoardLodgingPoints(bool board, bool lodging) { return (board ? kBoardPoints : 0) + (lodging ? kLodgingPoints : 0); }

int PlacePoints(PlaceFit fit) {
  return fit == PlaceFit::kCity ? kPreferredCityPoints : fit == PlaceFit::kProvince ? kPreferredProvincePoints : 0;
}

int BandPoints(Band band) {
  return band == Band::kInCounty ? kInCountyPoints : band == Band::kInProvince ? kInProvincePoints : 0;
}

int FellowPoints(int fellows) { return std::min(std::max(fellows, 0) * kPointsPerFellow, kFellowCapPoints); }

bool HasPriority(Household household) { return household != Household::kGeneral; }

int PriorityPoints(bool priority) { return priority ? kPriorityPoints : 0; }

int64_t MiddleWage(const Job& job) { return (job.wage_min_fen + job.wage_max_fen) / 2; }

int Score(const Seeker& seeker, const Job& job, int fellows, std::vector<Reason>* reasons) {
  int total = 0;
  auto term = [&](ReasonKind kind, int points, int64_t value) {
    total += points;
    if (points != 0) Add(reasons, kind, points, value);
  };
  if (seeker.expected_wage_fen > 0)
    term(ReasonKind::kWage, WagePoints(MiddleWage(job), seeker.expected_wage_fen),
         PercentAbove(MiddleWage(job), seeker.expected_wage_fen));
  const SkillFit skill = SkillFitOf(seeker, job.occupation);
  if (skill == SkillFit::kExact) term(ReasonKind::kExactSkill, SkillPoints(skill), job.occupation);
  else if (skill == SkillFit::kSameGroup) term(ReasonKind::kSkillGroup, SkillPoints(skill), MajorGroupOf(job.occupation));
  const ReasonKind meals = job.board && job.lodging ? ReasonKind::kBoardAndLodging
                           : job.board               ? ReasonKind::kBoard
                                                     : ReasonKind::kLodging;
  term(meals, BoardLodgingPoints(job.board, job.lodging), 0);
  const PlaceFit place = PlaceFitOf(seeker, job.place);
  if (place == PlaceFit::kCity) term(ReasonKind::kPreferredCity, PlacePoints(place), CityOf(job.place));
  else if (place == PlaceFit::kProvince) term(ReasonKind::kPreferredProvince, PlacePoints(place), ProvinceOf(job.place));
  const Band band = BandOf(seeker.home_village, job.place);
  term(ReasonKind::kDistanceBand, BandPoints(band), int64_t(band));
  term(ReasonKind::kFellowVillagers, FellowPoints(fellows), fellows);
  term(ReasonKind::kPriority, PriorityPoints(HasPriority(seeker.household)), int64_t(seeker.household));
  return total;
}

int64_t WageMargin(const Seeker& seeker, const Job& job) { return MiddleWage(job) - seeker.expected_wage_fen; }

std::optional<Match> MatchOf(const Seeker& seeker, const Job& job, int fellows, int64_t ranked_id) {
  if (!Admits(seeker, job)) return std::nullopt;
  return Match{ranked_id, Score(seeker, job, fellows), WageMargin(seeker, job)};
}

int MaxWagePoints() { return kWageCapPercent; }
int MaxFellowPoints() { return kFellowCapPoints; }

}  // namespace shanhai::matching

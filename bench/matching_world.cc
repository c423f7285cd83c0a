#include "matching_world.h"

#include <algorithm>
#include <array>
#include <random>

namespace shanhai::bench {
namespace {

using matching::Education;
using matching::GenderRule;
using matching::Household;
using matching::OccupationCode;

// Helped counties (GB/T 2260) whose villages the seekers come from.
constexpr std::array<uint32_t, 8> kHomeCounties = {522727, 522722, 522701, 522702, 522725, 522726, 522728, 522732};

// A destination: a county of a city and its share of the jobs (per mille, summing to 1000).
struct Destination {
  uint32_t county;
  int weight;
};
constexpr std::array<Destination, 50> kDestinations = {{
    {440111, 120}, {440106, 60}, {440113, 40}, {440305, 70}, {440306, 50}, {440307, 30}, {440604, 35}, {440606, 30},
    {441900, 60}, {442000, 30}, {440402, 15}, {441302, 12}, {440703, 12}, {441202, 8}, {440304, 20}, {440105, 20},
    {440112, 15}, {440114, 10}, {440115, 10}, {440117, 8}, {330106, 15}, {330203, 12}, {330303, 8}, {320505, 15},
    {320214, 8}, {310115, 15}, {310112, 8}, {350203, 10}, {350206, 6}, {110105, 6}, {120116, 4}, {370212, 5},
    {320115, 6}, {330782, 8}, {350583, 5}, {520102, 25}, {520115, 15}, {520302, 10}, {520402, 6}, {522727, 25},
    {522722, 15}, {522701, 20}, {522702, 10}, {500112, 8}, {510107, 8}, {530102, 6}, {450103, 10}, {430104, 6},
    {420106, 6}, {360102, 4},
}};

// Occupations (职业分类大典 codes as numbers) with their share in per mille; most are group 6
// (production) and 4 (services), as the jobs offered to rural job seekers are.
struct Occupation {
  OccupationCode code;
  int weight;
};
constexpr std::array<Occupation, 20> kOccupations = {{
    {6310103, 90}, {6310101, 70}, {6250100, 60}, {6050100, 60}, {6210100, 50}, {6240100, 45}, {6290100, 40},
    {6990000, 80}, {4020100, 60}, {4030100, 50}, {4070100, 50}, {4100100, 45}, {4010100, 40}, {4140100, 35},
    {5010100, 30}, {5050100, 25}, {3010100, 30}, {2020100, 20}, {6280100, 60}, {4990000, 60},
}};

constexpr int kCertificateKinds = 30;

class Draw {
 public:
  Draw(uint64_t seed, uint64_t salt, int64_t index) : rng_(seed * 1000003ULL + salt * 7919ULL + uint64_t(index)) {}
  int Below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool Chance(int per_mille) { return Below(1000) < per_mille; }
  double Normal(double mean, double sd) { return std::normal_distribution<double>(mean, sd)(rng_); }
  template <typename T, size_t N>
  const T& Weighted(const std::array<T, N>& items) {
    int left = Below(1000);
    for (const T& item : items) {
      if (left < item.weight) return item;
      left -= item.weight;
    }
    return items.back();
  }

 private:
  std::mt19937_64 rng_;
};

uint64_t VillageOf(uint32_t county, int index) {  // 15 towns of 20 villages per county
  return uint64_t(county) * 1000000ULL + uint64_t(100 + index / 20) * 1000ULL + uint64_t(200 + index % 20);
}

Education SchoolingOf(Draw& d) {
  const int r = d.Below(1000);
  if (r < 50) return Education::kNone;
  if (r < 250) return Education::kPrimary;
  if (r < 700) return Education::kJuniorMiddle;
  if (r < 900) return Education::kSeniorMiddle;
  if (r < 970) return Education::kCollege;
  return Education::kBachelor;
}

template <typename T>
void SortUnique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

matching::Seeker MakeSeeker(uint64_t seed, int64_t id) {
  Draw d(seed, 1, id);
  matching::Seeker s;
  s.id = id;
  s.home_village = VillageOf(kHomeCounties[size_t(d.Below(int(kHomeCounties.size())))], d.Below(300));
  const int age = std::clamp(int(d.Normal(36, 10)), 16, 60);
  s.birth_date = (2020 - age) * 10000 + (1 + d.Below(12)) * 100 + 1 + d.Below(28);
  s.gender = d.Chance(550) ? matching::Gender::kMale : matching::Gender::kFemale;
  s.education = SchoolingOf(d);
  const int household = d.Below(1000);
  s.household = household < 300 ? Household::kPovertyLifted : household < 350 ? Household::kMonitored : Household::kGeneral;
  for (int n = d.Below(3); n > 0; --n) s.occupations.push_back(d.Weighted(kOccupations).code);
  SortUnique(s.occupations);
  if (d.Chance(200))
    for (int n = 1 + d.Below(2); n > 0; --n) s.certificates.push_back(uint32_t(1 + d.Below(kCertificateKinds)));
  SortUnique(s.certificates);
  const int willing = d.Below(1000);
  using matching::Band;
  using matching::BandBit;
  s.willing_bands = willing < 600   ? matching::kAllBands
                    : willing < 800 ? uint8_t(BandBit(Band::kInCounty) | BandBit(Band::kInProvince))
                    : willing < 900 ? BandBit(Band::kInCounty)
                                    : BandBit(Band::kOutOfProvince);
  if (d.Chance(500))
    for (int n = 1 + d.Below(2); n > 0; --n) s.preferred_cities.push_back(d.Weighted(kDestinations).county / 100);
  SortUnique(s.preferred_cities);
  if (d.Chance(300)) s.preferred_provinces.push_back(d.Weighted(kDestinations).county / 10000);
  SortUnique(s.preferred_provinces);
  s.expected_wage_fen = int64_t(std::clamp(d.Normal(4500, 900), 2500.0, 9000.0)) / 100 * 100 * 100;
  s.wage_floor_fen = s.expected_wage_fen * 8 / 10;
  s.available = d.Chance(900);
  return s;
}

matching::Job MakeJob(uint64_t seed, int64_t id, int64_t employers) {
  Draw d(seed, 2, id);
  matching::Job j;
  j.id = id;
  j.employer_id = 1 + d.Below(int(employers));
  j.occupation = d.Weighted(kOccupations).code;
  j.place = uint64_t(d.Weighted(kDestinations).county) * 1000000ULL;
  j.start_date = 20200301 + d.Below(3) * 100 + d.Below(28);
  j.wage_min_fen = int64_t(std::clamp(d.Normal(4800, 1000), 2500.0, 12000.0)) / 100 * 100 * 100;
  j.wage_max_fen = j.wage_min_fen + d.Below(5) * 50000;
  j.board = d.Chance(600);
  j.lodging = d.Chance(700);
  const int ages = d.Below(10);
  if (ages < 7) { j.min_age = 18; j.max_age = 45; }
  else if (ages < 9) { j.min_age = 18; j.max_age = 55; }
  if (d.Chance(50)) j.gender = d.Chance(500) ? GenderRule::kFemaleOnly : GenderRule::kMaleOnly;
  const int schooling = d.Below(100);
  j.min_education = schooling < 30 ? Education::kNone
                    : schooling < 80 ? Education::kJuniorMiddle
                    : schooling < 95 ? Education::kSeniorMiddle
                                     : Education::kCollege;
  if (d.Chance(100)) j.required_certificates.push_back(uint32_t(1 + d.Below(kCertificateKinds)));
  return j;
}

}  // namespace

MatchingWorld MakeMatchingWorld(int64_t seekers, int64_t jobs, uint64_t seed) {
  MatchingWorld world;
  const int64_t employers = std::max<int64_t>(1, jobs / 10);
  world.seekers.reserve(size_t(seekers));
  for (int64_t i = 1; i <= seekers; ++i) world.seekers.push_back(MakeSeeker(seed, i));
  world.jobs.reserve(size_t(jobs));
  for (int64_t j = 1; j <= jobs; ++j) world.jobs.push_back(MakeJob(seed, j, employers));
  // About one person in twenty is already in work somewhere: their villages' fellows.
  Draw d(seed, 3, 0);
  for (int64_t p = 0; p < seekers / 20; ++p) {
    const uint32_t county = kHomeCounties[size_t(d.Below(int(kHomeCounties.size())))];
    world.placements.push_back({VillageOf(county, d.Below(300)), 1 + d.Below(int(employers)), 1 + d.Below(4)});
  }
  return world;
}

}  // namespace shanhai::bench

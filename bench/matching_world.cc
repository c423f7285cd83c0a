#include "matching_world.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>

namespace shanhai::bench {
namespace {

using matching::Education;
using matching::GenderRule;
using matching::Household;
using matching::OccupationCode;

// Helped counties of 黔南州 (GB/T 2260) whose villages the seekers come from (黔南 is paired with 广州).
constexpr std::array<uint32_t, 8> kHomeCounties = {522727, 522722, 522701, 522702, 522725, 522726, 522728, 522732};
constexpr uint32_t kHomePrefecture = 5227;  // jobs "in 黔南" lie in one of the home counties

// The 50 destination cities, each with the county (district) its jobs are placed in, and the share
// of jobs per mille — shaped like the flows of 贵州's rural labour (bench/README.md, "Matching"):
// 广东 first (广州, 深圳, 东莞, 佛山), then 浙江 and 福建, then 江苏/上海; a quarter within 贵州.
struct City {
  uint32_t city;
  uint32_t county;
  int weight;
};
constexpr std::array<City, 50> kCities = {{
    // 广东 420
    {4401, 440111, 119}, {4403, 440306, 90}, {4419, 441900, 80}, {4406, 440605, 50}, {4420, 442000, 25},
    {4413, 441302, 20}, {4407, 440703, 10}, {4404, 440402, 10}, {4412, 441202, 5}, {4418, 441802, 5},
    {4405, 440507, 5},
    // 浙江 150
    {3301, 330109, 35}, {3302, 330212, 35}, {3303, 330304, 25}, {3307, 330782, 20}, {3310, 331002, 12},
    {3306, 330603, 13}, {3304, 330402, 10},
    // 福建 70
    {3502, 350206, 20}, {3505, 350582, 25}, {3501, 350102, 15}, {3503, 350302, 5}, {3506, 350602, 5},
    // 江苏 40, 上海 15, 北京 8, 天津 4
    {3205, 320583, 20}, {3202, 320211, 8}, {3201, 320115, 7}, {3204, 320412, 5}, {3101, 310115, 15},
    {1101, 110105, 8}, {1201, 120116, 4},
    // 贵州 250
    {5201, 520115, 80}, {kHomePrefecture, 0, 70}, {5203, 520302, 25}, {5204, 520402, 12}, {5202, 520201, 10},
    {5205, 520502, 13}, {5206, 520602, 10}, {5226, 522601, 20}, {5223, 522301, 10},
    // elsewhere 44
    {5001, 500112, 10}, {5101, 510107, 8}, {5301, 530102, 6}, {4501, 450102, 6}, {4301, 430102, 5},
    {4201, 420106, 3}, {3601, 360102, 2}, {3702, 370211, 1}, {4101, 410105, 1}, {6101, 610113, 1},
    {4502, 450202, 1},
}};

// Occupations (职业分类大典 codes as numbers) per mille: major group 6 (production, 55 %) and 4
// (services, 34 %) dominate, as in the jobs rural migrant workers take (manufacturing, building,
// logistics, catering, housekeeping).
struct Occupation {
  OccupationCode code;
  int weight;
};
constexpr std::array<Occupation, 20> kOccupations = {{
    {6310103, 90}, {6310101, 70}, {6250100, 60}, {6050100, 60}, {6210100, 50}, {6240100, 45}, {6290100, 40},
    {6990000, 80}, {4020100, 60}, {4030100, 50}, {4070100, 50}, {4100100, 45}, {4010100, 40}, {4140100, 35},
    {5010100, 30}, {5050100, 25}, {3010100, 30}, {2020100, 20}, {6280100, 60}, {4990000, 60},
}};

template <typename T, size_t N>
constexpr int WeightOf(const std::array<T, N>& items) {
  int total = 0;
  for (const T& item : items) total += item.weight;
  return total;
}
static_assert(WeightOf(kCities) == 1000 && WeightOf(kOccupations) == 1000, "shares are per mille");

constexpr int kCertificateKinds = 30;
constexpr int kVillagesPerCounty = 300;  // 15 towns of 20 villages
constexpr int kEmployersPerVillage = 6;  // where a village's people already work (老乡带老乡)

// A small, fast generator for one record's draws (SplitMix64: seeding per record must be cheap, as
// a million records are drawn; the statistical quality needed here is modest).
class SplitMix64 {
 public:
  using result_type = uint64_t;
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return ~result_type(0); }
  result_type operator()() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

 private:
  uint64_t state_;
};

class Draw {
 public:
  Draw(uint64_t seed, uint64_t salt, int64_t index) : rng_(seed * 1000003ULL + salt * 0x100000000ULL + uint64_t(index)) {}
  int Below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  bool Chance(int per_mille) { return Below(1000) < per_mille; }
  // Log-normal with the given median and spread (σ of the logarithm).
  double LogNormal(double median, double sigma) { return std::lognormal_distribution<double>(std::log(median), sigma)(rng_); }
  // A value from bands [edges[i], edges[i+1]) drawn with the given weights, uniform within a band.
  double Banded(std::initializer_list<double> edges, std::initializer_list<double> weights) {
    return std::piecewise_constant_distribution<double>(edges.begin(), edges.end(), weights.begin())(rng_);
  }
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
  SplitMix64 rng_;
};

uint64_t VillageOf(uint32_t county, int index) {
  return uint64_t(county) * 1000000ULL + uint64_t(100 + index / 20) * 1000ULL + uint64_t(200 + index % 20);
}

// 农民工 schooling: 初中 a little over half, then 高中 and 小学, few 大专 and above.
Education SchoolingOf(Draw& d) {
  const int r = d.Below(1000);
  if (r < 10) return Education::kNone;
  if (r < 150) return Education::kPrimary;
  if (r < 700) return Education::kJuniorMiddle;
  if (r < 870) return Education::kSeniorMiddle;
  if (r < 960) return Education::kCollege;
  return Education::kBachelor;
}

template <typename T>
void SortUnique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

uint32_t CountyOfCity(const City& city, Draw& d) {
  return city.city == kHomePrefecture ? kHomeCounties[size_t(d.Below(int(kHomeCounties.size())))] : city.county;
}

// Yuan, rounded to 100, as fen.
int64_t MonthlyFen(double yuan) { return int64_t(yuan / 100.0 + 0.5) * 100 * 100; }

matching::Seeker MakeSeeker(uint64_t seed, int64_t id) {
  Draw d(seed, 1, id);
  matching::Seeker s;
  s.id = id;
  s.home_village = VillageOf(kHomeCounties[size_t(d.Below(int(kHomeCounties.size())))], d.Below(kVillagesPerCounty));
  // Working-age rural labour: few under 21, most 25–50, a long tail to 60.
  const int age = int(d.Banded({16, 21, 31, 41, 51, 61}, {4, 24, 30, 27, 15}));
  s.birth_date = (2020 - age) * 10000 + (1 + d.Below(12)) * 100 + 1 + d.Below(28);
  s.gender = d.Chance(630) ? matching::Gender::kMale : matching::Gender::kFemale;
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
    for (int n = 1 + d.Below(2); n > 0; --n) s.preferred_cities.push_back(d.Weighted(kCities).city);
  SortUnique(s.preferred_cities);
  if (d.Chance(300)) s.preferred_provinces.push_back(d.Weighted(kCities).city / 100);
  SortUnique(s.preferred_provinces);
  s.expected_wage_fen = MonthlyFen(std::clamp(d.LogNormal(5000, 0.25), 2000.0, 15000.0));
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
  j.place = uint64_t(CountyOfCity(d.Weighted(kCities), d)) * 1000000ULL;
  j.start_date = 20200301 + d.Below(3) * 100 + d.Below(28);
  j.wage_min_fen = MonthlyFen(std::clamp(d.LogNormal(4800, 0.22), 2200.0, 15000.0));
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
  // About one person in twenty is already in work, at one of the few employers their village's
  // people go to (each village has its own handful): the fellow villagers' term.
  Draw d(seed, 3, 0);
  for (int64_t p = 0; p < seekers / 20; ++p) {
    const uint32_t county = kHomeCounties[size_t(d.Below(int(kHomeCounties.size())))];
    const int village = d.Below(kVillagesPerCounty);
    const uint64_t code = VillageOf(county, village);
    Draw of_village(seed, 4, int64_t(code));
    for (int skip = d.Below(kEmployersPerVillage); skip > 0; --skip) of_village.Below(int(employers));
    world.placements.push_back({code, 1 + of_village.Below(int(employers)), 1 + d.Below(4)});
  }
  return world;
}

}  // namespace shanhai::bench

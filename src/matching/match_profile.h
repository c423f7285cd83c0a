// What the matching engine knows of a job seeker and of a job: plain values, filled by the labour
// services from the people registry, the labour ledger and the jobs ledger. Dates are yyyymmdd
// integers (20200315): whole years between two of them are (later - earlier) / 10000, which is what
// the age rule needs. Money is fen per month. Region codes are GB/T 2260 numbers (12 digits for a
// village; a job's place at county or town level is padded with zeros: 522727000000, 522727103000).
#pragma once

#include <cstdint>
#include <vector>

namespace shanhai::matching {

enum class Gender : uint8_t { kFemale = 1, kMale = 2 };
// What a job states about gender: most jobs state nothing; a requirement exists only where the law
// allows one and the posting says why (the jobs ledger enforces that, the engine obeys it).
enum class GenderRule : uint8_t { kAny = 0, kFemaleOnly = 1, kMaleOnly = 2 };

// Highest completed schooling, ordered: a job's minimum is met by this level or any above it.
enum class Education : uint8_t {
  kNone = 0, kPrimary = 1, kJuniorMiddle = 2, kSeniorMiddle = 3, kCollege = 4, kBachelor = 5, kPostgraduate = 6
};

// The household's poverty status as East–West reporting counts it: 脱贫户 and 监测对象 are "poverty".
enum class Household : uint8_t { kGeneral = 0, kPovertyLifted = 1, kMonitored = 2 };

// Where a job lies as seen from the seeker's home county (the three bands of willingness to work away).
enum class Band : uint8_t { kInCounty = 0, kInProvince = 1, kOutOfProvince = 2 };
constexpr uint8_t BandBit(Band band) { return uint8_t(1u << uint8_t(band)); }
constexpr uint8_t kAllBands = BandBit(Band::kInCounty) | BandBit(Band::kInProvince) | BandBit(Band::kOutOfProvince);

// An occupation of 《中华人民共和国职业分类大典》 as one number: "6-31-01-03" is 6310103 (major group 6,
// medium 31, minor 01, detail 03); a code given only to the minor group ends in 00. 0 = none stated.
using OccupationCode = uint32_t;
constexpr int MajorGroupOf(OccupationCode code) { return int(code / 1000000); }

struct Seeker {
  int64_t id = 0;                 // the labour ledger's record id
  uint64_t home_village = 0;      // 12-digit code of the village of household registration
  int32_t birth_date = 0;         // yyyymmdd
  Gender gender = Gender::kFemale;
  Education education = Education::kNone;
  Household household = Household::kGeneral;
  std::vector<OccupationCode> occupations;  // skills, sorted ascending, no duplicates
  std::vector<uint32_t> certificates;       // certificate kinds held, sorted ascending, no duplicates
  uint8_t willing_bands = kAllBands;        // BandBit()s of the bands the person would work in
  std::vector<uint32_t> preferred_cities;   // 4-digit city codes (4401 = 广州市), sorted, at most a few
  std::vector<uint32_t> preferred_provinces;  // 2-digit province codes (44 = 广东省), sorted
  int64_t expected_wage_fen = 0;  // monthly; 0 = not stated (no wage term)
  int64_t wage_floor_fen = 0;     // monthly; a job whose top wage is below it is never offered
  // Recommendable now: looking for work, not in work or placed, and confirmed still looking within
  // the staleness window. The labour services decide; the engine only obeys.
  bool available = true;
};

struct Job {
  int64_t id = 0;           // the jobs ledger's record id
  int64_t employer_id = 0;  // the employer's record id (fellow villagers are counted per employer)
  OccupationCode occupation = 0;
  uint64_t place = 0;       // 12-digit region code of the work place (county or town padded with zeros)
  int32_t start_date = 0;   // yyyymmdd; ages are taken on this day
  int64_t wage_min_fen = 0;  // monthly wage range
  int64_t wage_max_fen = 0;
  bool board = false;    // 包吃
  bool lodging = false;  // 包住
  int min_age = 0;       // 0 = no minimum
  int max_age = 0;       // 0 = no maximum
  GenderRule gender = GenderRule::kAny;
  Education min_education = Education::kNone;
  std::vector<uint32_t> required_certificates;  // sorted ascending, no duplicates
  // Open for recommendations: verified employer, published, not withdrawn, headcount not yet filled.
  bool open = true;
};

}  // namespace shanhai::matching

// The rules of a match, in one place: which seeker may be offered which job (hard rules, all must
// hold) and how well they fit (a score in whole points made of terms, each explained). The
// reference matcher and the index both call these, so they can only differ in speed.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "matching/match.h"
#include "matching/match_profile.h"

namespace shanhai::matching {

// Region codes are 12 digits: province = code / 10^10, city = code / 10^8, county = code / 10^6.
constexpr uint32_t ProvinceOf(uint64_t code12) { return uint32_t(code12 / 10000000000ULL); }
constexpr uint32_t CityOf(uint64_t code12) { return uint32_t(code12 / 100000000ULL); }
constexpr uint32_t CountyOf(uint64_t code12) { return uint32_t(code12 / 1000000ULL); }

Band BandOf(uint64_t home_village, uint64_t place);

// Every hard rule: both sides open, gender where the job states one, education at least the job's,
// age at the job's start within its range (whole years), every required certificate held, the
// job's band one the seeker would work in, the job's top wage not below the seeker's floor.
bool Admits(const Seeker& seeker, const Job& job);

// The job's limits on the person (start date for the age, age range, gender, schooling): a part of
// the hard rules small enough to keep beside a job in the index's lists, so most refusals need no
// look at the job itself. Admits() checks them too.
struct JobLimits {
  int32_t start_date;
  int16_t min_age;
  int16_t max_age;
  GenderRule gender;
  Education min_education;
};
JobLimits LimitsOf(const Job& job);
bool WithinLimits(const Seeker& seeker, const JobLimits& limits);

enum class ReasonKind : uint8_t {
  kWage,               // value: offered wage against expectation, whole percent (may be negative)
  kExactSkill,         // value: the occupation code the seeker holds
  kSkillGroup,         // value: the major group both share
  kBoardAndLodging,
  kBoard,
  kLodging,
  kPreferredCity,      // value: 4-digit city code
  kPreferredProvince,  // value: 2-digit province code
  kDistanceBand,       // value: the Band (in the home county, or in the home province); out of province scores 0
  kFellowVillagers,    // value: people of the seeker's village in work at this employer
  kPriority,           // value: the Household (poverty-lifted or monitored) — sensitive, staff only
};

struct Reason {
  ReasonKind kind;
  int points;
  int64_t value;
};

// How many people of `village` are in work at `employer` now (placements the labour services count).
class FellowCounts {
 public:
  virtual ~FellowCounts() = default;
  virtual int At(uint64_t village, int64_t employer) const = 0;
};

// The terms of the score, one function each, so an index can compute the part of a score that is
// the same for a whole list of candidates from the very functions Score() adds up.
enum class SkillFit : uint8_t { kNone, kSameGroup, kExact };
enum class PlaceFit : uint8_t { kNone, kProvince, kCity };  // the job lies in a preferred province / city
SkillFit SkillFitOf(const Seeker& seeker, OccupationCode job_occupation);
PlaceFit PlaceFitOf(const Seeker& seeker, uint64_t place);
int WagePoints(int64_t middle_wage_fen, int64_t expected_wage_fen);  // nondecreasing in the wage,
                                                                      // nonincreasing in the expectation
int SkillPoints(SkillFit fit);
int BoardLodgingPoints(bool board, bool lodging);
int PlacePoints(PlaceFit fit);
int BandPoints(Band band);  // nearer home scores more: work close to the family (就近就业)
int FellowPoints(int fellows);
bool HasPriority(Household household);  // 脱贫户 and 监测对象
int PriorityPoints(bool priority);
int64_t MiddleWage(const Job& job);

// The score of an admitted pair: the sum of its terms' points. When `reasons` is given, each term
// that scored (points != 0) is appended in a fixed order; their points sum to the result.
int Score(const Seeker& seeker, const Job& job, int fellows, std::vector<Reason>* reasons = nullptr);

// The job's middle wage minus the seeker's expectation (0 when not stated), in fen: Match::margin_fen.
int64_t WageMargin(const Seeker& seeker, const Job& job);

// The pair as one answer of a query (ranked_id: the job's id for a seeker's query, the seeker's for
// a job's), or nullopt when the hard rules refuse it.
std::optional<Match> MatchOf(const Seeker& seeker, const Job& job, int fellows, int64_t ranked_id);

int MaxWagePoints();    // the wage term's cap, both ways
int MaxFellowPoints();  // the fellow villagers' term's cap

}  // namespace shanhai::matching

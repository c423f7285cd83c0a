#include "matching/job_lists.h"

#include <algorithm>

#include "matching/match_rules.h"
#include "matching/run_merge.h"

namespace shanhai::matching {
namespace {

constexpr uint64_t kProvinceScale = 10000000000ULL;
constexpr uint64_t kCountyScale = 1000000ULL;

uint32_t MealsKind(bool board, bool lodging) { return (board ? 1u : 0u) | (lodging ? 2u : 0u); }
int MealsPoints(uint32_t kind) { return BoardLodgingPoints(kind & 1u, kind & 2u); }

uint32_t GroupKey(const Job& job) {
  const uint32_t group = job.occupation == 0 ? 0u : uint32_t(MajorGroupOf(job.occupation)) + 1;
  return group * 4 + MealsKind(job.board, job.lodging);
}
uint64_t CodeKey(OccupationCode code, uint32_t meals) { return uint64_t(code) * 4 + meals; }

struct Fit {
  SkillFit skill;
  PlaceFit place;
};

}  // namespace

JobLists::Entry JobLists::EntryOf(const Job& job, uint32_t slot) {
  return {MiddleWage(job), job.id, slot, job.occupation, CountyOf(job.place), LimitsOf(job)};
}

template <typename Fn>
void JobLists::ForEachRun(const Job& job, bool create, Fn fn) {
  const uint32_t ids[kLevels] = {ProvinceOf(job.place), CityOf(job.place), CountyOf(job.place)};
  for (int level = 0; level < kLevels; ++level) {
    auto& places = places_[level];
    auto place = places.find(ids[level]);
    if (place == places.end()) {
      if (!create) continue;
      place = places.emplace(ids[level], Place{}).first;
    }
    auto visit = [&](auto& runs, auto key) {
      auto run = runs.find(key);
      if (run == runs.end()) {
        if (!create) return;
        run = runs.emplace(key, Run{}).first;
      }
      fn(run->second);
      if (run->second.empty()) runs.erase(run);
    };
    visit(place->second.by_group, GroupKey(job));
    if (job.occupation != 0) visit(place->second.by_code, CodeKey(job.occupation, MealsKind(job.board, job.lodging)));
    if (place->second.empty()) {
      if (level == kCountyLevel) counties_of_province_[ProvinceOf(job.place)].erase(ids[level]);
      places.erase(place);
    } else if (level == kCountyLevel) {
      counties_of_province_[ProvinceOf(job.place)].insert(ids[level]);
    }
  }
}

void JobLists::Insert(const Job& job, uint32_t slot) {
  const Entry entry = EntryOf(job, slot);
  ForEachRun(job, true, [&](Run& run) { run.Insert(entry); });
}

void JobLists::Append(const Job& job, uint32_t slot) {
  const Entry entry = EntryOf(job, slot);
  ForEachRun(job, true, [&](Run& run) { run.Append(entry); });
}

void JobLists::SortAll() {
  for (auto& places : places_)
    for (auto& [id, place] : places) {
      for (auto& [key, run] : place.by_group) run.Sort();
      for (auto& [key, run] : place.by_code) run.Sort();
    }
}

void JobLists::Erase(const Job& job, uint32_t slot) {
  const Entry entry = EntryOf(job, slot);
  ForEachRun(job, false, [&](Run& run) { run.Erase(entry); });
}

std::vector<Match> JobLists::Top(const Seeker& seeker, size_t k, const SlotStore<Job>& jobs,
                                 const std::vector<int64_t>& excluded_employers) const {
  using Cursor = RunCursor<Entry, Fit>;
  std::vector<Cursor> cursors;
  if (k == 0 || !seeker.available) return {};
  uint32_t groups = 0;  // bit (group + 1) for each major group the seeker holds
  for (OccupationCode code : seeker.occupations) groups |= 1u << (MajorGroupOf(code) + 1);
  const int priority = PriorityPoints(HasPriority(seeker.household));

  auto add_place = [&](const Place& place, PlaceFit place_fit, Band band) {
    const int base = priority + PlacePoints(place_fit) + BandPoints(band);
    for (const auto& [key, run] : place.by_group) {
      const uint32_t group = key / 4;
      const SkillFit skill = group != 0 && (groups >> group & 1u) ? SkillFit::kSameGroup : SkillFit::kNone;
      cursors.push_back({&run.items(), 0, base + SkillPoints(skill) + MealsPoints(key % 4), {skill, place_fit}});
    }
    for (OccupationCode code : seeker.occupations)
      for (uint32_t meals = 0; meals < 4; ++meals) {
        auto run = place.by_code.find(CodeKey(code, meals));
        if (run != place.by_code.end())
          cursors.push_back({&run->second.items(), 0, base + SkillPoints(SkillFit::kExact) + MealsPoints(meals),
                             {SkillFit::kExact, place_fit}});
      }
  };
  auto willing = [&](Band band) { return (seeker.willing_bands & BandBit(band)) != 0; };

  const uint32_t home_county = CountyOf(seeker.home_village);
  const uint32_t home_province = ProvinceOf(seeker.home_village);
  // The home province county by county: the band (in the county or not) differs between them.
  if (auto counties = counties_of_province_.find(home_province); counties != counties_of_province_.end())
    for (uint32_t county : counties->second) {
      const Band band = county == home_county ? Band::kInCounty : Band::kInProvince;
      if (!willing(band)) continue;
      add_place(places_[kCountyLevel].at(county), PlaceFitOf(seeker, uint64_t(county) * kCountyScale), band);
    }
  if (willing(Band::kOutOfProvince)) {
    for (uint32_t city : seeker.preferred_cities) {
      if (city / 100 == home_province) continue;  // read county by county above
      if (auto place = places_[kCityLevel].find(city); place != places_[kCityLevel].end())
        add_place(place->second, PlaceFit::kCity, Band::kOutOfProvince);
    }
    for (const auto& [province, place] : places_[kProvinceLevel])
      if (province != home_province)
        add_place(place, PlaceFitOf(seeker, uint64_t(province) * kProvinceScale), Band::kOutOfProvince);
  }

  auto head = [&](const Cursor& cursor, const Entry& e) {
    return Match{e.id, cursor.constant + WagePoints(e.middle_wage, seeker.expected_wage_fen),
                 e.middle_wage - seeker.expected_wage_fen};
  };
  auto accept = [&](const Cursor& cursor, const Entry& e) {
    if (SkillFitOf(seeker, e.occupation) != cursor.fit.skill ||
        PlaceFitOf(seeker, uint64_t(e.county) * kCountyScale) != cursor.fit.place || !WithinLimits(seeker, e.limits))
      return false;
    const Job& job = jobs.at(e.slot);
    return !std::binary_search(excluded_employers.begin(), excluded_employers.end(), job.employer_id) &&
           Admits(seeker, job);
  };
  return MergeTop(std::move(cursors), k, MaxWagePoints(), head, accept);
}

}  // namespace shanhai::matching

#include "matching/seeker_lists.h"

#include <algorithm>

#include "matching/match_rules.h"
#include "matching/run_merge.h"

namespace shanhai::matching {
namespace {

constexpr uint32_t kPriorityFlag = 1;
constexpr uint32_t kExpectationFlag = 2;

uint32_t GroupSkill(OccupationCode code) { return uint32_t(MajorGroupOf(code)) + 1; }

struct Fit {
  SkillFit skill;
  PlaceFit place;
};

}  // namespace

size_t SeekerLists::KeyHash::operator()(const Key& k) const {
  uint64_t h = k.home * 0x9E3779B97F4A7C15ULL;
  h ^= (uint64_t(k.skill) + 0x632BE59BD9B4E019ULL + (h << 6) + (h >> 2));
  h ^= (uint64_t(k.place) * 0xC2B2AE3D27D4EB4FULL + (h << 6) + (h >> 2));
  h ^= uint64_t(k.flags) + (h << 6) + (h >> 2);
  return size_t(h);
}

uint64_t SeekerLists::HomeOf(const Seeker& seeker) const {
  return grouping_ == Grouping::kCounty ? CountyOf(seeker.home_village) : seeker.home_village;
}

uint64_t SeekerLists::HomeVillageCode(uint64_t home) const {
  return grouping_ == Grouping::kCounty ? home * 1000000ULL : home;
}

template <typename Fn>
void SeekerLists::ForEachRun(const Seeker& seeker, bool create, Fn fn) {
  std::vector<uint32_t> skills = {0};
  for (OccupationCode code : seeker.occupations) {
    skills.push_back(code);
    if (std::find(skills.begin(), skills.end(), GroupSkill(code)) == skills.end()) skills.push_back(GroupSkill(code));
  }
  std::vector<uint32_t> places = {0};
  places.insert(places.end(), seeker.preferred_cities.begin(), seeker.preferred_cities.end());
  places.insert(places.end(), seeker.preferred_provinces.begin(), seeker.preferred_provinces.end());
  const uint8_t flags = uint8_t((HasPriority(seeker.household) ? kPriorityFlag : 0) |
                                (seeker.expected_wage_fen > 0 ? kExpectationFlag : 0));
  const uint64_t home = HomeOf(seeker);
  for (uint32_t skill : skills)
    for (uint32_t place : places) {
      const Key key{home, skill, place, flags};
      auto run = runs_.find(key);
      if (run == runs_.end()) {
        if (!create) continue;
        run = runs_.emplace(key, Run{}).first;
      }
      fn(run->second);
      if (run->second.empty()) runs_.erase(run);
    }
}

void SeekerLists::Insert(const Seeker& seeker, uint32_t slot) {
  const Entry entry{seeker.expected_wage_fen, seeker.id, slot};
  ForEachRun(seeker, true, [&](Run& run) { run.Insert(entry); });
  ++seekers_per_home_[HomeOf(seeker)];
  ++seekers_;
}

void SeekerLists::Append(const Seeker& seeker, uint32_t slot) {
  const Entry entry{seeker.expected_wage_fen, seeker.id, slot};
  ForEachRun(seeker, true, [&](Run& run) { run.Append(entry); });
  ++seekers_per_home_[HomeOf(seeker)];
  ++seekers_;
}

void SeekerLists::SortAll() {
  for (auto& [key, run] : runs_) run.Sort();
}

void SeekerLists::Erase(const Seeker& seeker, uint32_t slot) {
  const Entry entry{seeker.expected_wage_fen, seeker.id, slot};
  ForEachRun(seeker, false, [&](Run& run) { run.Erase(entry); });
  auto count = seekers_per_home_.find(HomeOf(seeker));
  if (count == seekers_per_home_.end()) return;
  --seekers_;
  if (--count->second == 0) seekers_per_home_.erase(count);
}

std::vector<Match> SeekerLists::Top(const Job& job, size_t k, const SlotStore<Seeker>& seekers,
                                    const std::vector<uint64_t>& excluded_villages) const {
  std::vector<std::pair<uint64_t, int>> everyone;
  everyone.reserve(seekers_per_home_.size());
  for (const auto& [home, count] : seekers_per_home_) everyone.push_back({home, 0});
  return Merge(job, k, seekers, everyone, excluded_villages);
}

std::vector<Match> SeekerLists::TopOf(const Job& job, size_t k, const SlotStore<Seeker>& seekers,
                                      const std::vector<std::pair<uint64_t, int>>& groups_with_points) const {
  return Merge(job, k, seekers, groups_with_points, {});
}

std::vector<Match> SeekerLists::Merge(const Job& job, size_t k, const SlotStore<Seeker>& seekers,
                                      const std::vector<std::pair<uint64_t, int>>& groups_with_points,
                                      const std::vector<uint64_t>& excluded_villages) const {
  using Cursor = RunCursor<Entry, Fit>;
  if (k == 0 || !job.open) return {};
  std::vector<std::pair<uint32_t, SkillFit>> skills = {{0, SkillFit::kNone}};
  if (job.occupation != 0) {
    skills.push_back({job.occupation, SkillFit::kExact});
    skills.push_back({GroupSkill(job.occupation), SkillFit::kSameGroup});
  }
  const std::pair<uint32_t, PlaceFit> places[] = {
      {0, PlaceFit::kNone}, {CityOf(job.place), PlaceFit::kCity}, {ProvinceOf(job.place), PlaceFit::kProvince}};
  const int meals = BoardLodgingPoints(job.board, job.lodging);
  std::vector<Cursor> cursors;
  for (const auto& [home, extra] : groups_with_points) {  // the band's willingness is a hard rule: Admits
    const int group_points = meals + extra + BandPoints(BandOf(HomeVillageCode(home), job.place));
    for (const auto& [skill_key, skill] : skills)
      for (const auto& [place_key, place] : places)
        for (uint8_t flags = 0; flags < 4; ++flags) {
          auto run = runs_.find(Key{home, skill_key, place_key, flags});
          if (run == runs_.end()) continue;
          const int constant = group_points + SkillPoints(skill) + PlacePoints(place) +
                               PriorityPoints(flags & kPriorityFlag);
          cursors.push_back({&run->second.items(), 0, constant, {skill, place}});
        }
  }
  const int64_t middle = MiddleWage(job);
  auto head = [&](const Cursor& cursor, const Entry& e) {
    return Match{e.id, cursor.constant + WagePoints(middle, e.expected_wage), middle - e.expected_wage};
  };
  auto accept = [&](const Cursor& cursor, const Entry& e) {
    const Seeker& seeker = seekers.at(e.slot);
    return SkillFitOf(seeker, job.occupation) == cursor.fit.skill &&
           PlaceFitOf(seeker, job.place) == cursor.fit.place &&
           !std::binary_search(excluded_villages.begin(), excluded_villages.end(), seeker.home_village) &&
           Admits(seeker, job);
  };
  return MergeTop(std::move(cursors), k, MaxWagePoints(), head, accept);
}

}  // namespace shanhai::matching

#include "matching_dump.h"

#include <cstdio>
#include <map>
#include <memory>

#include "matching/match_rules.h"

namespace shanhai::bench {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

File Open(const std::string& dir, const char* name, const char* header) {
  File f(std::fopen((dir + "/" + name).c_str(), "w"));
  if (f) std::fprintf(f.get(), "%s\n", header);
  return f;
}

template <typename T>
void Rows(std::FILE* f, int64_t owner, const std::vector<T>& values) {
  for (const T& v : values) std::fprintf(f, "%lld,%lld\n", static_cast<long long>(owner), static_cast<long long>(v));
}

}  // namespace

bool DumpWorld(const MatchingWorld& world, const std::string& dir) {
  File seekers = Open(dir, "seekers.csv",
                      "id,home_village,county,province,birth_date,gender,education,household,willing_bands,"
                      "expected_wage,wage_floor,available");
  File occupations = Open(dir, "seeker_occupations.csv", "seeker_id,code");
  File certificates = Open(dir, "seeker_certificates.csv", "seeker_id,certificate");
  File cities = Open(dir, "seeker_cities.csv", "seeker_id,city");
  File provinces = Open(dir, "seeker_provinces.csv", "seeker_id,province");
  File jobs = Open(dir, "jobs.csv",
                   "id,employer_id,occupation,county,city,province,start_date,wage_min,wage_max,middle,board,lodging,"
                   "min_age,max_age,gender,min_education,open");
  File required = Open(dir, "job_certificates.csv", "job_id,certificate");
  File fellows = Open(dir, "fellows.csv", "village,employer,people");
  if (!seekers || !occupations || !certificates || !cities || !provinces || !jobs || !required || !fellows) return false;
  for (const matching::Seeker& s : world.seekers) {
    std::fprintf(seekers.get(), "%lld,%llu,%u,%u,%d,%d,%d,%d,%d,%lld,%lld,%d\n", static_cast<long long>(s.id),
                 static_cast<unsigned long long>(s.home_village), matching::CountyOf(s.home_village),
                 matching::ProvinceOf(s.home_village), s.birth_date, int(s.gender), int(s.education), int(s.household),
                 int(s.willing_bands), static_cast<long long>(s.expected_wage_fen),
                 static_cast<long long>(s.wage_floor_fen), s.available ? 1 : 0);
    Rows(occupations.get(), s.id, s.occupations);
    Rows(certificates.get(), s.id, s.certificates);
    Rows(cities.get(), s.id, s.preferred_cities);
    Rows(provinces.get(), s.id, s.preferred_provinces);
  }
  for (const matching::Job& j : world.jobs) {
    std::fprintf(jobs.get(), "%lld,%lld,%u,%u,%u,%u,%d,%lld,%lld,%lld,%d,%d,%d,%d,%d,%d,%d\n",
                 static_cast<long long>(j.id), static_cast<long long>(j.employer_id), j.occupation,
                 matching::CountyOf(j.place), matching::CityOf(j.place), matching::ProvinceOf(j.place), j.start_date,
                 static_cast<long long>(j.wage_min_fen), static_cast<long long>(j.wage_max_fen),
                 static_cast<long long>(matching::MiddleWage(j)), j.board ? 1 : 0, j.lodging ? 1 : 0, j.min_age,
                 j.max_age, int(j.gender), int(j.min_education), j.open ? 1 : 0);
    Rows(required.get(), j.id, j.required_certificates);
  }
  std::map<std::pair<uint64_t, int64_t>, int> summed;
  for (const Placement& p : world.placements) summed[{p.village, p.employer}] += p.people;
  for (const auto& [key, people] : summed)
    std::fprintf(fellows.get(), "%llu,%lld,%d\n", static_cast<unsigned long long>(key.first),
                 static_cast<long long>(key.second), people);
  return true;
}

bool DumpAnswers(const std::vector<SampleAnswer>& answers, const std::string& dir) {
  File f = Open(dir, "sample.csv", "seeker_id,rank,job_id,points,margin");
  if (!f) return false;
  for (const SampleAnswer& a : answers)
    for (size_t i = 0; i < a.top.size(); ++i)
      std::fprintf(f.get(), "%lld,%zu,%lld,%d,%lld\n", static_cast<long long>(a.seeker_id), i + 1,
                   static_cast<long long>(a.top[i].id), a.top[i].points, static_cast<long long>(a.top[i].margin_fen));
  return true;
}

}  // namespace shanhai::bench

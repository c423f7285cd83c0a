#include "indicators/labor_figures.h"

#include <map>
#include <set>

#include "domain/labor/employment_spells.h"

namespace shanhai {

namespace {

// sum / n rounded half up (sum >= 0, n > 0): wages are never negative.
int64_t MeanHalfUp(int64_t sum, int64_t n) { return n == 0 ? 0 : (2 * sum + n) / (2 * n); }

}  // namespace

FoldedFigure DistinctPeople(const std::vector<PersonRow>& rows, const std::string&, const std::string&) {
  // One person, one count: the same ID number is one people.id (the registry keys on it).
  std::set<int64_t> all, poor;
  for (const PersonRow& r : rows) {
    all.insert(r.person);
    if (r.poor) poor.insert(r.person);
  }
  return {int64_t(all.size()), int64_t(poor.size())};
}

FoldedFigure RowsCounted(const std::vector<PersonRow>& rows, const std::string&, const std::string&) {
  FoldedFigure out;
  for (const PersonRow& r : rows) {
    ++out.value;
    out.poverty += r.poor;
  }
  return out;
}

PeopleFold StablePeople(int months) {
  return [months](const std::vector<PersonRow>& rows, const std::string& from, const std::string& to) {
    // A person's spells together: runs chain across spells, not only within one.
    std::map<int64_t, std::vector<EmploymentSpell>> spells;
    std::map<int64_t, bool> poor;
    for (const PersonRow& r : rows) {
      spells[r.person].push_back({AsText(r.values[0]), AsText(r.values[1])});
      poor[r.person] = r.poor;
    }
    FoldedFigure out;
    for (const auto& [person, own] : spells) {
      if (!StableInPeriod(own, months, from, to)) continue;
      ++out.value;
      out.poverty += poor[person];
    }
    return out;
  };
}

FoldedFigure MeanMonthlyWage(const std::vector<PersonRow>& rows, const std::string&, const std::string&) {
  int64_t sum = 0, n = 0, poor_sum = 0, poor_n = 0;
  for (const PersonRow& r : rows) {
    const int64_t wage = AsInt(r.values[2]);
    sum += wage;
    ++n;
    if (r.poor) {
      poor_sum += wage;
      ++poor_n;
    }
  }
  return {MeanHalfUp(sum, n), MeanHalfUp(poor_sum, poor_n)};
}

}  // namespace shanhai

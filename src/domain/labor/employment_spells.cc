#include "domain/labor/employment_spells.h"

#include <algorithm>
#include <chrono>
#include <numeric>

namespace shanhai {

namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

int Digits(std::string_view s, size_t from, size_t n) {
  int v = 0;
  for (size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// Day number of an ISO date (callers pass valid ones).
int64_t DayOf(std::string_view iso) {
  const year_month_day ymd{std::chrono::year(Digits(iso, 0, 4)), std::chrono::month(unsigned(Digits(iso, 5, 2))),
                           std::chrono::day(unsigned(Digits(iso, 8, 2)))};
  return sys_days(ymd).time_since_epoch().count();
}

// Months as one number: year * 12 + (month - 1).
int MonthIndex(std::string_view yyyy_mm) { return Digits(yyyy_mm, 0, 4) * 12 + Digits(yyyy_mm, 5, 2) - 1; }

int64_t FirstDayOfMonth(int month_index) {
  const year_month_day ymd{std::chrono::year(month_index / 12), std::chrono::month(unsigned(month_index % 12 + 1)),
                           std::chrono::day(1)};
  return sys_days(ymd).time_since_epoch().count();
}

constexpr int64_t kOpenEnd = INT64_MAX / 2;

struct DayRange {
  int64_t first, last;  // inclusive
};

DayRange RangeOf(const EmploymentSpell& s) { return {DayOf(s.start), s.end.empty() ? kOpenEnd : DayOf(s.end)}; }

// Days of `month_index` up to `as_of_day` covered by some spell (spells must not overlap).
int64_t CoveredDays(const std::vector<DayRange>& ranges, int month_index, int64_t as_of_day) {
  const int64_t first = FirstDayOfMonth(month_index);
  const int64_t last = std::min(FirstDayOfMonth(month_index + 1) - 1, as_of_day);
  int64_t covered = 0;
  for (const DayRange& r : ranges) {
    const int64_t a = std::max(first, r.first), b = std::min(last, r.last);
    if (a <= b) covered += b - a + 1;
  }
  return covered;
}

std::vector<DayRange> Ranges(const std::vector<EmploymentSpell>& spells) {
  std::vector<DayRange> ranges;
  ranges.reserve(spells.size());
  for (const EmploymentSpell& s : spells) ranges.push_back(RangeOf(s));
  return ranges;
}

}  // namespace

std::optional<std::pair<size_t, size_t>> FirstOverlap(const std::vector<EmploymentSpell>& spells) {
  std::vector<size_t> order(spells.size());
  std::iota(order.begin(), order.end(), 0);
  const std::vector<DayRange> ranges = Ranges(spells);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ranges[a].first < ranges[b].first; });
  for (size_t i = 1; i < order.size(); ++i) {
    // Sorted by start, a spell overlaps an earlier one exactly when it starts before the latest end so far;
    // checking the previous one suffices once the earlier ones are known not to overlap each other.
    if (ranges[order[i]].first <= ranges[order[i - 1]].last) return std::make_pair(order[i - 1], order[i]);
  }
  return std::nullopt;
}

bool InWorkOn(const std::vector<EmploymentSpell>& spells, std::string_view date) {
  const int64_t day = DayOf(date);
  return std::any_of(spells.begin(), spells.end(), [&](const EmploymentSpell& s) {
    const DayRange r = RangeOf(s);
    return r.first <= day && day <= r.last;
  });
}

std::vector<bool> WorkedMonths(const std::vector<EmploymentSpell>& spells, std::string_view first_month,
                               std::string_view last_month, std::string_view as_of) {
  const std::vector<DayRange> ranges = Ranges(spells);
  const int64_t as_of_day = DayOf(as_of);
  std::vector<bool> worked;
  for (int m = MonthIndex(first_month); m <= MonthIndex(last_month); ++m)
    worked.push_back(CoveredDays(ranges, m, as_of_day) >= kWorkedMonthMinDays);
  return worked;
}

int MonthsWorked(const std::vector<EmploymentSpell>& spells, std::string_view first_month, std::string_view last_month,
                 std::string_view as_of) {
  const std::vector<bool> worked = WorkedMonths(spells, first_month, last_month, as_of);
  return int(std::count(worked.begin(), worked.end(), true));
}

int LongestContinuousMonths(const std::vector<EmploymentSpell>& spells, std::string_view first_month,
                            std::string_view last_month, std::string_view as_of) {
  int longest = 0, run = 0;
  for (bool w : WorkedMonths(spells, first_month, last_month, as_of)) {
    run = w ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

bool StableInPeriod(const std::vector<EmploymentSpell>& spells, int months, std::string_view first_month,
                    std::string_view last_month, std::string_view as_of) {
  return LongestContinuousMonths(spells, first_month, last_month, as_of) >= months;
}

}  // namespace shanhai

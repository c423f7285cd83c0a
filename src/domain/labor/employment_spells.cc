#include "domain/labor/employment_spells.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
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

year_month_day YmdOf(std::string_view iso) {
  return {std::chrono::year(Digits(iso, 0, 4)), std::chrono::month(unsigned(Digits(iso, 5, 2))),
          std::chrono::day(unsigned(Digits(iso, 8, 2)))};
}

// Day number of an ISO date (callers pass valid ones).
int64_t DayOf(std::string_view iso) { return sys_days(YmdOf(iso)).time_since_epoch().count(); }

std::string IsoOf(int64_t day) {
  const year_month_day ymd{sys_days(std::chrono::days(day))};
  char out[11];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()));
  return out;
}

constexpr int64_t kOpenEnd = INT64_MAX / 2;

struct DayRange {
  int64_t first, last;  // inclusive
};

DayRange RangeOf(const EmploymentSpell& s) { return {DayOf(s.start), s.end.empty() ? kOpenEnd : DayOf(s.end)}; }

std::vector<DayRange> Ranges(const std::vector<EmploymentSpell>& spells) {
  std::vector<DayRange> ranges;
  ranges.reserve(spells.size());
  for (const EmploymentSpell& s : spells) ranges.push_back(RangeOf(s));
  return ranges;
}

// The last day a run from `first` must reach to last `months` whole months: the day before the
// same day-of-month `months` later, or that month's last day when it has no such day.
int64_t LastDayOfMonths(const year_month_day& first, int months) {
  const std::chrono::year_month target =
      std::chrono::year_month(first.year(), first.month()) + std::chrono::months(months);
  const year_month_day same_day{target.year(), target.month(), first.day()};
  if (!same_day.ok()) {
    const std::chrono::year_month_day_last month_end(target.year(), std::chrono::month_day_last(target.month()));
    return sys_days(month_end).time_since_epoch().count();
  }
  return sys_days(same_day).time_since_epoch().count() - 1;
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
  return std::any_of(spells.begin(), spells.end(), [&](const EmploymentSpell& s) { return HasDayIn(s, date, date); });
}

bool HasDayIn(const EmploymentSpell& spell, std::string_view from, std::string_view to) {
  // ISO dates compare as strings; an open end is after every date.
  return (to.empty() || spell.start <= to) && (from.empty() || spell.end.empty() || spell.end >= from);
}

std::vector<WorkRun> WorkRuns(const std::vector<EmploymentSpell>& spells, std::string_view from, std::string_view to) {
  std::vector<DayRange> ranges = Ranges(spells);
  std::sort(ranges.begin(), ranges.end(), [](const DayRange& a, const DayRange& b) { return a.first < b.first; });
  const int64_t lo = from.empty() ? INT64_MIN / 2 : DayOf(from), hi = DayOf(to);
  std::vector<WorkRun> runs;
  std::optional<DayRange> run;
  auto close = [&] {
    // Clipped to the period: only its days count; an open spell runs to its end.
    const int64_t first = std::max(run->first, lo), last = std::min(run->last, hi);
    if (first <= last) runs.push_back({IsoOf(first), IsoOf(last)});
  };
  for (const DayRange& r : ranges) {
    // Chains when it starts at most one idle day after the run's end (end + 2), or overlaps it.
    if (run && r.first <= run->last + 2) {
      run->last = std::max(run->last, r.last);
      continue;
    }
    if (run) close();
    run = r;
  }
  if (run) close();
  return runs;
}

int RunMonths(std::string_view first, std::string_view last) {
  const year_month_day a = YmdOf(first), b = YmdOf(last);
  // At most one more than the calendar months between them (1 January..31 March is 3 months).
  int months = (int(b.year()) - int(a.year())) * 12 + int(unsigned(b.month())) - int(unsigned(a.month())) + 1;
  const int64_t last_day = DayOf(last);
  while (months > 0 && LastDayOfMonths(a, months) > last_day) --months;
  return months;
}

int LongestRunMonths(const std::vector<EmploymentSpell>& spells, std::string_view from, std::string_view to) {
  int longest = 0;
  for (const WorkRun& run : WorkRuns(spells, from, to)) longest = std::max(longest, RunMonths(run.first, run.last));
  return longest;
}

bool StableInPeriod(const std::vector<EmploymentSpell>& spells, int months, std::string_view from,
                    std::string_view to) {
  return LongestRunMonths(spells, from, to) >= months;
}

}  // namespace shanhai

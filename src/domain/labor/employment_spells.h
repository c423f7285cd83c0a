// Work as dated employment spells, and what reporting and subsidies derive from them — "in work on
// date D", a spell with a day in a period, continuous runs of work and their length in months,
// stable at N months — so none of it is ever typed in. Pure functions over plain values; thread-safe.
//
// The counting rules (DOMAIN.md "Counting rules for labour"; a change gets a new name, never a
// silent edit):
// - A period is inclusive at both ends; an empty bound is open.
// - Runs: one person's spells chain into one continuous run of work when the next starts no more
//   than one idle day after the previous ends (ends 10 March, next starts 12 March: one run);
//   overlapping spells chain too. An open spell (no end) runs to the end of the period.
// - A run from day A lasts N months when it reaches the day before the same day-of-month N months
//   later (2021-01-15 → 2021-04-14 is exactly 3 months). Where that month has no such day (A on
//   the 31st, N months later a 30-day month or February), the run must reach that month's last day.
// - Stable at N months: a run of at least N months inside the period (the run clipped to it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shanhai {

struct EmploymentSpell {
  std::string start;  // ISO date, first day at work
  std::string end;    // ISO date, last day at work; "" while still in work
};

// A continuous run of work, both ends inclusive (ISO dates).
struct WorkRun {
  std::string first, last;
};

// The indexes of two spells of `spells` that share a day (ends inclusive; an open spell runs
// for ever), the earlier-starting first; nullopt when none do. Dates must be ISO.
std::optional<std::pair<size_t, size_t>> FirstOverlap(const std::vector<EmploymentSpell>& spells);

// In work on `date` (ISO): some spell has start <= date <= end (or no end).
bool InWorkOn(const std::vector<EmploymentSpell>& spells, std::string_view date);

// The spell has a day in the period [from, to] (ISO, "" = open on that side).
bool HasDayIn(const EmploymentSpell& spell, std::string_view from, std::string_view to);

// The runs of work of one person's spells (in any order) inside the period [from, to]: chained as
// the rules say, then clipped to the period, oldest first. `to` must be given (an open spell runs
// to it); `from` may be "" (no lower clip). Dates must be ISO.
std::vector<WorkRun> WorkRuns(const std::vector<EmploymentSpell>& spells, std::string_view from, std::string_view to);

// The whole months a run from `first` to `last` (ISO, first <= last) lasts under the rule above:
// 2021-01-15..2021-04-14 → 3, ..2021-04-13 → 2.
int RunMonths(std::string_view first, std::string_view last);

// The longest run inside the period, in whole months (0 without work in it).
int LongestRunMonths(const std::vector<EmploymentSpell>& spells, std::string_view from, std::string_view to);

// Stable at `months` in the period: some run inside it lasts at least that many months.
bool StableInPeriod(const std::vector<EmploymentSpell>& spells, int months, std::string_view from,
                    std::string_view to);

}  // namespace shanhai

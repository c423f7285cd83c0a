// Work as dated employment spells, and everything reporting derives from them — "in work on
// date D", the months worked in a period, continuous months, stable at 3 / 6 months — so none of
// it is ever typed in. Pure functions over plain values; thread-safe.
//
// The counting rule (one place, versioned by name if it ever changes): a calendar month counts as
// worked when the person's spells cover at least kWorkedMonthMinDays of its days (days after
// `as_of` are not yet worked). So a separation on the 10th and re-employment on the 20th of one
// month keep the month, and a spell from 20 November to 10 February works December and January.
// Continuous months are consecutive worked months; a month not worked breaks the run.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shanhai {

inline constexpr int kWorkedMonthMinDays = 15;

struct EmploymentSpell {
  std::string start;  // ISO date, first day at work
  std::string end;    // ISO date, last day at work; "" while still in work
};

// The indexes of two spells of `spells` that share a day (ends inclusive; an open spell runs
// for ever), the earlier-starting first; nullopt when none do. Dates must be ISO.
std::optional<std::pair<size_t, size_t>> FirstOverlap(const std::vector<EmploymentSpell>& spells);

// In work on `date` (ISO): some spell has start <= date <= end (or no end).
bool InWorkOn(const std::vector<EmploymentSpell>& spells, std::string_view date);

// Whether each month from `first_month` to `last_month` ("YYYY-MM", inclusive, first <= last)
// was worked under the rule above, counting no day after `as_of` (ISO).
std::vector<bool> WorkedMonths(const std::vector<EmploymentSpell>& spells, std::string_view first_month,
                               std::string_view last_month, std::string_view as_of);

// The number of worked months from `first_month` to `last_month`, and the longest run of them.
int MonthsWorked(const std::vector<EmploymentSpell>& spells, std::string_view first_month,
                 std::string_view last_month, std::string_view as_of);
int LongestContinuousMonths(const std::vector<EmploymentSpell>& spells, std::string_view first_month,
                            std::string_view last_month, std::string_view as_of);

// Stable at `months` (3 or 6) in the period: a run of at least that many continuous worked
// months inside it.
bool StableInPeriod(const std::vector<EmploymentSpell>& spells, int months, std::string_view first_month,
                    std::string_view last_month, std::string_view as_of);

}  // namespace shanhai

// 劳务协作 figures folded from people's records (IndicatorDef::fold), each counting rule of
// DOMAIN.md "Counting rules for labour" beside its computation. Rows come from the engine: the
// person (people.id), whether their household is 脱贫户 or 监测对象, then the indicator's columns.
// Pure functions; thread-safe.
#pragma once

#include "indicators/indicator_def.h"

namespace shanhai {

// People among rows, each counted once however many rows (spells) they have; 其中脱贫人口 the
// poor among them. The period is the rows' already (the engine selected them by it).
FoldedFigure DistinctPeople(const std::vector<PersonRow>& rows, const std::string& from, const std::string& to);

// The rows themselves (interviews held), and those of poor people.
FoldedFigure RowsCounted(const std::vector<PersonRow>& rows, const std::string& from, const std::string& to);

// People whose spells (rows' values: start_date, end_date) make a run of at least `months`
// months inside the period (employment_spells.h: chaining, month length, open spells).
PeopleFold StablePeople(int months);

// The mean of the rows' monthly wages (values[2], fen; one per spell with a day in the period),
// rounded half up; 其中脱贫人口: the mean over poor people's spells. 0 without spells.
FoldedFigure MeanMonthlyWage(const std::vector<PersonRow>& rows, const std::string& from, const std::string& to);

}  // namespace shanhai

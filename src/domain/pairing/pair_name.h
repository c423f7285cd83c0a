// Which stored pair a person means by what they type where a pair is asked for — an import's
// 帮扶关系 cell, the CLI's --pair: its code ("440111-522727"); its name as the console shows it
// ("广州市白云区—黔南州平塘县"), with any dash, arrow or "到" between the sides and blanks anywhere,
// each side called by any name FindRegionsByName knows ("白云区-平塘县", "白云到平塘"); or one side
// alone ("平塘县") when exactly one of the pairs has that side. The one place that reads a pair's
// name; pure but for StoredPairCodeNamed and PairScopeNamed, which read the pairs table.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/ledger/actor.h"
#include "domain/pairing/pair_scope.h"
#include "regions/region_catalog.h"
#include "storage/database.h"

namespace shanhai {

// True for "CODE-CODE", digits on both sides of one '-': a pair given by its code, which the
// functions below return as typed for their callers to check (the pairs table, PairScope::Parse).
bool IsPairCode(std::string_view text);

// The error for a pair that does not exist (NotFound, zh/en, quoting typed, saying how a pair is
// written).
Status NoPairNamed(std::string_view typed);

// The code of the one pair of pair_codes that typed names (see above), or typed itself when it is
// a code (blanks dropped, any dash as '-'). Errors, in Chinese and English, quoting typed: NoPairNamed when no pair is so named; InvalidArgument when several are, naming each by name and code so that
// the user may copy either. Thread-safe.
Result<std::string> PairCodeNamed(const RegionCatalog& catalog, const std::vector<std::string>& pair_codes,
                                  std::string_view typed);

// PairCodeNamed over every pair stored in db, or with seen_by over the pairs that actor sees
// (PairVisibleTo): a name then never finds, nor lists as a candidate, a pair out of its sight.
Result<std::string> StoredPairCodeNamed(Database& db, std::string_view typed, const Actor* seen_by = nullptr);

// A pair scope as a person gives it on the command line or in an API query (?pair=): a code as
// PairScope::Parse takes it (a province or city pair that rolls up stored ones included), else a
// stored pair's name or side (StoredPairCodeNamed, among the pairs seen_by sees when given). Digits
// and dashes alone are taken as a code, refused as Parse refuses a malformed one.
Result<PairScope> PairScopeNamed(Database& db, std::string_view typed, const Actor* seen_by = nullptr);

}  // namespace shanhai

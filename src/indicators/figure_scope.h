// What the figures of a pair count when the actor's data scope covers only part of the pair: the
// dashboard and the report say so ("统计范围：黔南州平塘县卡蒲毛南族乡"), so that a town's or an
// organisation's figures are not read as the whole pair's.
#pragma once

#include <boost/json.hpp>
#include <string>

#include "domain/ledger/ledger_service.h"

namespace shanhai {

enum class FigureScopeKind {
  kWholePair,  // the actor sees every record of the pair: nothing to say
  kRegion,     // only the records in the actor's region (a town, a village, or a county of a city pair)
  kOwner,      // only the records of the actor's organisation
};

struct FigureScope {
  FigureScopeKind kind = FigureScopeKind::kWholePair;
  std::string code;  // the region ("522727200") or the organisation ("units:12"); "" for the whole pair
  std::string name;  // "黔南州平塘县卡蒲毛南族乡", or the organisation's name ("甲企业"); "" for the whole pair
};

// The scope of actor's figures of pair. A region narrows the pair unless it encloses one of the
// pair's sides (a county's clerk and its county's pair: the whole pair); an organisation always
// does, and is named in preference to a region (its records are the narrower set). The
// organisation's name is its record's natural key (a unit's name), read without the actor's scope
// (the account's own organisation). Errors: the database's.
Result<FigureScope> FigureScopeOf(LedgerService& service, const Actor& actor, const PairScope& pair);

// "region" | "owner" | "" (the API's scope_kind).
const char* FigureScopeKindName(FigureScopeKind kind);
// The report's line: "统计范围：黔南州平塘县卡蒲毛南族乡", "统计范围：仅甲企业的记录"; "" for the whole pair.
std::string FigureScopeText(const FigureScope& scope);

// "no_region_field" | "no_owner_field" (the API's not_in_scope_reason); "" for kNone.
const char* ScopeExclusionName(ScopeExclusion why);
// The API's members of a scope, added to an answer: "scope" (code), "scope_kind" and
// "scope_name", each null for the whole pair.
void AddFigureScopeJson(const FigureScope& scope, boost::json::object& out);
// A figure's "not_in_scope" (true or false) and, when true, its "not_in_scope_reason".
void AddScopeExclusionJson(ScopeExclusion why, boost::json::object& out);

// What a figure not counted for the scope shows beside its "—": "本范围不统计（台账无所在地）",
// "本范围不统计（台账记录不归属单位）"; "" for kNone.
const char* NotInScopeText(ScopeExclusion why);

}  // namespace shanhai

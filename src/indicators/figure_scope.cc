#include "indicators/figure_scope.h"

#include "regions/region_display.h"

namespace shanhai {

Result<FigureScope> FigureScopeOf(LedgerService& service, const Actor& actor, const PairScope& pair) {
  FigureScope out;
  if (actor.owner_scoped()) {
    out.kind = FigureScopeKind::kOwner;
    out.code = actor.owner_ledger + ":" + std::to_string(actor.owner_id);
    if (const LedgerDef* owner = FindLedger(actor.owner_ledger)) {
      SH_ASSIGN_OR_RETURN(auto names, LedgerRepository(service.db(), *owner).NaturalKeysOf({actor.owner_id}));
      if (!names.empty()) out.name = names.front().second;
    }
    if (out.name.empty()) out.name = out.code;
    return out;
  }
  const std::string prefix = VisiblePrefix(actor);
  if (prefix.empty() || pair.helper_region().starts_with(prefix) || pair.helped_region().starts_with(prefix))
    return out;
  out.kind = FigureScopeKind::kRegion;
  out.code = actor.region;
  out.name = RegionDisplayName(RegionCatalog::Embedded(), actor.region);
  if (out.name.empty()) out.name = actor.region;
  return out;
}

const char* FigureScopeKindName(FigureScopeKind kind) {
  switch (kind) {
    case FigureScopeKind::kRegion: return "region";
    case FigureScopeKind::kOwner: return "owner";
    case FigureScopeKind::kWholePair: return "";
  }
  return "";
}

std::string FigureScopeText(const FigureScope& scope) {
  switch (scope.kind) {
    case FigureScopeKind::kRegion: return "统计范围：" + scope.name;
    case FigureScopeKind::kOwner: return "统计范围：仅" + scope.name + "的记录";
    case FigureScopeKind::kWholePair: return "";
  }
  return "";
}

const char* ScopeExclusionName(ScopeExclusion why) {
  switch (why) {
    case ScopeExclusion::kNoRegionField: return "no_region_field";
    case ScopeExclusion::kNoOwnerField: return "no_owner_field";
    case ScopeExclusion::kNone: return "";
  }
  return "";
}

void AddFigureScopeJson(const FigureScope& scope, boost::json::object& out) {
  const bool whole = scope.kind == FigureScopeKind::kWholePair;
  out["scope"] = whole ? boost::json::value(nullptr) : boost::json::value(scope.code);
  out["scope_kind"] = whole ? boost::json::value(nullptr) : boost::json::value(FigureScopeKindName(scope.kind));
  out["scope_name"] = whole ? boost::json::value(nullptr) : boost::json::value(scope.name);
}

void AddScopeExclusionJson(ScopeExclusion why, boost::json::object& out) {
  out["not_in_scope"] = why != ScopeExclusion::kNone;
  if (why != ScopeExclusion::kNone) out["not_in_scope_reason"] = ScopeExclusionName(why);
}

const char* NotInScopeText(ScopeExclusion why) {
  switch (why) {
    case ScopeExclusion::kNoRegionField: return "本范围不统计（台账无所在地）";
    case ScopeExclusion::kNoOwnerField: return "本范围不统计（台账记录不归属单位）";
    case ScopeExclusion::kNone: return "";
  }
  return "";
}

}  // namespace shanhai

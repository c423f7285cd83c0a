#include "domain/ledger/record_placement.h"

#include <algorithm>

#include "domain/ledger/workflow.h"

namespace shanhai {

namespace {

// A field only a workflow step fills in (Workflow::transition_fields).
bool SetByStep(const LedgerDef& def, const FieldDef& f) {
  if (!def.workflow) return false;
  const std::vector<std::string>& filled = def.workflow->transition_fields;
  return std::find(filled.begin(), filled.end(), f.key) != filled.end();
}

}  // namespace

std::vector<const FieldDef*> PlacingFields(const LedgerDef& def, int hops) {
  std::vector<const FieldDef*> out;
  for (const FieldDef& f : def.fields)
    if (f.type == FieldType::kRegion && f.places) out.push_back(&f);
  if (!out.empty() || hops <= 0) return out;
  for (const FieldDef& f : def.fields) {
    if (f.type != FieldType::kRef || SetByStep(def, f)) continue;
    const LedgerDef* target = FindLedger(f.ref_ledger);
    if (target && target->places_referrers && !PlacingFields(*target, hops - 1).empty()) out.push_back(&f);
  }
  return out;
}

}  // namespace shanhai

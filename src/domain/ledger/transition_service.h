// Taking a workflow transition (domain/ledger/workflow.h) on one record: the only way a
// ledger's state field changes after the record is created. The CLI and the HTTP handlers
// both call it. Thread safety: none; one per LedgerService (one per database connection).
#pragma once

#include <string>
#include <vector>

#include "domain/ledger/ledger_service.h"
#include "domain/ledger/workflow.h"

namespace shanhai {

class TransitionService {
 public:
  // service must outlive this object.
  explicit TransitionService(LedgerService& service) : service_(service) {}

  // Takes transition `name` on record id of def, with input holding only that transition's
  // fields (field key → text, as the API gives them; a ref by id or by its natural key), and
  // expected_version the record's current version. In one transaction: the record is changed
  // (state set to the transition's target, its fields set, the fields it clears emptied), the
  // check and side effect run, and an audit entry with action = name is written (before and
  // after masked as every audit row; detail "<name> by <actor>"). Returns the record as the
  // actor may see it. Errors, each in Chinese and English:
  //  NotFound — def has no workflow or no such transition; no such record or outside the
  //             actor's scope of a change (LedgerService::ReadForChange: as for an update);
  //  PermissionDenied — the actor lacks "<module>:<ledger>:<action>";
  //  InvalidArgument — expected_version missing (< 1); input naming a pair;
  //  Invalid — fields the transition does not take, required ones missing, values that do not
  //            parse, state fields missing, the ledger's or the transition's check failing
  //            (every problem, by field);
  //  Conflict — the record is not in a state the transition starts from (a final state says
  //             so), or its version moved on.
  // Nothing is written on any error.
  Result<Record> Take(const Actor& actor, const LedgerDef& def, int64_t id, const std::string& name,
                      const RawRecord& input, int64_t expected_version);

 private:
  LedgerService& service_;
};

// The transitions of def's workflow that start from record's state and whose permission actor
// holds, in declaration order; empty for a ledger without a workflow. Pure; thread-safe.
std::vector<const TransitionDef*> AllowedTransitions(const Actor& actor, const LedgerDef& def, const Record& record);

// "<module>:<ledger>:<action>" of transition t.
std::string TransitionPermission(const LedgerDef& def, const TransitionDef& t);

}  // namespace shanhai

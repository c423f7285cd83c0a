// A ledger's state machine, declared beside its fields: the field holding the state, the
// states, and the named transitions between them. A state changes only through a transition
// (TransitionService): its own permission, its own input fields, a check that may read the
// database, side effects in the same transaction, and its own audit entry named after it.
// Creating or importing a record may still start it in any declared state (offices enter
// needs handled before they were recorded), and every write checks that state's required fields.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "domain/ledger/ledger_def.h"

namespace shanhai {

class LedgerService;
struct Actor;

struct WorkflowState {
  std::string code;  // the stored value of the state field
  std::string label_zh;
  std::string label_en;
  bool final = false;                 // no transition leaves it
  std::vector<std::string> required;  // fields a record in this state must carry (every write)
};

// What a transition's check and side effect are handed: the service (its database, audit log
// and context, inside the transition's transaction) and who takes the transition.
struct TransitionContext {
  LedgerService& service;
  const Actor& actor;
};

// Appends problems with the change to errors (the transition is refused, nothing written);
// a non-OK Status is a failure of the database, not of the input.
using TransitionCheck = std::function<Status(TransitionContext& context, const Record& before, const Record& after,
                                             std::vector<FieldError>& errors)>;
// Runs after the record is written, in the same transaction; a non-OK Status rolls it all back.
using TransitionEffect = std::function<Status(TransitionContext& context, const Record& before, const Record& after)>;

struct TransitionDef {
  std::string name;      // "claim": the API path segment, the CLI verb's argument, the audit action
  std::string label_zh;  // "认领": the button
  std::string label_en;  // "Claim"
  std::string done_zh;   // "认领": the history line ("由 staff1 认领")
  std::string done_en;   // "claimed" ("claimed by staff1")
  std::vector<std::string> from;  // states it may start from
  std::string to;
  std::string action;  // its permission is "<module>:<ledger>:<action>"; "" = name
  std::vector<std::string> required;  // input fields it needs
  std::vector<std::string> optional;  // input fields it also accepts
  std::vector<std::string> clears;    // fields it empties
  // Fields it sets to fixed values (field key → value as the API gives it), never taken from input:
  // a seeker's "accept the interview time" records the answer "accepted" by the step itself.
  std::vector<std::pair<std::string, std::string>> sets;
  // Date fields it sets to the day it is taken (China Standard Time, from the service's clock):
  // a seeker's "still looking" confirmation is dated by the step itself, never typed.
  std::vector<std::string> dates_today;
  TransitionCheck check;              // optional
  TransitionEffect effect;            // optional

  const std::string& Action() const { return action.empty() ? name : action; }
  bool From(std::string_view state) const;
  bool Accepts(std::string_view field) const;
};

struct Workflow {
  std::string state_field;
  std::vector<WorkflowState> states;
  std::vector<TransitionDef> transitions;
  // Fields that, like the state, only transitions change once a record is stored (a need's
  // claiming unit and dates: who claimed is the claim itself, with its permission and check).
  std::vector<std::string> transition_fields;

  const WorkflowState* State(std::string_view code) const;
  const TransitionDef* Find(std::string_view name) const;
  // The states as enum options, for declaring the state field with the same codes and labels.
  std::vector<EnumOption> Options() const;
  // The distinct permission actions of the transitions, in declaration order.
  std::vector<std::string> Actions() const;
  // Appends an error for each field record's state requires and lacks (nothing for an unknown
  // state: the field's enum check reports that).
  void CheckStateFields(const LedgerDef& def, const Record& record, std::vector<FieldError>& errors) const;
};

// The current state of record under def's workflow ("" when the ledger has none or it is empty).
std::string StateOf(const LedgerDef& def, const Record& record);

// Internal error text for a workflow that contradicts itself or its ledger (unknown states or
// fields, a final state with a way out); "" when consistent. The registry test calls it.
std::string WorkflowProblems(const LedgerDef& def);

}  // namespace shanhai

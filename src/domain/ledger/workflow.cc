#include "domain/ledger/workflow.h"

#include <algorithm>

namespace shanhai {

namespace {

bool Contains(const std::vector<std::string>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

bool Blank(const Value* v) { return !v || IsNull(*v) || AsText(*v).empty(); }

}  // namespace

bool TransitionDef::From(std::string_view state) const { return Contains(from, state); }

bool TransitionDef::Accepts(std::string_view field) const {
  return Contains(required, field) || Contains(optional, field);
}

const WorkflowState* Workflow::State(std::string_view code) const {
  for (const WorkflowState& s : states)
    if (s.code == code) return &s;
  return nullptr;
}

const TransitionDef* Workflow::Find(std::string_view name) const {
  for (const TransitionDef& t : transitions)
    if (t.name == name) return &t;
  return nullptr;
}

std::vector<EnumOption> Workflow::Options() const {
  std::vector<EnumOption> out;
  for (const WorkflowState& s : states) out.push_back({s.code, s.label_zh, s.label_en});
  return out;
}

std::vector<std::string> Workflow::Actions() const {
  std::vector<std::string> out;
  for (const TransitionDef& t : transitions)
    if (!Contains(out, t.Action())) out.push_back(t.Action());
  return out;
}

void Workflow::CheckStateFields(const LedgerDef& def, const Record& record, std::vector<FieldError>& errors) const {
  const Value* value = record.Get(state_field);
  const WorkflowState* state = Blank(value) ? nullptr : State(AsText(*value));
  if (!state) return;
  for (const std::string& key : state->required) {
    if (!Blank(record.Get(key))) continue;
    const FieldDef* f = def.Field(key);
    errors.push_back({0, key, f->label_zh + "：状态为“" + state->label_zh + "”的记录必须填写",
                      f->label_en + ": required for a record in state " + state->code});
  }
}

std::string StateOf(const LedgerDef& def, const Record& record) {
  if (!def.workflow) return "";
  const Value* v = record.Get(def.workflow->state_field);
  return Blank(v) ? "" : AsText(*v);
}

std::string WorkflowProblems(const LedgerDef& def) {
  if (!def.workflow) return "";
  const Workflow& w = *def.workflow;
  std::string out;
  auto problem = [&](const std::string& text) { out += def.name + ": " + text + "\n"; };
  const FieldDef* state_field = def.Field(w.state_field);
  if (!state_field || state_field->type != FieldType::kEnum) problem("state field " + w.state_field + " is not an enum");
  else
    for (const WorkflowState& s : w.states)
      if (!state_field->FindOption(s.code)) problem("state " + s.code + " is not an option of " + w.state_field);
  for (const WorkflowState& s : w.states)
    for (const std::string& key : s.required)
      if (!def.Field(key)) problem("state " + s.code + " requires unknown field " + key);
  for (const TransitionDef& t : w.transitions) {
    if (!w.State(t.to)) problem(t.name + " goes to unknown state " + t.to);
    if (t.from.empty()) problem(t.name + " starts from no state");
    for (const std::string& s : t.from) {
      if (!w.State(s)) problem(t.name + " starts from unknown state " + s);
      else if (w.State(s)->final) problem(t.name + " leaves final state " + s);
    }
    for (const auto* list : {&t.required, &t.optional, &t.clears})
      for (const std::string& key : *list)
        if (!def.Field(key) || key == w.state_field) problem(t.name + " names field " + key + " it may not take");
    for (const std::string& key : t.dates_today)
      if (!def.Field(key) || def.Field(key)->type != FieldType::kDate) problem(t.name + " dates " + key + ", no date field");
    for (const auto& [key, value] : t.sets) {
      const FieldDef* f = def.Field(key);
      if (!f || key == w.state_field) problem(t.name + " sets field " + key + " it may not take");
      else if (f->type == FieldType::kEnum && !f->FindOption(value)) problem(t.name + " sets " + key + " to unknown " + value);
    }
    if (t.done_zh.empty() || t.label_zh.empty() || t.label_en.empty() || t.done_en.empty())
      problem(t.name + " lacks a label");
  }
  return out;
}

}  // namespace shanhai

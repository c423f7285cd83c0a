#include "domain/ledger/transition_service.h"

#include <algorithm>
#include <chrono>

#include "common/date.h"

#include "domain/accounts/display_name.h"
#include "domain/accounts/user_names.h"
#include "domain/ledger/record_json.h"

namespace shanhai {

namespace {

std::string StateLabel(const Workflow& w, const std::string& code) {
  const WorkflowState* s = w.State(code);
  return s ? s->label_zh : code;
}

// "已发布、已认领" / "posted, claimed": the states a transition starts from.
std::pair<std::string, std::string> FromStates(const Workflow& w, const TransitionDef& t) {
  std::string zh, en;
  for (const std::string& s : t.from) {
    zh += (zh.empty() ? "“" : "”或“") + StateLabel(w, s);
    en += (en.empty() ? "" : " or ") + s;
  }
  return {zh + "”", en};
}

// The field labels a transition takes, for telling which ones were expected.
std::pair<std::string, std::string> TakenFields(const LedgerDef& def, const TransitionDef& t) {
  std::string zh, en;
  for (const auto* list : {&t.required, &t.optional})
    for (const std::string& key : *list) {
      zh += (zh.empty() ? "" : "、") + def.Field(key)->label_zh;
      en += (en.empty() ? "" : ", ") + key;
    }
  if (zh.empty()) return {"不填写任何字段", "no fields"};
  return {"可填写：" + zh, "it takes: " + en};
}

// The input's own problems, before anything is read: fields the transition does not take
// (a transition is not a general update), and required ones left out.
std::vector<FieldError> InputProblems(const LedgerDef& def, const TransitionDef& t, const RawRecord& input) {
  std::vector<FieldError> errors;
  const auto [taken_zh, taken_en] = TakenFields(def, t);
  for (const auto& [key, raw] : input.fields) {
    if (t.Accepts(key)) continue;
    const FieldDef* f = def.Field(key);
    const std::string name = f ? "“" + f->label_zh + "”" : key;
    errors.push_back({0, key, name + "不属于“" + t.label_zh + "”操作（" + taken_zh + "）",
                      key + " is not a field of the " + t.name + " transition (" + taken_en + ")"});
  }
  for (const std::string& key : t.required) {
    auto given = std::find_if(input.fields.begin(), input.fields.end(), [&](const auto& kv) { return kv.first == key; });
    if (given != input.fields.end() && !given->second.empty()) continue;
    const FieldDef* f = def.Field(key);
    errors.push_back({0, key, f->label_zh + "：" + t.label_zh + "时必填", f->label_en + ": required to " + t.name});
  }
  return errors;
}

Status WrongState(const LedgerDef& def, const TransitionDef& t, const std::string& state) {
  const Workflow& w = *def.workflow;
  const WorkflowState* current = w.State(state);
  if (current && current->final)
    return Status::Conflict("此记录已是“" + current->label_zh + "”（最终状态），不能再" + t.label_zh,
                            "the record is " + state + ", a final state: it can no longer be " + t.done_en);
  const auto [zh, en] = FromStates(w, t);
  return Status::Conflict("“" + t.label_zh + "”只适用于" + zh + "的记录，此记录为“" + StateLabel(w, state) + "”",
                          t.name + " applies to records that are " + en + "; this one is " + state);
}

}  // namespace

std::string TransitionPermission(const LedgerDef& def, const TransitionDef& t) {
  return LedgerPermission(def, t.Action());
}

std::vector<const TransitionDef*> AllowedTransitions(const Actor& actor, const LedgerDef& def, const Record& record) {
  std::vector<const TransitionDef*> out;
  if (!def.workflow) return out;
  const std::string state = StateOf(def, record);
  for (const TransitionDef& t : def.workflow->transitions)
    if (t.From(state) && Authorize(actor, TransitionPermission(def, t)).ok()) out.push_back(&t);
  return out;
}

Result<Record> TransitionService::Take(const Actor& actor, const LedgerDef& def, int64_t id, const std::string& name,
                                       const RawRecord& input, int64_t expected_version) {
  const TransitionDef* t = def.workflow ? def.workflow->Find(name) : nullptr;
  if (!t)
    return Status::NotFound("“" + def.label_zh + "”没有名为 " + name + " 的流程操作",
                            def.name + " has no transition named " + name);
  SH_RETURN_IF_ERROR(Authorize(actor, TransitionPermission(def, *t)));
  if (expected_version < 1)
    return Status::InvalidArgument("须带上记录的版本号（version），以免覆盖他人的修改",
                                   "the record's version is required, so no one else's change is overwritten");
  if (!input.pair.empty())
    return Status::InvalidArgument("流程操作不能修改帮扶关系", "a transition cannot change the pair");
  SH_RETURN_IF_ERROR(service_.RefreshDictionaries());
  Result<Record> taken = Status::Internal("transition not taken");
  SH_RETURN_IF_ERROR(InTransaction(service_.db(), [&]() -> Status {
    // The scope of a change, as an update's: data the actor only reads is not found here.
    SH_ASSIGN_OR_RETURN(Record before, service_.ReadForChange(actor, def, id, expected_version));
    const std::string state = StateOf(def, before);
    if (!t->From(state)) return WrongState(def, *t, state);
    std::vector<FieldError> errors = InputProblems(def, *t, input);
    if (!errors.empty()) return Status::Invalid(std::move(errors));

    RawRecord change = input;
    change.fields.emplace_back(def.workflow->state_field, t->to);
    for (const std::string& key : t->clears) change.fields.emplace_back(key, "");
    for (const auto& [key, value] : t->sets) change.fields.emplace_back(key, value);
    const std::string today = service_.context().clock.Today();
    for (const std::string& key : t->dates_today) change.fields.emplace_back(key, today);
    SH_ASSIGN_OR_RETURN(Record after, service_.Prepare(actor, def, change, InputSource::kApi, &before));
    TransitionContext context{service_, actor};
    if (t->check) SH_RETURN_IF_ERROR(t->check(context, before, after, errors));
    if (!errors.empty()) return Status::Invalid(std::move(errors));

    // The detail says who in the words the history uses ("由 王* 认领"), never the whole name:
    // the masked name as it is now, when the step is taken, kept in the hash-chained row. The
    // history's `by` is looked up when read, so after a rename the two may differ.
    SH_ASSIGN_OR_RETURN(std::string display_name, UserNames(service_.db()).Of(actor.name));
    const std::string by = ShownActorName(display_name, actor.name);
    SH_ASSIGN_OR_RETURN(Record stored,
                        service_.UpdatePrepared(actor, def, before, after,
                                                "由 " + by + " " + t->done_zh + " / " + t->done_en + " by " + by,
                                                t->name, kChangeTransitioned));
    if (t->effect) SH_RETURN_IF_ERROR(t->effect(context, before, stored));
    ApplyDisclosure(def, stored, DisclosureFor(actor, def));
    taken = std::move(stored);
    return Status::Ok();
  }));
  service_.changes().Announce();
  return taken;
}

}  // namespace shanhai

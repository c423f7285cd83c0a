#include "domain/ledger/record_set_service.h"

#include <algorithm>

#include "common/english_count.h"

namespace shanhai {

namespace {

// One kind of line of one parent: what is stored and what the call makes of it.
struct SetPlan {
  const LineSet* set = nullptr;
  std::vector<Record> stored;           // as stored before the call, whole
  std::vector<Record> lines;            // the new list, prepared, in input order
  std::vector<const Record*> befores;   // for each of lines: the stored line it changes, or null (new)
  std::vector<bool> changed;            // for each of lines: to be written
  std::vector<const Record*> removed;   // stored lines left out of the new list
};

const LineSet* FindSet(const LedgerDef& def, const std::string& key) {
  for (const LineSet& s : def.lines)
    if (s.key == key) return &s;
  return nullptr;
}

// A line's problem as the caller sees it: the list's key and the line's number in it.
FieldError LineError(const LineSet& set, int64_t row, const FieldError& e) {
  const std::string n = std::to_string(row);
  return {row, e.field.empty() ? set.key : set.key + "." + e.field,
          "“" + set.ledger->label_zh + "”第 " + n + " 行：" + e.message_zh, set.key + " line " + n + ": " + e.message_en};
}

// The field problems of a Prepare that failed; other failures (the database) are returned.
Status CollectInvalid(const Status& s, std::vector<FieldError>& out) {
  if (s.details().empty()) return s;
  out.insert(out.end(), s.details().begin(), s.details().end());
  return Status::Ok();
}

// The parent's audit detail: how many lines of each kind it has after the write.
std::string CountsDetail(const std::vector<SetPlan>& plans) {
  std::string out;
  for (const SetPlan& p : plans) out += (out.empty() ? "" : " ") + p.set->key + "=" + std::to_string(p.lines.size());
  return out;
}

std::string ParentDetail(const LedgerDef& def, int64_t id) { return "parent=" + def.name + ":" + std::to_string(id); }

void CheckCount(const LineSet& set, size_t n, std::vector<FieldError>& errors) {
  const auto count = static_cast<int64_t>(n);
  if (count < set.min)
    errors.push_back({0, set.key, "“" + set.ledger->label_zh + "”至少 " + std::to_string(set.min) + " 行",
                      set.key + ": at least " + EnglishCount(set.min, "line")});
  if (count > set.max)
    errors.push_back({0, set.key, "“" + set.ledger->label_zh + "”至多 " + std::to_string(set.max) + " 行",
                      set.key + ": at most " + EnglishCount(set.max, "line")});
}

}  // namespace

Status RefuseLineWrite(const LedgerDef& def) {
  if (def.line_of.empty()) return Status::Ok();
  const LedgerDef* parent = FindLedger(def.line_of);
  const std::string label = parent ? parent->label_zh : def.line_of;
  const std::string path = parent ? " (/api/v1/" + parent->module + "/" + parent->name + "/{id})" : "";
  return Status::InvalidArgument(
      "“" + def.label_zh + "”是“" + label + "”的明细，只能随其所属记录一起新增、修改或删除" + path +
          "，以便核对整份记录",
      def.name + " are lines of " + def.line_of + " records: write them with their " + def.line_of + " record" + path +
          ", so that the checks over the whole record run");
}

Result<std::vector<Record>> RecordSetContext::Find(const LedgerDef& def,
                                                   const std::vector<std::pair<std::string, Value>>& equals) {
  ListQuery query;
  query.page_size = 0;
  RecordCodec codec(def, *ledgers_.context().vault);
  for (const auto& [key, value] : equals) {
    const FieldDef* f = def.Field(key);
    if (!f) return Status::Internal("record set check: no field " + key + " in " + def.name);
    // A sensitive enum has no look-up hash to find it by (FieldDef::HasLookupHash).
    if (f->IsSensitive() && !f->HasLookupHash())
      return Status::Internal("record set check: " + def.name + "." + key + " is sealed, not searchable");
    if (f->IsSensitive()) query.equals.emplace_back(key + "_hash", codec.HashOf(key, AsText(value)));
    else query.equals.emplace_back(key, value);
  }
  Result<std::vector<Record>> found = [&]() -> Result<std::vector<Record>> {
    LedgerRepository repo(ledgers_.db(), def);
    SH_ASSIGN_OR_RETURN(StoredPage page, repo.List(query, Scope{}));
    return codec.DecodeAll(std::move(page.rows), Disclosure::kFull);
  }();
  if (!found.ok() && status_.ok()) status_ = found.status();
  return found;
}

namespace {

// Stored lines of one kind of parent_id, whole, in id order. The parent's scope was checked.
Result<std::vector<Record>> StoredLines(LedgerService& ledgers, const Actor& actor, const LineSet& set,
                                        int64_t parent_id) {
  RecordSetContext context(ledgers, actor);
  return context.Find(*set.ledger, {{set.parent_field, Value{parent_id}}});
}

// Prepares the new list of one kind of line (raw: null = keep the stored lines as they are)
// against the prepared parent, appending line problems to errors.
Status PlanLines(LedgerService& ledgers, const Actor& actor, const Record& parent, const std::string& pair,
                 const std::vector<RawLine>* raw, InputSource source, SetPlan& plan, std::vector<FieldError>& errors) {
  const LineSet& set = *plan.set;
  const LedgerDef& line_def = *set.ledger;
  std::vector<RawLine> kept;
  if (!raw) {  // unchanged lines still follow their parent (its pair) and are checked again
    for (const Record& r : plan.stored) kept.push_back({r.id, {}});
    raw = &kept;
  }
  std::vector<bool> used(plan.stored.size(), false);
  for (size_t i = 0; i < raw->size(); ++i) {
    const RawLine& line = (*raw)[i];
    const int64_t row = static_cast<int64_t>(i) + 1;
    const Record* before = nullptr;
    if (line.id != 0) {
      auto it = std::find_if(plan.stored.begin(), plan.stored.end(), [&](const Record& r) { return r.id == line.id; });
      if (it == plan.stored.end() || used[it - plan.stored.begin()]) {
        const std::string id = std::to_string(line.id);
        errors.push_back(LineError(set, row, {0, "id", "本记录中没有编号为 " + id + " 的明细（或重复出现）",
                                              "no line with id " + id + " in this record (or it repeats)"}));
        continue;
      }
      used[it - plan.stored.begin()] = true;
      before = &*it;
    }
    RawRecord input = line.record;
    input.pair = pair;
    Result<Record> prepared = ledgers.Prepare(actor, line_def, input, source, before);
    std::vector<FieldError> line_errors;
    if (!prepared.ok()) SH_RETURN_IF_ERROR(CollectInvalid(prepared.status(), line_errors));
    for (const FieldError& e : line_errors)
      if (e.field != "pair") errors.push_back(LineError(set, row, e));  // the pair is the parent's, reported there
    if (!prepared.ok()) continue;
    Record record = std::move(prepared).value();
    record.Set(set.parent_field, parent.id == 0 ? Value{} : Value{parent.id});
    const bool changed = !before || record.values != before->values || record.pair_id != before->pair_id;
    if (changed)
      SH_RETURN_IF_ERROR(before ? ledgers.AuthorizeUpdate(actor, line_def, line.record)
                                : Authorize(actor, LedgerPermission(line_def, "create")));
    plan.lines.push_back(std::move(record));
    plan.befores.push_back(before);
    plan.changed.push_back(changed);
  }
  for (size_t i = 0; i < plan.stored.size(); ++i)
    if (!used[i]) plan.removed.push_back(&plan.stored[i]);
  if (!plan.removed.empty()) SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(line_def, "delete")));
  CheckCount(set, raw->size(), errors);
  return Status::Ok();
}

// Sets each LineSet::total_field that input leaves out to the sum of the set's new lines (none:
// the parent keeps what it holds).
void FillTotals(const RawRecord& input, Record& parent, const std::vector<SetPlan>& plans) {
  for (const SetPlan& plan : plans) {
    const LineSet& set = *plan.set;
    if (set.total_field.empty() || plan.lines.empty()) continue;
    if (input.Gives(set.total_field)) continue;
    int64_t sum = 0;
    for (const Record& line : plan.lines)
      if (const Value* v = line.Get(set.summed_field); v && !IsNull(*v)) sum += AsInt(*v);
    parent.Set(set.total_field, Value{sum});
  }
}

// Runs each set's check over the parent and its new list; the context's reads may fail.
Status RunChecks(LedgerService& ledgers, const Actor& actor, const Record* before, const Record& parent,
                 const std::vector<SetPlan>& plans, std::vector<FieldError>& errors) {
  for (const SetPlan& plan : plans) {
    if (!plan.set->check) continue;
    RecordSetContext context(ledgers, actor);
    std::vector<FieldError> found;
    plan.set->check(context, before, parent, plan.lines, found);
    SH_RETURN_IF_ERROR(context.status());
    for (const FieldError& e : found) errors.push_back(e.row > 0 ? LineError(*plan.set, e.row, e) : e);
  }
  return Status::Ok();
}

// Checks the unknown keys of lines; returns the given list of each set (null = not given).
Result<std::vector<const std::vector<RawLine>*>> GivenLists(const LedgerDef& def, const RawLineSets& lines) {
  std::vector<FieldError> errors;
  for (const auto& [key, list] : lines)
    if (!FindSet(def, key))
      errors.push_back({0, key, "“" + def.label_zh + "”没有名为 " + key + " 的明细",
                        def.name + " records have no lines called " + key});
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  std::vector<const std::vector<RawLine>*> given;
  for (const LineSet& set : def.lines) {
    const std::vector<RawLine>* list = nullptr;
    for (const auto& [key, l] : lines)
      if (key == set.key) list = &l;
    given.push_back(list);
  }
  return given;
}

}  // namespace

Result<RecordWithLines> RecordSetService::WithLines(const Actor& actor, const LedgerDef& def, Record parent) {
  ApplyDisclosure(def, parent, DisclosureFor(actor, def));
  RecordWithLines out{std::move(parent), {}};
  for (const LineSet& set : def.lines) {
    if (!Authorize(actor, LedgerPermission(*set.ledger, "read")).ok()) continue;
    SH_ASSIGN_OR_RETURN(std::vector<Record> lines, StoredLines(ledgers_, actor, set, out.parent.id));
    const Disclosure disclosure = DisclosureFor(actor, *set.ledger);
    for (Record& r : lines) ApplyDisclosure(*set.ledger, r, disclosure);
    out.lines.emplace_back(&set, std::move(lines));
  }
  return out;
}

Result<RecordWithLines> RecordSetService::Get(const Actor& actor, const LedgerDef& def, int64_t id) {
  SH_ASSIGN_OR_RETURN(Record parent, ledgers_.Get(actor, def, id));
  return WithLines(actor, def, std::move(parent));
}

Result<RecordWithLines> RecordSetService::Create(const Actor& actor, const LedgerDef& def, const RawRecord& parent,
                                                 const RawLineSets& lines, InputSource source) {
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "create")));
  SH_ASSIGN_OR_RETURN(auto given, GivenLists(def, lines));
  std::vector<FieldError> errors;
  for (size_t s = 0; s < def.lines.size(); ++s)
    for (size_t i = 0; given[s] && i < given[s]->size(); ++i)
      if ((*given[s])[i].id != 0)
        errors.push_back(LineError(def.lines[s], static_cast<int64_t>(i) + 1,
                                   {0, "id", "新记录的明细不能带编号", "a new record's lines cannot carry an id"}));
  SH_RETURN_IF_ERROR(ledgers_.RefreshDictionaries());
  Result<RecordWithLines> created = Status::Internal("not created");
  SH_RETURN_IF_ERROR(InTransaction(ledgers_.db(), [&]() -> Status {
    Result<Record> prepared = ledgers_.Prepare(actor, def, parent, source, nullptr);
    if (!prepared.ok()) SH_RETURN_IF_ERROR(CollectInvalid(prepared.status(), errors));
    Record record = prepared.ok() ? *prepared : Record{};
    std::vector<SetPlan> plans;
    for (size_t s = 0; s < def.lines.size(); ++s) {
      plans.push_back({&def.lines[s]});
      static const std::vector<RawLine> kNone;
      SH_RETURN_IF_ERROR(
          PlanLines(ledgers_, actor, record, parent.pair, given[s] ? given[s] : &kNone, source, plans.back(), errors));
    }
    FillTotals(parent, record, plans);
    if (errors.empty()) SH_RETURN_IF_ERROR(RunChecks(ledgers_, actor, nullptr, record, plans, errors));
    if (!errors.empty()) return Status::Invalid(std::move(errors));

    SH_ASSIGN_OR_RETURN(Record stored, ledgers_.InsertPrepared(actor, def, record, CountsDetail(plans)));
    for (SetPlan& plan : plans)
      for (Record& line : plan.lines) {
        line.Set(plan.set->parent_field, Value{stored.id});
        SH_RETURN_IF_ERROR(
            ledgers_.InsertPrepared(actor, *plan.set->ledger, line, ParentDetail(def, stored.id)).status());
      }
    created = WithLines(actor, def, std::move(stored));
    return created.status();
  }));
  ledgers_.changes().Announce();
  return created;
}

Result<RecordWithLines> RecordSetService::Update(const Actor& actor, const LedgerDef& def, int64_t id,
                                                 const RawRecord& parent, const RawLineSets& lines, InputSource source,
                                                 int64_t expected_version) {
  SH_RETURN_IF_ERROR(ledgers_.AuthorizeUpdate(actor, def, parent));
  SH_ASSIGN_OR_RETURN(auto given, GivenLists(def, lines));
  SH_RETURN_IF_ERROR(ledgers_.RefreshDictionaries());
  Result<RecordWithLines> updated = Status::Internal("not updated");
  SH_RETURN_IF_ERROR(InTransaction(ledgers_.db(), [&]() -> Status {
    SH_ASSIGN_OR_RETURN(Record before, ledgers_.ReadForChange(actor, def, id, expected_version));
    std::vector<FieldError> errors;
    Result<Record> prepared = ledgers_.Prepare(actor, def, parent, source, &before);
    if (!prepared.ok()) SH_RETURN_IF_ERROR(CollectInvalid(prepared.status(), errors));
    if (prepared.ok()) SH_RETURN_IF_ERROR(LedgerService::KeepState(def, before, *prepared, parent));
    Record record = prepared.ok() ? *prepared : before;
    std::vector<SetPlan> plans;
    for (size_t s = 0; s < def.lines.size(); ++s) {
      plans.push_back({&def.lines[s]});
      SH_ASSIGN_OR_RETURN(plans.back().stored, StoredLines(ledgers_, actor, def.lines[s], id));
      SH_RETURN_IF_ERROR(PlanLines(ledgers_, actor, record, parent.pair.empty() ? before.pair_code : parent.pair,
                                   given[s], source, plans.back(), errors));
    }
    FillTotals(parent, record, plans);
    if (errors.empty()) SH_RETURN_IF_ERROR(RunChecks(ledgers_, actor, &before, record, plans, errors));
    if (!errors.empty()) return Status::Invalid(std::move(errors));

    // The parent is written every time: its version stands for the whole record with its lines.
    SH_ASSIGN_OR_RETURN(Record after, ledgers_.UpdatePrepared(actor, def, before, record, CountsDetail(plans)));
    const std::string detail = ParentDetail(def, id);
    for (const SetPlan& plan : plans) {
      const LedgerDef& line_def = *plan.set->ledger;
      // Removed lines go first, so a value they held (a unique key) may pass to a line added now.
      for (const Record* gone : plan.removed) SH_RETURN_IF_ERROR(ledgers_.DeletePrepared(actor, line_def, *gone, detail));
      for (size_t i = 0; i < plan.lines.size(); ++i) {
        if (!plan.changed[i]) continue;
        if (plan.befores[i])
          SH_RETURN_IF_ERROR(ledgers_.UpdatePrepared(actor, line_def, *plan.befores[i], plan.lines[i], detail).status());
        else
          SH_RETURN_IF_ERROR(ledgers_.InsertPrepared(actor, line_def, plan.lines[i], detail).status());
      }
    }
    updated = WithLines(actor, def, std::move(after));
    return updated.status();
  }));
  ledgers_.changes().Announce();
  return updated;
}

Status RecordSetService::Delete(const Actor& actor, const LedgerDef& def, int64_t id, int64_t expected_version) {
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "delete")));
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "read")));
  SH_RETURN_IF_ERROR(InTransaction(ledgers_.db(), [&]() -> Status {
    SH_ASSIGN_OR_RETURN(Record before, ledgers_.ReadForChange(actor, def, id, expected_version));
    const std::string detail = ParentDetail(def, id);
    for (const LineSet& set : def.lines) {
      SH_ASSIGN_OR_RETURN(std::vector<Record> stored, StoredLines(ledgers_, actor, set, id));
      if (!stored.empty()) SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(*set.ledger, "delete")));
      for (const Record& line : stored) SH_RETURN_IF_ERROR(ledgers_.DeletePrepared(actor, *set.ledger, line, detail));
    }
    return ledgers_.DeletePrepared(actor, def, before, "");
  }));
  ledgers_.changes().Announce();
  return Status::Ok();
}

Status RecordSetService::CheckWithoutLines(const Actor& actor, const LedgerDef& def, const Record& parent,
                                           std::vector<FieldError>& errors) {
  std::vector<SetPlan> plans;
  for (const LineSet& set : def.lines) {
    plans.push_back({&set});
    CheckCount(set, 0, errors);
  }
  return RunChecks(ledgers_, actor, nullptr, parent, plans, errors);
}

}  // namespace shanhai

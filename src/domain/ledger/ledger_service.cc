#include "domain/ledger/ledger_service.h"

#include "common/comma_list.h"

#include <algorithm>

#include "common/money.h"
#include "common/personal_numbers.h"
#include "common/text.h"
#include "domain/accounts/display_name.h"
#include "domain/accounts/user_names.h"
#include "domain/audit/audit_detail.h"
#include "domain/ledger/conflict_messages.h"
#include "domain/ledger/import_fingerprints.h"
#include "domain/ledger/pair_write_rule.h"
#include "domain/ledger/record_json.h"
#include "domain/ledger/record_set_service.h"
#include "domain/ledger/region_filter.h"
#include "domain/ledger/workflow.h"
#include "regions/region_catalog.h"

namespace shanhai {

namespace {

// The records an audited selection returned are named by id up to this many per entry (one entry
// per page), then counted: "ids=4,9,…,+150".
constexpr size_t kAuditedIdsAtMost = 100;

// What a selection by fields that need reveal chose, for the auditor (who reads the log without
// reveal): each such filter's value as given — a personal number in it masked by its shape, the
// ids then saying whose it was — and the ids of the records returned.
std::string SelectionDetail(const LedgerDef& def, const ListRequest& request, const std::vector<Record>& records) {
  std::string out = request.selected_by;
  const auto add = [&out](const std::string& item) { out += (out.empty() ? "" : " ") + item; };
  for (const auto& [key, raw] : request.equals)
    if (const FieldDef* f = def.Field(key); f && f->NeedsReveal())
      add(key + "=" + AuditDetailValue(MaskPersonalNumbers(raw)));
  std::string ids;
  for (size_t i = 0; i < records.size() && i < kAuditedIdsAtMost; ++i)
    ids += (i == 0 ? "" : ",") + std::to_string(records[i].id);
  if (records.size() > kAuditedIdsAtMost) ids += ",+" + std::to_string(records.size() - kAuditedIdsAtMost);
  add("ids=" + (ids.empty() ? std::string("-") : ids));
  return out;
}

Status NotFoundRecord(const LedgerDef& def, int64_t id) {
  return Status::NotFound(def.label_zh + "中没有编号为 " + std::to_string(id) + " 的记录",
                          "no " + def.name + " record with id " + std::to_string(id));
}

int64_t VersionOf(const Record& record) { return AsInt(*record.Get("version")); }

// Where a list's region filter by name is looked up (RegionFilterArea): the pair's sides, else
// those of every pair scope sees (read whole: a province holds a few hundred pairs at most), or
// for a town's or village's clerk, whose records all lie in their region, that region.
Result<RegionFilterArea> RegionFilterAreaFor(Database& db, const std::optional<PairScope>& pair, const Scope& scope) {
  if (pair) return RegionFilterArea{{pair->helper_region(), pair->helped_region()}, pair};
  RegionFilterArea area;
  if (!scope.enclosing_sides.empty()) {
    area.sides.push_back(scope.visible_prefix);  // a town's or village's prefix is its whole code
    return area;
  }
  ListQuery all;
  all.page_size = 0;
  all.count_total = false;
  SH_ASSIGN_OR_RETURN(StoredPage pairs, LedgerRepository(db, *FindLedger("pairs")).List(all, scope));
  for (const char* side : {"helper_region", "helped_region"}) {
    const int column = pairs.rows.Column(side);
    for (const std::vector<Value>& row : pairs.rows.rows)
      if (column >= 0) area.sides.push_back(AsText(row[column]));
  }
  std::sort(area.sides.begin(), area.sides.end());
  area.sides.erase(std::unique(area.sides.begin(), area.sides.end()), area.sides.end());
  return area;
}

}  // namespace

Change ChangeOf(const LedgerDef& def, const Record& record, const char* kind, int64_t version) {
  return Change{0, def.name, record.id, kind, version, record.helped_region, ""};
}

Scope ScopeOf(const Actor& actor) {
  Scope scope{"", "", VisiblePrefix(actor), {}, actor.owner_ledger, actor.owner_id};
  scope.enclosing_sides = EnclosingPairSides(actor);
  return scope;
}

std::string LedgerPermission(const LedgerDef& def, const std::string& action) {
  return def.module + ":" + def.name + ":" + action;
}

Disclosure DisclosureFor(const Actor& actor, const LedgerDef& def) {
  return Authorize(actor, LedgerPermission(def, "reveal")).ok() ? Disclosure::kMaskedForRevealer : Disclosure::kMasked;
}

std::vector<std::string> RevealGuardedFields(const LedgerDef& def, const ListRequest& request) {
  std::vector<std::string> out;
  auto add = [&](const std::string& key) {
    const FieldDef* f = def.Field(key);
    if (f && f->NeedsReveal() && std::find(out.begin(), out.end(), key) == out.end()) out.push_back(key);
  };
  for (const auto& [key, raw] : request.equals) add(key);
  for (const std::string& key : RevealGuardedFieldsIn(def, request.condition)) add(key);
  if (!request.sort.empty()) add(request.sort[0] == '-' ? request.sort.substr(1) : request.sort);
  return out;
}

LedgerService::LedgerService(ServiceContext& context)
    : context_(context), changes_(*context_.db, context_.changes, context_.clock), validator_(context_, snapshot_) {}

Status LedgerService::RefreshDictionaries() {
  // The generation before the entries: a change committed between the two reads leaves the
  // snapshot newer than its generation (reloaded once more next time), never older.
  SH_ASSIGN_OR_RETURN(int64_t generation, context_.dictionaries.Generation());
  if (generation == snapshot_generation_) return Status::Ok();
  SH_ASSIGN_OR_RETURN(snapshot_, context_.dictionaries.Load());
  snapshot_generation_ = generation;
  return Status::Ok();
}

Result<Record> LedgerService::Prepare(const Actor& actor, const LedgerDef& def, const RawRecord& input,
                                      InputSource source, const Record* before, bool check_unique) {
  return validator_.Prepare(actor, def, input, source, before, check_unique);
}

Columns LedgerService::StoredRowForInsert(const Actor& actor, const LedgerDef& def, const Record& record,
                                          const std::string& now) const {
  RecordCodec codec(def, *context_.vault);
  Columns row;
  row.reserve(def.fields.size() + 8);
  // In LedgerSql::columns order, which LedgerRepository::BulkRowOf follows without searching.
  if (def.pair_scoped) {
    row.emplace_back("pair_id", record.pair_id);
    row.emplace_back("helped_region", record.helped_region);
  }
  codec.EncodeInto(record, row);
  row.emplace_back("created_at", now);
  row.emplace_back("updated_at", now);
  row.emplace_back("created_by", actor.name);
  row.emplace_back("updated_by", actor.name);
  return row;
}

Columns LedgerService::StoredRowForUpdate(const Actor& actor, const LedgerDef& def, const Record& record) const {
  Columns row = RecordCodec(def, *context_.vault).Encode(record);
  if (def.pair_scoped) {
    row.emplace_back("pair_id", record.pair_id);
    row.emplace_back("helped_region", record.helped_region);
  }
  row.emplace_back("updated_at", context_.clock.Iso());
  row.emplace_back("updated_by", actor.name);
  return row;
}

Result<Record> LedgerService::Create(const Actor& actor, const LedgerDef& def, const RawRecord& input,
                                     InputSource source) {
  SH_RETURN_IF_ERROR(RefuseLineWrite(def));
  if (!def.lines.empty()) {
    Result<RecordWithLines> created = RecordSetService(*this).Create(actor, def, input, {}, source);
    SH_RETURN_IF_ERROR(SettleDisclosures());
    if (!created.ok()) return NameDuplicateKey(def, created.status());
    return std::move(created->parent);
  }
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "create")));
  SH_RETURN_IF_ERROR(RefreshDictionaries());
  Result<Record> created = Status::Internal("not created");
  // A key the row checks cannot see (a pairing's units and level) is the database's to refuse.
  const Status written = InTransaction(*context_.db, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(Record record, Prepare(actor, def, input, source, nullptr));
    SH_ASSIGN_OR_RETURN(Record stored, InsertPrepared(actor, def, record, ""));
    ApplyDisclosure(def, stored, DisclosureFor(actor, def));
    created = std::move(stored);
    return Status::Ok();
  });
  SH_RETURN_IF_ERROR(SettleDisclosures());
  SH_RETURN_IF_ERROR(NameDuplicateKey(def, written));
  changes_.Announce();
  return created;
}

Status LedgerService::KeepState(const LedgerDef& def, const Record& before, const Record& after, const RawRecord& input) {
  if (!def.workflow) return Status::Ok();
  const Workflow& w = *def.workflow;
  const auto text_of = [](const Value* v) { return v && !IsNull(*v) ? AsText(*v) : std::string(); };
  std::vector<FieldError> errors;
  for (const auto& [key, raw] : input.fields) {
    const bool state = key == w.state_field;
    if (!state && std::find(w.transition_fields.begin(), w.transition_fields.end(), key) == w.transition_fields.end())
      continue;
    const FieldDef* f = def.Field(key);
    if (text_of(after.Get(key)) == text_of(before.Get(key))) continue;
    std::string zh, en;
    for (const TransitionDef& t : w.transitions) {
      zh += (zh.empty() ? "" : "、") + t.label_zh;
      en += (en.empty() ? "" : ", ") + t.name;
    }
    errors.push_back({0, key, f->label_zh + "不能直接修改，请使用流程操作（" + zh + "）",
                      f->label_en + " cannot be changed by an update; take a transition (" + en + ")"});
  }
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return Status::Ok();
}

Result<Record> LedgerService::Update(const Actor& actor, const LedgerDef& def, int64_t id, const RawRecord& input,
                                     InputSource source, int64_t expected_version) {
  SH_RETURN_IF_ERROR(RefuseLineWrite(def));
  if (!def.lines.empty()) {
    Result<RecordWithLines> updated =
        RecordSetService(*this).Update(actor, def, id, input, {}, source, expected_version);
    SH_RETURN_IF_ERROR(SettleDisclosures());
    if (!updated.ok()) return NameDuplicateKey(def, updated.status());
    return std::move(updated->parent);
  }
  SH_RETURN_IF_ERROR(AuthorizeUpdate(actor, def, input));
  SH_RETURN_IF_ERROR(RefreshDictionaries());
  Result<Record> updated = Status::Internal("not updated");
  const Status written = InTransaction(*context_.db, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(Record before, ReadForChange(actor, def, id, expected_version));
    SH_ASSIGN_OR_RETURN(Record record, Prepare(actor, def, input, source, &before));
    SH_RETURN_IF_ERROR(KeepState(def, before, record, input));
    SH_ASSIGN_OR_RETURN(Record after, UpdatePrepared(actor, def, before, record, ""));
    ApplyDisclosure(def, after, DisclosureFor(actor, def));
    updated = std::move(after);
    return Status::Ok();
  });
  SH_RETURN_IF_ERROR(SettleDisclosures());
  SH_RETURN_IF_ERROR(NameDuplicateKey(def, written));
  changes_.Announce();
  return updated;
}

Status LedgerService::Delete(const Actor& actor, const LedgerDef& def, int64_t id, int64_t expected_version) {
  SH_RETURN_IF_ERROR(RefuseLineWrite(def));
  // A record other records still refer to is the database's to keep (foreign keys).
  if (!def.lines.empty()) return NameReferrers(*context_.db, actor, def, id, RecordSetService(*this).Delete(actor, def, id, expected_version));
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "delete")));
  SH_RETURN_IF_ERROR(NameReferrers(*context_.db, actor, def, id, InTransaction(*context_.db, [&]() -> Status {
    // The scope of a change: shared reference data an actor only reads is not found to delete.
    SH_ASSIGN_OR_RETURN(Record before, ReadForChange(actor, def, id, expected_version));
    return DeletePrepared(actor, def, before, "");
  })));
  changes_.Announce();
  return Status::Ok();
}

Status LedgerService::AuthorizeUpdate(const Actor& actor, const LedgerDef& def, const RawRecord& input) {
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "update")));
  // Writing a sensitive value over a stored one answers whether it was that record's (an
  // unchanged write succeeds, another person's is "already exists"): only whoever may reveal it.
  for (const auto& [key, value] : input.fields)
    if (const FieldDef* f = def.Field(key); f && f->IsSensitive())
      SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "reveal")));
  return Status::Ok();
}

Result<Record> LedgerService::ReadForChange(const Actor& actor, const LedgerDef& def, int64_t id,
                                            int64_t expected_version) {
  Scope scope = ScopeOf(actor);
  scope.for_change = true;
  SH_ASSIGN_OR_RETURN(Record before, ReadInScope(def, id, scope));
  // A record in a pair the actor only reads (CheckPairWritable) is seen but not changed:
  // PermissionDenied naming the pair.
  if (def.pair_scoped && (actor.owner_scoped() || !EnclosingPairSides(actor).empty())) {
    SH_ASSIGN_OR_RETURN(RecordValidator::PairInfo pair, validator_.FindPair(actor, before.pair_code));
    SH_RETURN_IF_ERROR(CheckPairWritable(*context_.db, actor, pair, nullptr));
  }
  if (expected_version != 0 && expected_version != AsInt(*before.Get("version")))
    return Status::Conflict("记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and retry");
  return before;
}

Result<Record> LedgerService::InsertPrepared(const Actor& actor, const LedgerDef& def, const Record& record,
                                             const std::string& detail) {
  LedgerRepository repo(*context_.db, def);
  Columns row = StoredRowForInsert(actor, def, record, context_.clock.Iso());
  const Value fingerprint = def.natural_key.empty() ? RowFingerprint(row, *context_.vault) : Value{};
  SH_ASSIGN_OR_RETURN(int64_t id, repo.Insert(std::move(row)));
  if (!IsNull(fingerprint))
    SH_RETURN_IF_ERROR(FingerprintRepository(*context_.db, def).Note(id, fingerprint, record.helped_region));
  SH_ASSIGN_OR_RETURN(Record stored, ReadWritten(actor, def, id));
  SH_RETURN_IF_ERROR(context_.audit.Write(actor, "create", def.name, id, stored.helped_region, "",
                                  AuditRecordJsonText(def, stored), detail));
  SH_RETURN_IF_ERROR(changes_.Append({ChangeOf(def, stored, kChangeCreated, VersionOf(stored))}));
  return stored;
}

Result<Record> LedgerService::UpdatePrepared(const Actor& actor, const LedgerDef& def, const Record& before,
                                             const Record& record, const std::string& detail,
                                             const std::string& action, const char* kind) {
  LedgerRepository repo(*context_.db, def);
  SH_RETURN_IF_ERROR(repo.Update(before.id, AsInt(*before.Get("version")), StoredRowForUpdate(actor, def, record)));
  if (def.natural_key.empty())  // the changed record as a sheet would now hold it (import_fingerprints.h)
    SH_RETURN_IF_ERROR(FingerprintRepository(*context_.db, def)
                           .Note(before.id, RowFingerprint(StoredRowForInsert(actor, def, record, ""), *context_.vault),
                                 record.helped_region));
  SH_ASSIGN_OR_RETURN(Record after, ReadWritten(actor, def, before.id));
  SH_RETURN_IF_ERROR(context_.audit.Write(actor, action, def.name, before.id, after.helped_region,
                                  AuditRecordJsonText(def, before), AuditRecordJsonText(def, after), detail));
  SH_RETURN_IF_ERROR(changes_.Append({ChangeOf(def, after, kind, VersionOf(after))}));
  return after;
}

Status LedgerService::DeletePrepared(const Actor& actor, const LedgerDef& def, const Record& before,
                                     const std::string& detail) {
  LedgerRepository repo(*context_.db, def);
  SH_RETURN_IF_ERROR(repo.Delete(before.id));
  SH_RETURN_IF_ERROR(context_.audit.Write(actor, "delete", def.name, before.id, before.helped_region,
                                  AuditRecordJsonText(def, before), "", detail));
  return changes_.Append({ChangeOf(def, before, kChangeDeleted, VersionOf(before) + 1)});
}

Result<Record> LedgerService::ReadWhole(const Actor& actor, const LedgerDef& def, int64_t id) {
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "read")));
  return ReadInScope(def, id, ScopeOf(actor));
}

Result<Record> LedgerService::ReadVisible(const Actor& actor, const LedgerDef& def, int64_t id) {
  return ReadInScope(def, id, ScopeOf(actor));
}

Result<Record> LedgerService::ReadWritten(const Actor& actor, const LedgerDef& def, int64_t id) {
  Scope scope = ScopeOf(actor);
  if (!def.line_of.empty()) scope.owner_ledger.clear();  // the write checked the parent's owner
  return ReadInScope(def, id, scope);
}

Result<Record> LedgerService::ReadInScope(const LedgerDef& def, int64_t id, const Scope& scope) {
  LedgerRepository repo(*context_.db, def);
  SH_ASSIGN_OR_RETURN(std::optional<Rows> rows, repo.Get(id, scope));
  if (!rows) return NotFoundRecord(def, id);
  return RecordCodec(def, *context_.vault).Decode(*rows, 0, Disclosure::kFull);
}

Result<Record> LedgerService::Get(const Actor& actor, const LedgerDef& def, int64_t id) {
  SH_ASSIGN_OR_RETURN(Record record, ReadWhole(actor, def, id));
  ApplyDisclosure(def, record, DisclosureFor(actor, def));
  return record;
}

Status LedgerService::AuthorizeSensitiveQuery(const Actor& actor, const LedgerDef& def,
                                              const std::vector<std::string>& fields) {
  if (fields.empty() || Authorize(actor, LedgerPermission(def, "reveal")).ok()) return Status::Ok();
  std::string zh;
  for (const std::string& key : fields) zh += (zh.empty() ? "" : "、") + ("“" + def.Field(key)->label_zh + "”");
  const std::string permission = LedgerPermission(def, "reveal");
  return Status::PermissionDenied("按" + zh + "筛选、排序或钻取记录需要查看敏感信息的权限（" + permission + "）",
                                  "selecting records by " + JoinCommaList(fields) + " needs the permission to reveal them (" +
                                      permission + ")");
}

Status LedgerService::AuditSensitiveQuery(const Actor& actor, const LedgerDef& def,
                                          const std::vector<std::string>& fields, const std::string& context,
                                          int64_t rows, int64_t total) {
  return context_.audit.Write(actor, "sensitive_query", def.name, 0, "", "", "",
                      "by=" + JoinCommaList(fields) + (context.empty() ? "" : " " + context) + " rows=" +
                          std::to_string(rows) + (total >= 0 ? " total=" + std::to_string(total) : ""));
}

Result<RecordPage> LedgerService::List(const Actor& actor, const LedgerDef& def, const ListRequest& request) {
  const std::vector<std::string> guarded = RevealGuardedFields(def, request);
  SH_RETURN_IF_ERROR(AuthorizeSensitiveQuery(actor, def, guarded));
  SH_ASSIGN_OR_RETURN(RecordPage page, ListAs(actor, def, request, DisclosureFor(actor, def)));
  if (!guarded.empty())
    SH_RETURN_IF_ERROR(AuditSensitiveQuery(actor, def, guarded, SelectionDetail(def, request, page.records),
                                           static_cast<int64_t>(page.records.size()), page.total));
  return page;
}

Result<RecordPage> LedgerService::ListRevealed(const Actor& actor, const LedgerDef& def, const ListRequest& request,
                                               const std::string& purpose) {
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "reveal")));
  SH_ASSIGN_OR_RETURN(RecordPage page, ListAs(actor, def, request, Disclosure::kFull));
  SH_ASSIGN_OR_RETURN(const bool allowed, context_.quota.Spend(actor, DisclosureKind::kReveal,
                                                               static_cast<int64_t>(page.records.size())));
  if (!allowed) {
    validator_.NoteRefusal(actor, DisclosureKind::kReveal, def.name);
    return context_.quota.Refusal(DisclosureKind::kReveal);
  }
  const std::vector<std::string> by = RevealGuardedFields(def, request);
  if (!by.empty())
    SH_RETURN_IF_ERROR(AuditSensitiveQuery(actor, def, by,
                                           "purpose=" + purpose + " " + SelectionDetail(def, request, page.records),
                                           static_cast<int64_t>(page.records.size()), page.total));
  for (const Record& r : page.records) {
    std::vector<std::string> revealed;
    for (const FieldDef& f : def.fields)
      if (const Value* v = r.Get(f.key); f.IsSensitive() && v && !IsNull(*v)) revealed.push_back(f.key);
    if (revealed.empty()) continue;
    SH_RETURN_IF_ERROR(context_.audit.Write(actor, "reveal", def.name, r.id, r.helped_region, "", "",
                                    "field=" + JoinCommaList(revealed) + " purpose=" + purpose));
  }
  return page;
}

Result<RecordPage> LedgerService::ListAs(const Actor& actor, const LedgerDef& def, const ListRequest& request,
                                         Disclosure disclosure) {
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "list")));
  // The dictionaries' generation, the count, the page and the references' labels read one
  // snapshot (on SQLite under one WAL read lock instead of one per statement).
  Result<RecordPage> page = Status::Internal("not listed");
  SH_RETURN_IF_ERROR(InReadTransaction(*context_.db, [&]() -> Status {
    page = ReadPage(def, request, ScopeOf(actor), disclosure);
    return page.status();
  }));
  return page;
}

Result<RecordPage> LedgerService::PairsInScope(const Actor& actor) {
  ListRequest request;
  request.sort = "code";
  request.page_size = 1000;
  request.count_total = false;
  Result<RecordPage> page = Status::Internal("not listed");
  SH_RETURN_IF_ERROR(InReadTransaction(*context_.db, [&]() -> Status {
    page = ReadPage(*FindLedger("pairs"), request, ScopeOf(actor), Disclosure::kMasked);
    return page.status();
  }));
  return page;
}

Result<RecordPage> LedgerService::ReadPage(const LedgerDef& def, const ListRequest& request, Scope scope,
                                           Disclosure disclosure) {
  SH_RETURN_IF_ERROR(RefreshDictionaries());
  if (request.pair) request.pair->Narrow(scope);
  ListQuery query;
  query.text = request.text;
  query.date_from = request.date_from;
  query.date_to = request.date_to;
  query.page = request.page;
  query.page_size = request.page_size;
  query.count_total = request.count_total;
  query.after = request.after;
  query.condition = request.condition;
  query.condition_params = request.condition_params;
  if (!request.sort.empty()) {
    query.descending = request.sort[0] == '-';
    query.sort_column = query.descending ? request.sort.substr(1) : request.sort;
  }
  std::vector<FieldError> errors;
  RecordCodec codec(def, *context_.vault);
  std::optional<RegionFilterArea> region_area;  // looked up at the first region filter by name
  std::vector<std::pair<std::string, std::string>> sealed;  // sensitive enum key → value (no hash)
  for (const auto& [key, raw] : request.equals) {
    const FieldDef* f = def.Field(key);
    if (!f) {
      errors.push_back({0, key, "未知的筛选字段：" + key, "unknown filter field: " + key});
      continue;
    }
    // Filtering by a disabled option still finds the records that carry it.
    std::vector<EnumOption> options = snapshot_.OptionsFor(def, *f);
    for (EnumOption& o : options) o.disabled = false;
    Result<Value> v = ParseFieldValue(*f, raw, InputSource::kApi, &options);
    if (!v.ok()) {
      for (const FieldError& e : v.status().details()) errors.push_back(e);
      continue;
    }
    // A region, by code or name, selects the records placed in it or anywhere below it.
    if (f->type == FieldType::kRegion && !IsNull(*v)) {
      if (!region_area && !IsAsciiDigits(AsText(*v))) {
        SH_ASSIGN_OR_RETURN(region_area, RegionFilterAreaFor(*context_.db, request.pair, scope));
      }
      Result<std::string> prefix = RegionFilterPrefix(*f, region_area.value_or(RegionFilterArea{}), AsText(*v));
      if (!prefix.ok()) {
        for (const FieldError& e : prefix.status().details()) errors.push_back(e);
        continue;
      }
      query.within.emplace_back(key, *prefix);
      continue;
    }
    if (f->HasLookupHash())
      query.equals.emplace_back(key + "_hash", codec.HashOf(key, AsText(*v)));
    else if (f->IsSensitive())
      sealed.emplace_back(key, AsText(*v));
    else if (f->type == FieldType::kRef)
      query.equals.emplace_back(key, Value{static_cast<int64_t>(AsInt(*v))});
    else
      query.equals.emplace_back(key, *v);
  }
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  if (query.page_size < 1 || query.page_size > 1000)
    return Status::InvalidArgument("每页条数应在 1 到 1000 之间", "page_size must be between 1 and 1000");

  LedgerRepository repo(*context_.db, def);
  if (!sealed.empty()) {
    SH_ASSIGN_OR_RETURN(query.only_ids, SealedMatches(repo, codec, query, scope, sealed));
  }
  SH_ASSIGN_OR_RETURN(StoredPage stored, repo.List(query, scope));
  RecordPage page;
  page.total = stored.total;
  page.has_more = stored.has_more;
  page.next = stored.last;
  SH_ASSIGN_OR_RETURN(page.records, codec.DecodeAll(std::move(stored.rows), disclosure));
  SH_ASSIGN_OR_RETURN(page.ref_labels, LabelsOfRefs(def, RefIdsOf(def, page.records)));
  return page;
}

Result<std::vector<int64_t>> LedgerService::SealedMatches(LedgerRepository& repo, const RecordCodec& codec,
                                                         const ListQuery& query, const Scope& scope,
                                                         const std::vector<std::pair<std::string, std::string>>& sealed) {
  std::string columns = "r.id";
  for (const auto& [key, value] : sealed) columns += ", r." + key + "_enc";
  SH_ASSIGN_OR_RETURN(Rows rows, repo.ListColumns(query, scope, columns));
  // Without a total to count, decrypting stops at the last match the page can show (and one
  // more, which tells whether a page follows): an export's keyset pages decrypt each row once.
  const bool all = query.count_total || query.page_size <= 0;
  const size_t enough =
      all ? rows.rows.size()
          : static_cast<size_t>((query.after ? 0 : (std::max<int64_t>(query.page, 1) - 1) * query.page_size) +
                                query.page_size + 1);
  std::vector<int64_t> ids;
  for (const std::vector<Value>& row : rows.rows) {
    if (ids.size() >= enough) break;
    bool matches = true;
    for (size_t k = 0; k < sealed.size() && matches; ++k) {
      if (IsNull(row[k + 1])) {
        matches = false;
        continue;
      }
      SH_ASSIGN_OR_RETURN(std::string plain, codec.Open(sealed[k].first, row[k + 1]));
      matches = plain == sealed[k].second;
    }
    if (matches) ids.push_back(AsInt(row[0]));
  }
  return ids;
}

std::map<std::string, std::vector<int64_t>> LedgerService::RefIdsOf(const LedgerDef& def,
                                                                     const std::vector<Record>& records) {
  std::map<std::string, std::vector<int64_t>> out;
  for (const FieldDef& f : def.fields) {
    if (f.type != FieldType::kRef) continue;
    std::vector<int64_t>& ids = out[f.key];
    for (const Record& r : records)
      if (const Value* v = r.Get(f.key); v && !IsNull(*v)) ids.push_back(AsInt(*v));
  }
  return out;
}

Result<RefLabels> LedgerService::LabelsOfRefs(const LedgerDef& def,
                                              const std::map<std::string, std::vector<int64_t>>& ids_by_field) {
  RefLabels out;
  for (const auto& [key, ids] : ids_by_field) {
    const FieldDef* f = def.Field(key);
    if (!f || f->type != FieldType::kRef || ids.empty()) continue;
    LedgerRepository target(*context_.db, *FindLedger(f->ref_ledger));
    SH_ASSIGN_OR_RETURN(auto labels, target.NaturalKeysOf(ids));
    for (auto& [id, label] : labels) out[key][id] = std::move(label);
  }
  return out;
}

Result<std::string> LedgerService::Reveal(const Actor& actor, const LedgerDef& def, int64_t id, const std::string& key) {
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "reveal")));
  const FieldDef* f = def.Field(key);
  if (!f || !f->IsSensitive())
    return Status::InvalidArgument("字段 " + key + " 不是敏感字段", "field " + key + " is not a sensitive field");
  LedgerRepository repo(*context_.db, def);
  SH_ASSIGN_OR_RETURN(std::optional<Rows> rows, repo.Get(id, ScopeOf(actor)));
  if (!rows) return NotFoundRecord(def, id);
  SH_ASSIGN_OR_RETURN(Record full, RecordCodec(def, *context_.vault).Decode(*rows, 0, Disclosure::kFull));
  SH_RETURN_IF_ERROR(context_.quota.RecordReveal(actor, def.name, id, full.helped_region, "field=" + key));
  return AsText(*full.Get(key));
}

Status LedgerService::SettleDisclosures() {
  std::vector<RecordValidator::KeyMatch> matches = validator_.TakeKeyMatches();
  std::vector<RecordValidator::Refused> refusals = validator_.TakeRefusals();
  if (matches.empty() && refusals.empty()) return Status::Ok();
  return InTransaction(*context_.db, [&]() -> Status {
    for (const RecordValidator::KeyMatch& m : matches) {
      const FieldDef* key = FindLedger(m.ledger)->Field(FindLedger(m.ledger)->natural_key);
      SH_RETURN_IF_ERROR(context_.audit.Write(m.actor, "key_match", m.ledger, m.record_id, m.helped_region, "", "",
                                              "field=" + key->key + (m.revealable ? " reveal=counted" : "")));
      SH_RETURN_IF_ERROR(context_.quota.Count(m.actor, DisclosureKind::kKeyMatch, 1));
      if (m.revealable) SH_RETURN_IF_ERROR(context_.quota.Count(m.actor, DisclosureKind::kReveal, 1));
    }
    for (const RecordValidator::Refused& r : refusals)
      SH_RETURN_IF_ERROR(context_.quota.Alert(r.actor, r.kind, r.ledger));
    return Status::Ok();
  });
}

Result<std::vector<HistoryStep>> LedgerService::History(const Actor& actor, const LedgerDef& def, int64_t id) {
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "read")));
  AuditFilter filter;
  filter.ledger = def.name;
  filter.record_id = id;
  // Whoever sees the record sees its whole history; a deleted record's history stays limited
  // to the actor's region through the helped region the audit rows carry (an owner-scoped actor
  // sees only the history of records it can still see).
  Result<Record> current = Get(actor, def, id);
  if (!current.ok() && (current.status().code() != Code::kNotFound || actor.owner_scoped())) return current.status();
  if (!current.ok()) {
    // A record that still exists outside the actor's scope (its pair moved away) is not deleted:
    // its history, like the record, is not found.
    SH_ASSIGN_OR_RETURN(std::optional<Rows> elsewhere, LedgerRepository(*context_.db, def).Get(id, Scope{}));
    if (elsewhere) return current.status();
  }
  filter.visible_prefix = current.ok() ? "" : VisiblePrefix(actor);
  filter.page_size = 1000;
  SH_ASSIGN_OR_RETURN(auto found, context_.audit.Find(filter));
  // A record that never existed, or was deleted where the actor cannot see, has no history to
  // show: not found, as a live record out of sight is (an empty list would tell them apart).
  if (!current.ok() && found.second.empty()) return current.status();
  // Display names are looked up now, not read from the audit rows: those are hash-chained and
  // keep the login as the actor (a transition's detail keeps the masked name of then), and a name
  // changed later shows in every history at once. Only the masked name leaves.
  SH_ASSIGN_OR_RETURN(auto display_names, UserNames(*context_.db).OfRecordActors(def.name, id));
  std::vector<HistoryStep> steps;
  steps.reserve(found.second.size());
  // A key match says someone checked this person's ID number: a fact about the number, which
  // only a reader who may reveal it learns (as the check itself answers only such a reader).
  const bool may_reveal = Authorize(actor, LedgerPermission(def, "reveal")).ok();
  for (AuditEntry& e : found.second) {
    if (e.action == "key_match" && !may_reveal) continue;
    // Rows written before masking hid what it hides now are masked again on the way out.
    e.before_json = MaskedRecordJsonText(def, e.before_json);
    e.after_json = MaskedRecordJsonText(def, e.after_json);
    // A file name quoted by an entry written before evidence names were masked (idcard_5227….png).
    e.detail = MaskPersonalNumbers(e.detail);
    auto named = display_names.find(e.actor);
    std::string by = ShownActorName(named == display_names.end() ? "" : named->second, e.actor);
    steps.push_back(HistoryStep{std::move(e), std::move(by)});
  }
  return steps;
}

}  // namespace shanhai

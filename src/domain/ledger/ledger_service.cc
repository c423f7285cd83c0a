#include "domain/ledger/ledger_service.h"

#include "common/comma_list.h"

#include <algorithm>

#include "common/money.h"
#include "common/personal_numbers.h"
#include "domain/ledger/record_json.h"
#include "domain/ledger/record_set_service.h"
#include "domain/ledger/workflow.h"
#include "regions/region_catalog.h"

namespace shanhai {

namespace {

constexpr const char* kSelectPairByCode = "SELECT id, code, helper_region, helped_region FROM pairs WHERE code = ?";
constexpr const char* kSelectPairs = "SELECT id, code, helper_region, helped_region FROM pairs";

bool IsVisible(const Actor& actor, const std::string& helper_region, const std::string& helped_region) {
  const std::string prefix = VisiblePrefix(actor);
  return prefix.empty() || helper_region.starts_with(prefix) || helped_region.starts_with(prefix);
}

Status NotFoundRecord(const LedgerDef& def, int64_t id) {
  return Status::NotFound(def.label_zh + "中没有编号为 " + std::to_string(id) + " 的记录",
                          "no " + def.name + " record with id " + std::to_string(id));
}

// Owner scope on writes: an owner-scoped actor writes only records its own organisation owns;
// it may change its organisation's record but not make new organisations. Appends a FieldError
// on the owner field when the record names another owner; PermissionDenied when the ledger
// cannot hold records of the actor's organisation.
Status CheckOwner(const Actor& actor, const LedgerDef& def, const Record* before, const Record& record,
                  std::vector<FieldError>& errors) {
  // A line is its parent's: the parent's owner was checked, and lines carry no owner of their own.
  if (!actor.owner_scoped() || !def.line_of.empty()) return Status::Ok();
  if (def.OwnerLedger() != actor.owner_ledger || (def.owner_field == "id" && !before))
    return Status::PermissionDenied("按单位授权的账号不能在“" + def.label_zh + "”中新增记录",
                                    "an organisation's account cannot add " + def.name + " records");
  if (def.owner_field == "id") return Status::Ok();
  const Value* owner = record.Get(def.owner_field);
  if (!owner || IsNull(*owner) || AsInt(*owner) != actor.owner_id) {
    const FieldDef* f = def.Field(def.owner_field);
    errors.push_back({0, def.owner_field, f->label_zh + "：只能填写本单位", f->label_en + ": must be your own organisation"});
  }
  return Status::Ok();
}

int64_t VersionOf(const Record& record) { return AsInt(*record.Get("version")); }

}  // namespace

Change ChangeOf(const LedgerDef& def, const Record& record, const char* kind, int64_t version) {
  return Change{0, def.name, record.id, kind, version, record.helped_region, ""};
}

Scope ScopeOf(const Actor& actor) {
  return Scope{"", "", VisiblePrefix(actor), actor.owner_ledger, actor.owner_id};
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
  if (!request.sort.empty()) add(request.sort[0] == '-' ? request.sort.substr(1) : request.sort);
  return out;
}

LedgerService::LedgerService(ServiceContext context)
    : context_(std::move(context)),
      audit_(*context_.db, context_.now),
      changes_(*context_.db, context_.changes, context_.now),
      dictionaries_(*context_.db, audit_, context_.now) {}

Status LedgerService::RefreshDictionaries() {
  SH_ASSIGN_OR_RETURN(snapshot_, dictionaries_.Load());
  return Status::Ok();
}

Result<LedgerService::PairInfo> LedgerService::FindPair(const Actor& actor, const std::string& code) {
  auto cached = pair_cache_.find(code);
  PairInfo info;
  if (cached != pair_cache_.end()) {
    info = cached->second;
  } else if (pair_cache_complete_) {
    return Status::NotFound("帮扶关系 " + code + " 不存在（先在“帮扶关系”台账中建立）",
                            "pair " + code + " does not exist (create it in the pairs ledger first)");
  } else {
    SH_ASSIGN_OR_RETURN(Rows rows, context_.db->Query(kSelectPairByCode, {code}));
    if (rows.rows.empty())
      return Status::NotFound("帮扶关系 " + code + " 不存在（先在“帮扶关系”台账中建立）",
                              "pair " + code + " does not exist (create it in the pairs ledger first)");
    info = {AsInt(rows.rows[0][0]), AsText(rows.rows[0][1]), AsText(rows.rows[0][2]), AsText(rows.rows[0][3])};
    pair_cache_[code] = info;
  }
  if (!IsVisible(actor, info.helper_region, info.helped_region))
    return Status::PermissionDenied("无权访问帮扶关系 " + code, "you may not access pair " + code);
  return info;
}

Status LedgerService::PreloadPairs() {
  SH_ASSIGN_OR_RETURN(Rows rows, context_.db->Query(kSelectPairs));
  for (const auto& r : rows.rows)
    pair_cache_[AsText(r[1])] = {AsInt(r[0]), AsText(r[1]), AsText(r[2]), AsText(r[3])};
  pair_cache_complete_ = true;
  return Status::Ok();
}

Status LedgerService::ResolveRef(const FieldDef& field, const std::string& raw, InputSource source, int64_t pair_id,
                                 Value& out, std::vector<FieldError>& errors) {
  const LedgerDef* target = FindLedger(field.ref_ledger);
  if (!target) return Status::Internal("unknown ref ledger " + field.ref_ledger);
  LedgerRepository repo(*context_.db, *target);
  // The API names a record by id; spreadsheets by its natural key (e.g. a unit's name).
  const bool by_id = source == InputSource::kApi && !raw.empty() && raw.size() < 19 &&
                     raw.find_first_not_of("0123456789") == std::string::npos;
  const FieldDef* key_field = target->Field(target->natural_key);
  Result<int64_t> id = int64_t{0};
  if (by_id) {
    id = repo.FindByNaturalKey(pair_id, "id", Value{static_cast<int64_t>(std::stoll(raw))});
  } else if (key_field && key_field->IsSensitive()) {
    id = repo.FindByNaturalKey(0, target->natural_key + "_hash",
                               Value{RecordCodec(*target, *context_.vault).HashOf(target->natural_key, raw)});
  } else {
    id = repo.FindByNaturalKey(pair_id, target->natural_key, Value{raw});
  }
  if (!id.ok()) return id.status();
  if (*id == 0) {
    const std::string shown = MaskPersonalNumbers(raw);
    errors.push_back({0, field.key, field.label_zh + "：在本帮扶关系的“" + target->label_zh + "”中找不到“" + shown + "”",
                      field.label_en + ": no " + target->name + " record \"" + shown + "\" in this pair"});
    return Status::Ok();
  }
  out = *id;
  return Status::Ok();
}

Status LedgerService::CheckUnique(const Actor& actor, const LedgerDef& def, const Record& record,
                                  std::vector<FieldError>& errors) {
  if (def.natural_key.empty()) return Status::Ok();
  const FieldDef* key_field = def.Field(def.natural_key);
  const Value* value = record.Get(def.natural_key);
  if (!key_field || !value || IsNull(*value)) return Status::Ok();
  LedgerRepository repo(*context_.db, def);
  RecordCodec codec(def, *context_.vault);
  const bool sensitive = key_field->IsSensitive();
  // People are one registry across all pairs: the same ID number is one person everywhere.
  const int64_t pair_scope = sensitive || !def.pair_scoped ? 0 : record.pair_id;
  SH_ASSIGN_OR_RETURN(int64_t existing,
                      repo.FindByNaturalKey(pair_scope, sensitive ? def.natural_key + "_hash" : def.natural_key,
                                            sensitive ? Value{codec.HashOf(def.natural_key, AsText(*value))} : *value));
  if (existing == 0 || existing == record.id) return Status::Ok();
  SH_ASSIGN_OR_RETURN(FieldError taken, KeyTakenError(actor, def, existing));
  errors.push_back(std::move(taken));
  return Status::Ok();
}

Result<FieldError> LedgerService::KeyTakenError(const Actor& actor, const LedgerDef& def, int64_t existing) {
  const FieldDef* key_field = def.Field(def.natural_key);
  LedgerRepository repo(*context_.db, def);
  SH_ASSIGN_OR_RETURN(std::optional<Rows> visible, repo.Get(existing, ScopeOf(actor)));
  // Naming the record would tie the whole value the user typed to it: for a sensitive key that
  // is a reveal, so only a reader who may reveal learns which record holds it.
  if (visible && key_field->IsSensitive() && !Authorize(actor, LedgerPermission(def, "reveal")).ok())
    return FieldError{0, def.natural_key, key_field->label_zh + "已存在", key_field->label_en + " already exists"};
  if (visible)
    return FieldError{0, def.natural_key, key_field->label_zh + "已存在（记录编号 " + std::to_string(existing) + "）",
                      key_field->label_en + " already exists (record " + std::to_string(existing) + ")"};
  return FieldError{0, def.natural_key, key_field->label_zh + "已存在（在您无权查看的记录中）",
                    key_field->label_en + " already exists (in a record you may not see)"};
}

Result<Record> LedgerService::Prepare(const Actor& actor, const LedgerDef& def, const RawRecord& input,
                                      InputSource source, const Record* before, bool check_unique) {
  std::vector<FieldError> errors;
  Record record;
  if (before) record = *before;

  if (def.pair_scoped) {
    const std::string code = !input.pair.empty() ? input.pair : (before ? before->pair_code : "");
    if (code.empty()) {
      errors.push_back({0, "pair", "帮扶关系：必填", "pair: required"});
    } else {
      Result<PairInfo> pair = FindPair(actor, code);
      if (!pair.ok() && pair.status().code() != Code::kNotFound && pair.status().code() != Code::kPermissionDenied)
        return pair.status();
      if (!pair.ok()) {
        errors.push_back({0, "pair", pair.status().message_zh(), pair.status().message_en()});
      } else {
        record.pair_id = pair->id;
        record.pair_code = pair->code;
        record.helped_region = pair->helped_region;
      }
    }
  }

  for (const auto& [key, raw] : input.fields) {
    const FieldDef* f = def.Field(key);
    if (!f) {
      errors.push_back({0, key, "未知字段：" + key, "unknown field: " + key});
      continue;
    }
    if (f->computed) continue;  // derived below; input for it is ignored
    const std::vector<EnumOption>& options = snapshot_.OptionsFor(def, *f);
    // Re-sending a stored value that has since been disabled is no new choice: keep it.
    if (before && f->type == FieldType::kEnum) {
      const Value* stored = before->Get(key);
      if (stored && !IsNull(*stored) && AsText(*stored) == raw) continue;
    }
    Result<Value> v = ParseFieldValue(*f, raw, source, &options);
    if (!v.ok()) {
      for (const FieldError& e : v.status().details()) errors.push_back(e);
      continue;
    }
    Value value = std::move(v).value();
    if (f->type == FieldType::kRef && !IsNull(value)) {
      if (record.pair_id == 0 && def.pair_scoped) continue;  // the pair error is already reported
      SH_RETURN_IF_ERROR(ResolveRef(*f, AsText(value), source, record.pair_id, value, errors));
    }
    record.Set(key, std::move(value));
  }

  for (const FieldDef& f : def.fields) {
    const Value* v = record.Get(f.key);
    // An absent yes/no means no: bool columns are NOT NULL with default 0.
    if ((!v || IsNull(*v)) && f.type == FieldType::kBool) record.Set(f.key, int64_t{0});
    else if (!v) record.Set(f.key, Value{});
    const bool given = v && !IsNull(*v) && !AsText(*v).empty();
    const bool has_error = std::any_of(errors.begin(), errors.end(), [&](const FieldError& e) { return e.field == f.key; });
    if (f.required && !f.computed && !given && !has_error)
      errors.push_back({0, f.key, f.label_zh + "：必填", f.label_en + ": required"});
  }
  if (errors.empty() && def.derive) def.derive(record);
  if (!def.pair_scoped) record.helped_region = AsText(*record.Get("helped_region"));
  // Cross-field rules run on whatever parsed, so one answer lists every problem; a rule's
  // complaint about a field that already has an error is left out.
  std::vector<FieldError> rule_errors;
  if (def.workflow) def.workflow->CheckStateFields(def, record, rule_errors);
  if (def.check) def.check(before, record, rule_errors);
  auto extra = context_.extra_checks.find(def.name);
  if (extra != context_.extra_checks.end()) extra->second(before, record, rule_errors);
  for (FieldError& e : rule_errors)
    if (std::none_of(errors.begin(), errors.end(), [&](const FieldError& f) { return f.field == e.field; }))
      errors.push_back(std::move(e));
  if (errors.empty() && check_unique) SH_RETURN_IF_ERROR(CheckUnique(actor, def, record, errors));
  SH_RETURN_IF_ERROR(CheckOwner(actor, def, before, record, errors));
  if (!def.pair_scoped && !IsVisible(actor, AsText(*record.Get("helper_region")), record.helped_region))
    errors.push_back({0, "helped_region", "超出您的管辖区域", "outside your region"});
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return record;
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
  row.emplace_back("updated_at", context_.now());
  row.emplace_back("updated_by", actor.name);
  return row;
}

Result<Record> LedgerService::Create(const Actor& actor, const LedgerDef& def, const RawRecord& input,
                                     InputSource source) {
  SH_RETURN_IF_ERROR(RefuseLineWrite(def));
  if (!def.lines.empty()) {
    SH_ASSIGN_OR_RETURN(RecordWithLines created, RecordSetService(*this).Create(actor, def, input, {}, source));
    return std::move(created.parent);
  }
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "create")));
  SH_RETURN_IF_ERROR(RefreshDictionaries());
  Result<Record> created = Status::Internal("not created");
  SH_RETURN_IF_ERROR(InTransaction(*context_.db, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(Record record, Prepare(actor, def, input, source, nullptr));
    SH_ASSIGN_OR_RETURN(Record stored, InsertPrepared(actor, def, record, ""));
    ApplyDisclosure(def, stored, DisclosureFor(actor, def));
    created = std::move(stored);
    return Status::Ok();
  }));
  changes_.Announce();
  return created;
}

Status LedgerService::KeepState(const LedgerDef& def, const Record& before, const RawRecord& input) {
  if (!def.workflow) return Status::Ok();
  const Workflow& w = *def.workflow;
  const FieldDef* f = def.Field(w.state_field);
  for (const auto& [key, raw] : input.fields) {
    if (key != w.state_field) continue;
    const EnumOption* option = f->FindOption(raw);
    if (option && option->code == StateOf(def, before)) continue;
    std::string zh, en;
    for (const TransitionDef& t : w.transitions) {
      zh += (zh.empty() ? "" : "、") + t.label_zh;
      en += (en.empty() ? "" : ", ") + t.name;
    }
    return Status::Invalid({{0, key, f->label_zh + "不能直接修改，请使用流程操作（" + zh + "）",
                             f->label_en + " cannot be changed by an update; take a transition (" + en + ")"}});
  }
  return Status::Ok();
}

Result<Record> LedgerService::Update(const Actor& actor, const LedgerDef& def, int64_t id, const RawRecord& input,
                                     InputSource source, int64_t expected_version) {
  SH_RETURN_IF_ERROR(RefuseLineWrite(def));
  if (!def.lines.empty()) {
    SH_ASSIGN_OR_RETURN(RecordWithLines updated,
                        RecordSetService(*this).Update(actor, def, id, input, {}, source, expected_version));
    return std::move(updated.parent);
  }
  SH_RETURN_IF_ERROR(AuthorizeUpdate(actor, def, input));
  SH_RETURN_IF_ERROR(RefreshDictionaries());
  Result<Record> updated = Status::Internal("not updated");
  SH_RETURN_IF_ERROR(InTransaction(*context_.db, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(Record before, ReadForChange(actor, def, id, expected_version));
    SH_RETURN_IF_ERROR(KeepState(def, before, input));
    SH_ASSIGN_OR_RETURN(Record record, Prepare(actor, def, input, source, &before));
    SH_ASSIGN_OR_RETURN(Record after, UpdatePrepared(actor, def, before, record, ""));
    ApplyDisclosure(def, after, DisclosureFor(actor, def));
    updated = std::move(after);
    return Status::Ok();
  }));
  changes_.Announce();
  return updated;
}

Status LedgerService::Delete(const Actor& actor, const LedgerDef& def, int64_t id) {
  SH_RETURN_IF_ERROR(RefuseLineWrite(def));
  if (!def.lines.empty()) return RecordSetService(*this).Delete(actor, def, id);
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "delete")));
  SH_RETURN_IF_ERROR(InTransaction(*context_.db, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(Record before, ReadWhole(actor, def, id));
    return DeletePrepared(actor, def, before, "");
  }));
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
  LedgerRepository repo(*context_.db, def);
  SH_ASSIGN_OR_RETURN(std::optional<Rows> rows, repo.Get(id, ScopeOf(actor)));
  if (!rows) return NotFoundRecord(def, id);
  SH_ASSIGN_OR_RETURN(Record before, RecordCodec(def, *context_.vault).Decode(*rows, 0, Disclosure::kFull));
  if (expected_version != 0 && expected_version != AsInt(*before.Get("version")))
    return Status::Conflict("记录已被他人修改，请刷新后重试", "the record was changed by someone else; reload and retry");
  return before;
}

Result<Record> LedgerService::InsertPrepared(const Actor& actor, const LedgerDef& def, const Record& record,
                                             const std::string& detail) {
  LedgerRepository repo(*context_.db, def);
  SH_ASSIGN_OR_RETURN(int64_t id, repo.Insert(StoredRowForInsert(actor, def, record, context_.now())));
  SH_ASSIGN_OR_RETURN(Record stored, ReadWritten(actor, def, id));
  SH_RETURN_IF_ERROR(audit_.Write(actor, "create", def.name, id, stored.helped_region, "",
                                  AuditRecordJsonText(def, stored), detail));
  SH_RETURN_IF_ERROR(changes_.Append({ChangeOf(def, stored, kChangeCreated, VersionOf(stored))}));
  return stored;
}

Result<Record> LedgerService::UpdatePrepared(const Actor& actor, const LedgerDef& def, const Record& before,
                                             const Record& record, const std::string& detail,
                                             const std::string& action, const char* kind) {
  LedgerRepository repo(*context_.db, def);
  SH_RETURN_IF_ERROR(repo.Update(before.id, AsInt(*before.Get("version")), StoredRowForUpdate(actor, def, record)));
  SH_ASSIGN_OR_RETURN(Record after, ReadWritten(actor, def, before.id));
  SH_RETURN_IF_ERROR(audit_.Write(actor, action, def.name, before.id, after.helped_region,
                                  AuditRecordJsonText(def, before), AuditRecordJsonText(def, after), detail));
  SH_RETURN_IF_ERROR(changes_.Append({ChangeOf(def, after, kind, VersionOf(after))}));
  return after;
}

Status LedgerService::DeletePrepared(const Actor& actor, const LedgerDef& def, const Record& before,
                                     const std::string& detail) {
  LedgerRepository repo(*context_.db, def);
  SH_RETURN_IF_ERROR(repo.Delete(before.id));
  SH_RETURN_IF_ERROR(audit_.Write(actor, "delete", def.name, before.id, before.helped_region,
                                  AuditRecordJsonText(def, before), "", detail));
  return changes_.Append({ChangeOf(def, before, kChangeDeleted, VersionOf(before) + 1)});
}

Result<Record> LedgerService::ReadWhole(const Actor& actor, const LedgerDef& def, int64_t id) {
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "read")));
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
  return audit_.Write(actor, "sensitive_query", def.name, 0, "", "", "",
                      "by=" + JoinCommaList(fields) + (context.empty() ? "" : " " + context) + " rows=" +
                          std::to_string(rows) + (total >= 0 ? " total=" + std::to_string(total) : ""));
}

Result<RecordPage> LedgerService::List(const Actor& actor, const LedgerDef& def, const ListRequest& request) {
  const std::vector<std::string> guarded = RevealGuardedFields(def, request);
  SH_RETURN_IF_ERROR(AuthorizeSensitiveQuery(actor, def, guarded));
  SH_ASSIGN_OR_RETURN(RecordPage page, ListAs(actor, def, request, DisclosureFor(actor, def)));
  if (!guarded.empty())
    SH_RETURN_IF_ERROR(AuditSensitiveQuery(actor, def, guarded, "", static_cast<int64_t>(page.records.size()),
                                           page.total));
  return page;
}

Result<RecordPage> LedgerService::ListRevealed(const Actor& actor, const LedgerDef& def, const ListRequest& request,
                                               const std::string& purpose) {
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "reveal")));
  SH_ASSIGN_OR_RETURN(RecordPage page, ListAs(actor, def, request, Disclosure::kFull));
  const std::vector<std::string> by = RevealGuardedFields(def, request);
  if (!by.empty())
    SH_RETURN_IF_ERROR(AuditSensitiveQuery(actor, def, by, "purpose=" + purpose,
                                           static_cast<int64_t>(page.records.size()), page.total));
  for (const Record& r : page.records) {
    std::vector<std::string> revealed;
    for (const FieldDef& f : def.fields)
      if (const Value* v = r.Get(f.key); f.IsSensitive() && v && !IsNull(*v)) revealed.push_back(f.key);
    if (revealed.empty()) continue;
    SH_RETURN_IF_ERROR(audit_.Write(actor, "reveal", def.name, r.id, r.helped_region, "", "",
                                    "field=" + JoinCommaList(revealed) + " purpose=" + purpose));
  }
  return page;
}

Result<RecordPage> LedgerService::ListAs(const Actor& actor, const LedgerDef& def, const ListRequest& request,
                                         Disclosure disclosure) {
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "list")));
  SH_RETURN_IF_ERROR(RefreshDictionaries());
  Scope scope = ScopeOf(actor);
  if (request.pair) request.pair->Narrow(scope);
  ListQuery query;
  query.text = request.text;
  query.date_from = request.date_from;
  query.date_to = request.date_to;
  query.page = request.page;
  query.page_size = request.page_size;
  query.count_total = request.count_total;
  query.after = request.after;
  if (!request.sort.empty()) {
    query.descending = request.sort[0] == '-';
    query.sort_column = query.descending ? request.sort.substr(1) : request.sort;
  }
  std::vector<FieldError> errors;
  RecordCodec codec(def, *context_.vault);
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
    if (f->IsSensitive())
      query.equals.emplace_back(key + "_hash", codec.HashOf(key, AsText(*v)));
    else if (f->type == FieldType::kRef)
      query.equals.emplace_back(key, Value{static_cast<int64_t>(AsInt(*v))});
    else
      query.equals.emplace_back(key, *v);
  }
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  if (query.page_size < 1 || query.page_size > 1000)
    return Status::InvalidArgument("每页条数应在 1 到 1000 之间", "page_size must be between 1 and 1000");

  LedgerRepository repo(*context_.db, def);
  SH_ASSIGN_OR_RETURN(StoredPage stored, repo.List(query, scope));
  RecordPage page;
  page.total = stored.total;
  page.has_more = stored.has_more;
  page.next = stored.last;
  page.records.reserve(stored.rows.rows.size());
  for (size_t i = 0; i < stored.rows.rows.size(); ++i) {
    SH_ASSIGN_OR_RETURN(Record r, codec.Decode(stored.rows, i, disclosure));
    page.records.push_back(std::move(r));
  }
  for (const FieldDef& f : def.fields) {
    if (f.type != FieldType::kRef) continue;
    std::vector<int64_t> ids;
    for (const Record& r : page.records)
      if (const Value* v = r.Get(f.key); v && !IsNull(*v)) ids.push_back(AsInt(*v));
    LedgerRepository target(*context_.db, *FindLedger(f.ref_ledger));
    SH_ASSIGN_OR_RETURN(auto labels, target.NaturalKeysOf(ids));
    for (auto& [id, label] : labels) page.ref_labels[f.key][id] = std::move(label);
  }
  return page;
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
  // The reading is logged before the value is handed out; no log row, no value.
  SH_RETURN_IF_ERROR(audit_.Write(actor, "reveal", def.name, id, full.helped_region, "", "", "field=" + key));
  return AsText(*full.Get(key));
}

Result<std::vector<AuditEntry>> LedgerService::History(const Actor& actor, const LedgerDef& def, int64_t id) {
  SH_RETURN_IF_ERROR(Authorize(actor, LedgerPermission(def, "read")));
  AuditFilter filter;
  filter.ledger = def.name;
  filter.record_id = id;
  // Whoever sees the record sees its whole history; a deleted record's history stays limited
  // to the actor's region through the helped region the audit rows carry (an owner-scoped actor
  // sees only the history of records it can still see).
  Result<Record> current = Get(actor, def, id);
  if (!current.ok() && (current.status().code() != Code::kNotFound || actor.owner_scoped())) return current.status();
  filter.visible_prefix = current.ok() ? "" : VisiblePrefix(actor);
  filter.page_size = 1000;
  SH_ASSIGN_OR_RETURN(auto found, audit_.Find(filter));
  // Rows written before masking hid what it hides now are masked again on the way out.
  for (AuditEntry& e : found.second) {
    e.before_json = MaskedRecordJsonText(def, e.before_json);
    e.after_json = MaskedRecordJsonText(def, e.after_json);
  }
  return std::move(found.second);
}

}  // namespace shanhai

#include "domain/ledger/record_validator.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "common/personal_numbers.h"
#include "common/text.h"
#include "domain/ledger/ledger_service.h"
#include "domain/ledger/pair_write_rule.h"
#include "domain/ledger/record_codec.h"
#include "domain/ledger/record_placement.h"
#include "domain/ledger/stored_reader.h"
#include "domain/ledger/workflow.h"
#include "domain/pairing/pair_name.h"
#include "regions/region_candidates.h"
#include "regions/region_search.h"

namespace shanhai {

namespace {

constexpr const char* kSelectPairByCode = "SELECT id, code, helper_region, helped_region FROM pairs WHERE code = ?";
constexpr const char* kSelectPairs = "SELECT id, code, helper_region, helped_region FROM pairs ORDER BY code";

// To a user limited to a region, a pair that does not exist and one out of its sight are answered
// alike (NotFound, quoting typed): two answers would tell which pairs exist elsewhere.
Status NoPairInSight(const std::string& typed) {
  return Status::NotFound("帮扶关系“" + typed + "”不存在或不在您的管辖范围内：请填写您可查看的帮扶关系的代码（如 440111-522727）、"
                              "名称（如 广州市白云区—黔南州平塘县）或一方的名称（如 平塘县），“帮扶关系”台账列出了这些帮扶关系",
                          "pair \"" + typed + "\" does not exist or is not yours: give the code (440111-522727), the name "
                              "(广州市白云区—黔南州平塘县) or one side's name (平塘县) of a pair you can see in the pairs "
                              "ledger");
}

// Region names remembered by ResolveRegionName (an import names the same few villages in many rows).
constexpr size_t kMaxCachedRegionNames = 10'000;

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

// An actor limited to a town or a village writes only records it will see afterwards: placed in
// its region by one of their placing fields (record_placement.h; the pair, whose side encloses that
// region, was checked by FindPair and CheckPairWritable) — a region field's code, or the record a
// reference names (a seeker's person), which ResolveRef already held to the actor's sight. The
// pairs themselves, and ledgers that place no record in a region, it reads at most and never
// writes; open demand (LedgerDef::open_state) it reads but changes only where placed. Appends a
// FieldError on the first placing field when none places the record inside, unless the pair or a
// placing field has an error already (no reference is resolved without the pair).
Status CheckPlacedInRegion(Database& db, const Actor& actor, const LedgerDef& def, const Record& record,
                           std::vector<FieldError>& errors) {
  if (!def.line_of.empty() || EnclosingPairSides(actor).empty()) return Status::Ok();  // lines: see CheckOwner
  const std::vector<const FieldDef*> placing = def.pair_scoped ? PlacingFields(def) : std::vector<const FieldDef*>{};
  if (placing.empty())
    return Status::PermissionDenied("按乡镇或村授权的账号不能修改“" + def.label_zh + "”中的记录",
                                    "an account limited to a town or a village cannot change " + def.name + " records");
  if (record.pair_id == 0) return Status::Ok();
  const std::string prefix = VisiblePrefix(actor);
  for (const FieldDef* f : placing) {
    const Value* v = record.Get(f->key);
    if (!v || IsNull(*v)) continue;
    if (std::any_of(errors.begin(), errors.end(), [&](const FieldError& e) { return e.field == f->key; }))
      return Status::Ok();
    if (f->type == FieldType::kRegion) {
      if (AsText(*v).starts_with(prefix)) return Status::Ok();
      continue;
    }
    if (!std::holds_alternative<int64_t>(*v)) continue;  // resolved references are ids
    SH_ASSIGN_OR_RETURN(const bool inside, LedgerRepository(db, *FindLedger(f->ref_ledger)).PlacedIn(AsInt(*v), prefix));
    if (inside) return Status::Ok();
  }
  const FieldDef& first = *placing.front();
  const std::string named = NamedRegion(RegionCatalog::Embedded(), actor.region, true);
  if (first.type == FieldType::kRegion)
    errors.push_back({0, first.key, first.label_zh + "：应在您的管辖区域" + named + "之内",
                      first.label_en + ": must lie within your region " + named});
  else
    errors.push_back({0, first.key, first.label_zh + "：须填写您的管辖区域" + named + "之内的“" +
                                        FindLedger(first.ref_ledger)->label_zh + "”记录",
                      first.label_en + ": must name a " + first.ref_ledger + " record that lies within your region " + named});
  return Status::Ok();
}

// Every region a record of a pair names, other than the pair's own sides, lies within one of those
// sides: a unit, a person's home or a meeting place belongs to the pair's helper or helped region.
// Names are found only there (ResolveRegionName); this holds codes to the same, for every account,
// so the API, the CLI and imports agree. Appends a FieldError per region field outside (one already
// refused, e.g. a name not found, is left to that error).
void CheckRegionsInPair(const LedgerDef& def, const RecordValidator::PairInfo& pair, const Record& record,
                        std::vector<FieldError>& errors) {
  for (const FieldDef& f : def.fields) {
    if (f.type != FieldType::kRegion || f.anywhere) continue;
    const Value* v = record.Get(f.key);
    const bool reported = std::any_of(errors.begin(), errors.end(), [&](const FieldError& e) { return e.field == f.key; });
    if (!v || IsNull(*v) || AsText(*v).empty() || reported) continue;
    const std::string code = AsText(*v);
    if (RegionCatalog::Contains(pair.helper_region, code) || RegionCatalog::Contains(pair.helped_region, code)) continue;
    const RegionCatalog& catalog = RegionCatalog::Embedded();
    const std::string named = NamedRegion(catalog, code, false);
    const std::string sides = NamedRegionList(catalog, {pair.helper_region, pair.helped_region}, false);
    errors.push_back({0, f.key, f.label_zh + "：" + named + "不在本帮扶关系的两方地区（" + sides + "）之内",
                      f.label_en + ": " + named + " lies outside this pair's regions (" + sides + ")"});
  }
}

// text with each ASCII bracket as the full-width one Chinese names are written with: （ ）.
std::string WithChineseBrackets(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) out += c == '(' ? "（" : c == ')' ? "）" : std::string(1, c);
  return out;
}

}  // namespace

RecordValidator::RecordValidator(const ServiceContext& context, const DictionarySnapshot& snapshot)
    : context_(context), snapshot_(snapshot) {}

Result<std::string> RecordValidator::PairCodeOf(const Actor& actor, const std::string& code_or_name) {
  if (IsPairCode(code_or_name)) return code_or_name;
  if (pair_cache_complete_) {
    if (auto named = pair_code_by_name_.find(code_or_name); named != pair_code_by_name_.end()) return named->second;
    // The pairs the actor sees: a name never finds, nor lists as a candidate, another.
    std::vector<std::string> visible;
    for (const auto& [code, info] : pair_cache_)
      if (PairVisibleTo(actor, info.helper_region, info.helped_region)) visible.push_back(code);
    Result<std::string> code = PairCodeNamed(RegionCatalog::Embedded(), visible, code_or_name);
    if (pair_code_by_name_.size() >= kMaxCachedRegionNames) pair_code_by_name_.clear();
    pair_code_by_name_.emplace(code_or_name, code);
    return code;
  }
  SH_ASSIGN_OR_RETURN(Rows rows, context_.db->Query(kSelectPairs));
  std::vector<std::string> visible;
  for (const auto& r : rows.rows)
    if (PairVisibleTo(actor, AsText(r[2]), AsText(r[3]))) visible.push_back(AsText(r[1]));
  return PairCodeNamed(RegionCatalog::Embedded(), visible, code_or_name);
}

Result<RecordValidator::PairInfo> RecordValidator::FindPair(const Actor& actor, const std::string& code_or_name) {
  // To a user limited to a region a pair out of its sight is one that does not exist (NoPairInSight).
  const bool limited = !VisiblePrefix(actor).empty();
  Result<std::string> named = PairCodeOf(actor, code_or_name);
  if (!named.ok())
    return limited && named.status().code() == Code::kNotFound ? NoPairInSight(code_or_name) : named.status();
  const std::string& code = *named;
  PairInfo info;
  if (pair_cache_complete_) {
    auto cached = pair_cache_.find(code);
    if (cached == pair_cache_.end()) return limited ? NoPairInSight(code) : NoPairNamed(code);
    info = cached->second;
  } else {
    // Outside a preload every write reads the pair afresh: another connection may have changed
    // its regions or deleted it since this one last looked.
    SH_ASSIGN_OR_RETURN(Rows rows, context_.db->Query(kSelectPairByCode, {code}));
    if (rows.rows.empty()) return limited ? NoPairInSight(code) : NoPairNamed(code);
    info = {AsInt(rows.rows[0][0]), AsText(rows.rows[0][1]), AsText(rows.rows[0][2]), AsText(rows.rows[0][3])};
  }
  if (!PairVisibleTo(actor, info.helper_region, info.helped_region)) return NoPairInSight(code);
  return info;
}

Status RecordValidator::PreloadPairs() {
  SH_ASSIGN_OR_RETURN(Rows rows, context_.db->Query(kSelectPairs));
  for (const auto& r : rows.rows) {
    pair_cache_[AsText(r[1])] = {AsInt(r[0]), AsText(r[1]), AsText(r[2]), AsText(r[3])};
  }
  pair_cache_complete_ = true;
  return Status::Ok();
}

Status RecordValidator::ResolveRef(const Actor& actor, const FieldDef& field, const std::string& raw, InputSource source,
                                   int64_t pair_id, int64_t kept_id, Value& out, std::vector<FieldError>& errors) {
  const LedgerDef* target = FindLedger(field.ref_ledger);
  if (!target) return Status::Internal("unknown ref ledger " + field.ref_ledger);
  LedgerRepository repo(*context_.db, *target);
  // The API names a record by id; spreadsheets by its natural key (e.g. a unit's name).
  const bool by_id = source == InputSource::kApi && !raw.empty() && raw.size() < 19 &&
                     raw.find_first_not_of("0123456789") == std::string::npos;
  const FieldDef* key_field = target->Field(target->natural_key);
  const auto find_key = [&](const std::string& key) -> Result<int64_t> {
    if (key_field && key_field->IsSensitive())
      return repo.FindByNaturalKey(0, target->natural_key + "_hash",
                                   Value{RecordCodec(*target, *context_.vault).HashOf(target->natural_key, key)});
    return repo.FindByNaturalKey(pair_id, target->natural_key, Value{key});
  };
  Result<int64_t> id = int64_t{0};
  if (by_id) {
    id = repo.FindByNaturalKey(pair_id, "id", Value{static_cast<int64_t>(std::stoll(raw))});
  } else {
    // As typed (a stored 白云区人民医院（总院） is found by the same brackets), then in NFKC form
    // (full-width digits and brackets typed for a key stored in ASCII ones), then with Chinese
    // brackets (ASCII ones typed for a name stored, as names are written, with （）).
    id = find_key(raw);
    const Result<std::string> folded = NormalizeInput(raw);
    if (id.ok() && *id == 0 && folded.ok() && *folded != raw) id = find_key(*folded);
    if (id.ok() && *id == 0 && folded.ok()) {
      const std::string chinese = WithChineseBrackets(*folded);
      if (chinese != *folded && chinese != raw) id = find_key(chinese);
    }
  }
  if (!id.ok()) return id.status();
  // A town's or village's account names only records it sees (a person of its village, a published
  // job): one out of its sight is answered as one that does not exist, so that naming ids or ID
  // numbers tells nothing of other villages. A reference kept as stored is no new choice.
  const bool limited = !EnclosingPairSides(actor).empty();
  if (*id != 0 && limited && *id != kept_id) {
    SH_ASSIGN_OR_RETURN(std::optional<Rows> seen, repo.Get(*id, ScopeOf(actor)));
    if (!seen) id = int64_t{0};
  }
  if (*id == 0) {
    const std::string shown = MaskPersonalNumbers(raw);
    const std::string named = limited ? NamedRegion(RegionCatalog::Embedded(), actor.region, true) : "";
    errors.push_back({0, field.key,
                      field.label_zh + "：在本帮扶关系的“" + target->label_zh + "”中找不到“" + shown + "”" +
                          (limited ? "，或其不在您的管辖区域" + named + "之内" : ""),
                      field.label_en + ": no " + target->name + " record \"" + shown + "\" in this pair" +
                          (limited ? ", or it lies outside your region " + named : "")});
    return Status::Ok();
  }
  out = *id;
  return kept_id == *id ? Status::Ok() : CheckRefCondition(field, *target, *id, errors);
}

void RecordValidator::ResolveRegionName(const FieldDef& field, const PairInfo* pair, Value& value,
                                        std::vector<FieldError>& errors) {
  const std::string name = AsText(value);
  const RegionCatalog& catalog = RegionCatalog::Embedded();
  const RegionLevel deepest = field.anywhere ? RegionLevel::kCounty : RegionLevel::kVillage;
  if (region_names_.size() >= kMaxCachedRegionNames) region_names_.clear();  // a long-lived service stays small
  const std::string where =
      pair ? pair->helper_region + "|" + pair->helped_region : "*" + std::to_string(static_cast<int>(deepest));
  auto [cached, fresh] = region_names_.try_emplace(where + "|" + name);
  if (fresh)
    for (const Region* r : pair ? FindRegionsByName(catalog, {pair->helper_region, pair->helped_region}, name, deepest)
                                : FindRegionsAnywhere(catalog, name, deepest))
      cached->second.emplace_back(r->code);
  const std::vector<std::string>& codes = cached->second;
  if (codes.size() == 1) {
    value = codes[0];
    return;
  }
  if (!pair && codes.empty()) {
    const bool counties = deepest == RegionLevel::kCounty;
    errors.push_back({0, field.key,
                      field.label_zh + "：没有名为“" + name + "”的" + (counties ? "省、市或县" : "地区") +
                          "（请填写名称，如 广州市白云区，或行政区划代码，如 440111）",
                      field.label_en + ": no " + (counties ? "province, city or county" : "region") + " is called \"" +
                          name + "\" (write a name, e.g. 广州市白云区, or a region code, e.g. 440111)"});
    return;
  }
  if (codes.empty()) {
    const std::string sides = NamedRegionList(catalog, {pair->helper_region, pair->helped_region}, true);
    errors.push_back({0, field.key, field.label_zh + "：“" + name + "”不在本帮扶关系的两方地区（" + sides + "）之内",
                      field.label_en + ": no region called \"" + name + "\" within this pair's regions (" + sides + ")"});
    return;
  }
  const std::string list = NamedRegionList(catalog, codes, pair != nullptr);
  errors.push_back({0, field.key, field.label_zh + "：“" + name + "”可指多个地区：" + list + "，请填写其中之一的代码",
                    field.label_en + ": \"" + name + "\" could mean several regions: " + list + "; write the code of one"});
}

Status RecordValidator::CheckKeptRefsInPair(const Actor& actor, const LedgerDef& def, const RawRecord& input,
                                            const Record& record, std::vector<FieldError>& errors) {
  for (const FieldDef& f : def.fields) {
    if (f.type != FieldType::kRef || f.computed) continue;
    const Value* kept = record.Get(f.key);
    if (input.Gives(f.key) || !kept || IsNull(*kept)) continue;
    Value resolved = *kept;
    SH_RETURN_IF_ERROR(ResolveRef(actor, f, std::to_string(AsInt(*kept)), InputSource::kApi, record.pair_id,
                                  AsInt(*kept), resolved, errors));
  }
  return Status::Ok();
}

Status RecordValidator::CheckRefCondition(const FieldDef& field, const LedgerDef& target, int64_t id,
                                          std::vector<FieldError>& errors) {
  const RefCondition& where = field.ref_where;
  if (where.field.empty()) return Status::Ok();
  // Read whole and unscoped: the condition is on what the pair holds, whatever the writer may list.
  SH_ASSIGN_OR_RETURN(std::optional<Record> stored, StoredReader(*context_.db, *context_.vault).Get(target, id));
  if (!stored) return Status::Ok();  // cannot happen: the record was just found
  const Record& found = *stored;
  const Value* value = found.Get(where.field);
  if (value && !IsNull(*value) && AsText(*value) == where.code) return Status::Ok();
  const Value* name = target.natural_key.empty() ? nullptr : found.Get(target.natural_key);
  const bool named = name && !IsNull(*name);
  errors.push_back({0, field.key,
                    field.label_zh + "：" + where.reason_zh + (named ? "（“" + AsText(*name) + "”不符）" : ""),
                    field.label_en + ": " + where.reason_en + (named ? " (\"" + AsText(*name) + "\" is not)" : "")});
  return Status::Ok();
}

Status RecordValidator::CheckUnique(const Actor& actor, const LedgerDef& def, const Record& record,
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
  SH_RETURN_IF_ERROR(NoteKeyMatch(actor, def, existing));
  SH_ASSIGN_OR_RETURN(FieldError taken, KeyTakenError(actor, def, existing));
  errors.push_back(std::move(taken));
  return Status::Ok();
}

Result<FieldError> RecordValidator::KeyTakenError(const Actor& actor, const LedgerDef& def, int64_t existing) {
  const FieldDef* key_field = def.Field(def.natural_key);
  const LedgerDef::KeyNaming key = def.NaturalKeyNaming();
  const std::string exists_en = key.label_en + (key.plural ? " already exist" : " already exists");
  LedgerRepository repo(*context_.db, def);
  SH_ASSIGN_OR_RETURN(std::optional<Rows> visible, repo.Get(existing, ScopeOf(actor)));
  // Naming the record would tie the whole value the user typed to it: for a sensitive key that
  // is a reveal (NoteKeyMatch counts it as one), so only a reader who may reveal it learns which
  // record holds it. Everyone else gets one answer wherever the record is.
  if (key_field->IsSensitive() && !(visible && Authorize(actor, LedgerPermission(def, "reveal")).ok()))
    return FieldError{0, key.field,
                      key.label_zh + "已登记。如为同一人，请勿重复登记；如需核实登记在何处，请联系上级帮扶办"
                                     "（可查看全部地区的账号）或审计管理员：审计日志记有本次核对及该记录的编号",
                      key.label_en + (key.plural ? " are" : " is") +
                          " already registered. If it is the same person, do not register them again; to learn "
                          "where they are registered, ask the office above yours (an account that sees every "
                          "region) or the audit administrator: the audit log names the record this check found"};
  if (visible)
    return FieldError{0, key.field, key.label_zh + "已存在（记录编号 " + std::to_string(existing) + "）",
                      exists_en + " (record " + std::to_string(existing) + ")"};
  return FieldError{0, key.field, key.label_zh + "已存在（在您无权查看的记录中）",
                    exists_en + " (in a record you may not see)"};
}

Status RecordValidator::NoteKeyMatch(const Actor& actor, const LedgerDef& def, int64_t existing) {
  const FieldDef* key_field = def.natural_key.empty() ? nullptr : def.Field(def.natural_key);
  if (!key_field || !key_field->IsSensitive()) return Status::Ok();
  LedgerRepository repo(*context_.db, def);
  SH_ASSIGN_OR_RETURN(std::optional<Rows> visible, repo.Get(existing, ScopeOf(actor)));
  KeyMatch match{actor, def.name, existing, "", false};
  if (visible) {
    SH_ASSIGN_OR_RETURN(Record found, RecordCodec(def, *context_.vault).Decode(*visible, 0, Disclosure::kMasked));
    const Value* by = found.Get("created_by");
    if (by && !IsNull(*by) && AsText(*by) == actor.name) return Status::Ok();
    match.helped_region = found.helped_region;
    match.revealable = Authorize(actor, LedgerPermission(def, "reveal")).ok();
  } else {
    // The auditor reads the region the record is in; the actor is never told it.
    SH_ASSIGN_OR_RETURN(std::optional<Rows> anywhere, repo.Get(existing, Scope{}));
    if (anywhere) {
      SH_ASSIGN_OR_RETURN(Record found, RecordCodec(def, *context_.vault).Decode(*anywhere, 0, Disclosure::kMasked));
      match.helped_region = found.helped_region;
    }
  }
  // This request's matches so far are not counted in the database yet (SettleDisclosures does).
  int64_t pending = 0, pending_reveals = 0;
  for (const KeyMatch& m : key_matches_)
    if (m.actor.name == actor.name) {
      ++pending;
      pending_reveals += m.revealable ? 1 : 0;
    }
  SH_ASSIGN_OR_RETURN(const int64_t matches_left, context_.quota.Left(actor, DisclosureKind::kKeyMatch));
  std::optional<DisclosureKind> refused;
  if (matches_left <= pending) refused = DisclosureKind::kKeyMatch;
  if (!refused && match.revealable) {
    SH_ASSIGN_OR_RETURN(const int64_t reveals_left, context_.quota.Left(actor, DisclosureKind::kReveal));
    if (reveals_left <= pending_reveals) refused = DisclosureKind::kReveal;
  }
  if (refused) {
    NoteRefusal(actor, *refused, def.name);
    return context_.quota.Refusal(*refused);
  }
  key_matches_.push_back(std::move(match));
  return Status::Ok();
}

Result<Record> RecordValidator::Prepare(const Actor& actor, const LedgerDef& def, const RawRecord& given,
                                      InputSource source, const Record* before, bool check_unique) {
  std::vector<FieldError> errors;
  // Cells in the sheet's own form (a target's indicator by name, in 万元) become the API's values first.
  std::optional<RawRecord> converted;
  auto form = context_.sheet_forms.find(def.name);
  if (source == InputSource::kSpreadsheet && given.sheet_form_fields && form != context_.sheet_forms.end()) {
    converted = given;
    form->second.read(*converted, errors);
  }
  const RawRecord& input = converted ? *converted : given;
  Record record;
  if (before) record = *before;
  std::optional<PairInfo> pair_info;  // the record's pair, once found

  if (def.pair_scoped) {
    const std::string code = !input.pair.empty() ? input.pair : (before ? before->pair_code : "");
    if (code.empty()) {
      errors.push_back({0, "pair", "帮扶关系：必填", "pair: required"});
    } else {
      Result<PairInfo> pair = FindPair(actor, code);
      const Code refused = pair.ok() ? Code::kOk : pair.status().code();
      if (refused != Code::kOk && refused != Code::kNotFound && refused != Code::kPermissionDenied &&
          refused != Code::kInvalidArgument)  // several pairs so named
        return pair.status();
      const int64_t* owner_pair = nullptr;
      if (pair.ok() && pair_cache_complete_ && actor.owner_scoped()) {
        auto known = owner_pairs_.find(actor.owner_id);
        if (known == owner_pairs_.end()) {
          SH_ASSIGN_OR_RETURN(const int64_t id, OwnerPairId(*context_.db, actor));
          known = owner_pairs_.emplace(actor.owner_id, id).first;
        }
        owner_pair = &known->second;
      }
      const Status writable =
          pair.ok() ? CheckPairWritable(*context_.db, actor, *pair, pair_cache_complete_ ? &pair_cache_ : nullptr,
                                        owner_pair)
                    : Status::Ok();
      if (!writable.ok() && writable.code() != Code::kPermissionDenied) return writable;
      if (!pair.ok() || !writable.ok()) {
        const Status& refusal = pair.ok() ? writable : pair.status();
        errors.push_back({0, "pair", refusal.message_zh(), refusal.message_en()});
      } else {
        record.pair_id = pair->id;
        record.pair_code = pair->code;
        record.helped_region = pair->helped_region;
        pair_info = *pair;
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
    Result<Value> v = ParseFieldValue(*f, raw, source, &options,
                                      f->type == FieldType::kMoney ? input.MoneyUnitOf(key) : MoneyUnit::kYuan);
    if (!v.ok()) {
      for (const FieldError& e : v.status().details()) errors.push_back(e);
      continue;
    }
    Value value = std::move(v).value();
    if (f->type == FieldType::kRef && !IsNull(value)) {
      if (record.pair_id == 0 && def.pair_scoped) continue;  // the pair error is already reported
      const Value* stored = before ? before->Get(key) : nullptr;
      const int64_t kept_id = stored && !IsNull(*stored) ? AsInt(*stored) : 0;
      SH_RETURN_IF_ERROR(ResolveRef(actor, *f, AsText(value), source, record.pair_id, kept_id, value, errors));
    }
    if (f->type == FieldType::kRegion && !IsNull(value) && !IsAsciiDigits(AsText(value))) {
      if (!pair_info && def.pair_scoped) continue;  // the pair error is already reported
      ResolveRegionName(*f, pair_info && !f->anywhere ? &*pair_info : nullptr, value, errors);
    }
    record.Set(key, std::move(value));
  }

  if (before && def.pair_scoped && record.pair_id != 0 && record.pair_id != before->pair_id)
    SH_RETURN_IF_ERROR(CheckKeptRefsInPair(actor, def, input, record, errors));

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
  if (def.actor_check)
    SH_RETURN_IF_ERROR(def.actor_check(actor, StoredReader(*context_.db, *context_.vault), before, record, rule_errors));
  auto extra = context_.extra_checks.find(def.name);
  if (extra != context_.extra_checks.end()) extra->second(before, record, rule_errors);
  for (FieldError& e : rule_errors)
    if (std::none_of(errors.begin(), errors.end(), [&](const FieldError& f) { return f.field == e.field; }))
      errors.push_back(std::move(e));
  if (errors.empty() && def.stored_rule)
    SH_RETURN_IF_ERROR(def.stored_rule(StoredReader(*context_.db, *context_.vault), before, record, errors));
  if (errors.empty() && check_unique) SH_RETURN_IF_ERROR(CheckUnique(actor, def, record, errors));
  SH_RETURN_IF_ERROR(CheckOwner(actor, def, before, record, errors));
  if (pair_info) CheckRegionsInPair(def, *pair_info, record, errors);
  SH_RETURN_IF_ERROR(CheckPlacedInRegion(*context_.db, actor, def, record, errors));
  if (!def.pair_scoped && !PairVisibleTo(actor, AsText(*record.Get("helper_region")), record.helped_region))
    errors.push_back({0, "helped_region", "超出您的管辖区域", "outside your region"});
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return record;
}

}  // namespace shanhai

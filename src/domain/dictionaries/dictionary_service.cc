#include "domain/dictionaries/dictionary_service.h"

#include <algorithm>

#include <boost/json.hpp>

#include "common/text.h"
#include "domain/ledger/workflow.h"

namespace shanhai {

namespace {

constexpr const char* kSelectAll =
    "SELECT dictionary, code, label_zh, label_en, sort_order, disabled FROM dictionary_entries "
    "ORDER BY dictionary, sort_order, code";
constexpr const char* kSelectOne =
    "SELECT id, label_zh, label_en, sort_order, disabled FROM dictionary_entries WHERE dictionary = ? AND code = ?";
constexpr const char* kInsert =
    "INSERT INTO dictionary_entries (dictionary, code, label_zh, label_en, sort_order, disabled, updated_at, "
    "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kUpdate =
    "UPDATE dictionary_entries SET label_zh = ?, label_en = ?, sort_order = ?, disabled = ?, updated_at = ?, "
    "updated_by = ? WHERE id = ?";
constexpr const char* kSelectGeneration = "SELECT generation FROM dictionary_generation WHERE id = 1";
constexpr const char* kRaiseGeneration = "UPDATE dictionary_generation SET generation = generation + 1 WHERE id = 1";
constexpr size_t kMaxCodeLength = 32;

// Stored entries by dictionary name, each list in (sort_order, code) order.
using StoredEntries = std::map<std::string, std::vector<DictionaryEntry>>;

Result<StoredEntries> ReadStored(Database& db) {
  SH_ASSIGN_OR_RETURN(Rows rows, db.Query(kSelectAll));
  StoredEntries out;
  for (const auto& r : rows.rows)
    out[AsText(r[0])].push_back({AsText(r[1]), AsText(r[2]), AsText(r[3]), AsInt(r[4]), AsInt(r[5]) != 0, false});
  return out;
}

// Declared options (relabelled by stored entries of the same code), then the added ones.
std::vector<DictionaryEntry> Merge(const FieldDef& field, const std::vector<DictionaryEntry>* stored) {
  std::vector<DictionaryEntry> out;
  for (const EnumOption& o : field.options) {
    DictionaryEntry e{o.code, o.label_zh, o.label_en, 0, false, true};
    for (size_t i = 0; stored && i < stored->size(); ++i) {
      const DictionaryEntry& s = (*stored)[i];
      if (s.code != o.code) continue;
      e.label_zh = s.label_zh;
      if (!s.label_en.empty()) e.label_en = s.label_en;
      e.sort_order = s.sort_order;
    }
    out.push_back(std::move(e));
  }
  for (size_t i = 0; stored && i < stored->size(); ++i) {
    const DictionaryEntry& s = (*stored)[i];
    const bool declared = std::any_of(field.options.begin(), field.options.end(),
                                      [&](const EnumOption& o) { return o.code == s.code; });
    if (!declared) out.push_back(s);
  }
  return out;
}

const std::vector<DictionaryEntry>* StoredFor(const StoredEntries& stored, const std::string& name) {
  auto it = stored.find(name);
  return it == stored.end() ? nullptr : &it->second;
}

bool IsNewCode(const std::string& code) {
  if (code.empty() || code.size() > kMaxCodeLength || code[0] < 'a' || code[0] > 'z') return false;
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

// The fields using dictionary `name`, in ledger order (none: no such dictionary).
std::vector<DictionaryUser> UsersOf(const std::string& name) {
  std::vector<DictionaryUser> out;
  for (const LedgerDef* def : AllLedgers())
    for (const FieldDef& f : def->fields)
      if (DictionaryName(*def, f) == name) out.push_back({def, &f});
  return out;
}

std::string EntryJson(const std::string& dictionary, const DictionaryEntry& e) {
  return boost::json::serialize(boost::json::object{{"dictionary", dictionary}, {"code", e.code},
                                                    {"label_zh", e.label_zh}, {"label_en", e.label_en},
                                                    {"sort_order", e.sort_order}, {"disabled", e.disabled}});
}

}  // namespace

std::string DictionaryName(const LedgerDef& def, const FieldDef& field) {
  // A workflow's states are its declaration's (transitions lead between them): not editable.
  if (field.type != FieldType::kEnum || field.computed || (def.workflow && def.workflow->state_field == field.key))
    return "";
  if (!field.option_set.empty()) return field.option_set;
  return def.name + "." + field.key;
}

const std::vector<EnumOption>& DictionarySnapshot::OptionsFor(const LedgerDef& def, const FieldDef& field) const {
  if (merged_.empty()) return field.options;
  auto it = merged_.find(DictionaryName(def, field));
  return it == merged_.end() ? field.options : it->second;
}

Result<DictionarySnapshot> DictionaryService::Load() {
  SH_ASSIGN_OR_RETURN(StoredEntries stored, ReadStored(db_));
  DictionarySnapshot snapshot;
  for (const LedgerDef* def : AllLedgers())
    for (const FieldDef& f : def->fields) {
      const std::string name = DictionaryName(*def, f);
      const std::vector<DictionaryEntry>* entries = name.empty() ? nullptr : StoredFor(stored, name);
      if (!entries) continue;
      std::vector<EnumOption>& options = snapshot.merged_[name];
      for (DictionaryEntry& e : Merge(f, entries)) {
        // A declared option keeps its aliases however the dictionary relabels it.
        auto declared = std::find_if(f.options.begin(), f.options.end(),
                                     [&](const EnumOption& o) { return o.code == e.code; });
        options.push_back({.code = std::move(e.code), .label_zh = std::move(e.label_zh),
                           .label_en = std::move(e.label_en),
                           .aliases = declared == f.options.end() ? std::vector<std::string>() : declared->aliases,
                           .disabled = e.disabled});
      }
    }
  return snapshot;
}

Result<int64_t> DictionaryService::Generation() {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSelectGeneration));
  if (rows.rows.empty()) return Status::Internal("dictionary_generation has no row");
  return AsInt(rows.rows[0][0]);
}

Result<std::vector<DictionaryInfo>> DictionaryService::List(const Actor& actor) {
  SH_RETURN_IF_ERROR(Authorize(actor, kDictionaryPermission));
  SH_ASSIGN_OR_RETURN(StoredEntries stored, ReadStored(db_));
  std::vector<DictionaryInfo> out;
  for (const LedgerDef* def : AllLedgers())
    for (const FieldDef& f : def->fields) {
      std::string name = DictionaryName(*def, f);
      const bool listed = std::any_of(out.begin(), out.end(), [&](const DictionaryInfo& d) { return d.name == name; });
      if (name.empty() || listed) continue;
      std::vector<DictionaryEntry> entries = Merge(f, StoredFor(stored, name));
      std::vector<DictionaryUser> used_by = UsersOf(name);
      out.push_back({std::move(name), def, &f, std::move(used_by), std::move(entries)});
    }
  return out;
}

Result<DictionaryEntry> DictionaryService::Upsert(const Actor& actor, const std::string& dictionary,
                                                  const std::string& code, const std::string& label_zh_in,
                                                  const std::string& label_en_in, int64_t sort_order, bool disabled) {
  SH_RETURN_IF_ERROR(Authorize(actor, kDictionaryPermission));
  // A shared option set is one dictionary: its first field stands for all (they declare the same options).
  const std::vector<DictionaryUser> users = UsersOf(dictionary);
  if (users.empty())
    return Status::NotFound("数据字典“" + dictionary + "”不存在", "no dictionary \"" + dictionary + "\"");
  const FieldDef* field = users.front().field;

  std::vector<FieldError> errors;
  Result<std::string> label_zh = TrimInput(label_zh_in);
  Result<std::string> label_en = TrimInput(label_en_in);
  if (!label_zh.ok() || label_zh->empty()) errors.push_back({0, "label_zh", "中文名称：必填", "Chinese name: required"});
  if (!label_en.ok()) errors.push_back({0, "label_en", "英文名称：" + label_en.status().message_zh(),
                                        "English name: " + label_en.status().message_en()});
  const bool builtin = std::any_of(field->options.begin(), field->options.end(),
                                   [&](const EnumOption& o) { return o.code == code; });
  if (!builtin && !IsNewCode(code))
    errors.push_back({0, "code", "代码应以小写字母开头，只含小写字母、数字和下划线，最多32个字符",
                      "a code starts with a lower-case letter and has at most 32 lower-case letters, digits "
                      "and underscores"});
  if (builtin && disabled)
    errors.push_back({0, "disabled", "内置选项“" + code + "”不能停用（统计指标和流程依赖它）",
                      "the built-in option \"" + code + "\" cannot be disabled (indicators and workflows use it)"});
  if (!errors.empty()) return Status::Invalid(std::move(errors));

  Result<DictionaryEntry> saved = Status::Internal("not saved");
  SH_RETURN_IF_ERROR(InTransaction(db_, [&]() -> Status {
    SH_ASSIGN_OR_RETURN(StoredEntries stored, ReadStored(db_));
    // Spreadsheets name options by their Chinese label, so two options must not share one.
    for (const DictionaryEntry& e : Merge(*field, StoredFor(stored, dictionary)))
      if (e.code != code && e.label_zh == *label_zh)
        return Status::Invalid({{0, "label_zh", "中文名称“" + *label_zh + "”已被选项“" + e.code + "”使用",
                                 "the Chinese name \"" + *label_zh + "\" is already used by \"" + e.code + "\""}});
    SH_ASSIGN_OR_RETURN(Rows existing, db_.Query(kSelectOne, {dictionary, code}));
    DictionaryEntry entry{code, *label_zh, *label_en, sort_order, disabled, builtin};
    const std::string now = clock_.Iso();
    int64_t id = 0;
    std::string before;
    if (!existing.rows.empty()) {
      const auto& r = existing.rows[0];
      id = AsInt(r[0]);
      before = EntryJson(dictionary, {code, AsText(r[1]), AsText(r[2]), AsInt(r[3]), AsInt(r[4]) != 0, builtin});
      SH_RETURN_IF_ERROR(db_.Execute(kUpdate, {entry.label_zh, entry.label_en, sort_order, int64_t{disabled ? 1 : 0},
                                               now, actor.name, id})
                             .status());
    } else {
      // A declared option's first change: before is the option as declared.
      for (const EnumOption& o : field->options)
        if (o.code == code) before = EntryJson(dictionary, {o.code, o.label_zh, o.label_en, 0, false, true});
      SH_ASSIGN_OR_RETURN(Rows inserted, db_.Query(kInsert, {dictionary, code, entry.label_zh, entry.label_en, sort_order,
                                                             int64_t{disabled ? 1 : 0}, now, actor.name}));
      id = AsInt(inserted.rows.at(0).at(0));
    }
    SH_RETURN_IF_ERROR(db_.Execute(kRaiseGeneration).status());
    SH_RETURN_IF_ERROR(audit_.Write(actor, "dictionary_update", "dictionary_entries", id, "", before,
                                    EntryJson(dictionary, entry), "dictionary=" + dictionary + " code=" + code));
    saved = std::move(entry);
    return Status::Ok();
  }));
  return saved;
}

}  // namespace shanhai

#include "domain/ledger/ledger_def.h"

#include <algorithm>
#include <set>

#include "domain/ledger/workflow.h"
#include "security/permissions.h"

namespace shanhai {

const EnumOption* FieldDef::FindOption(std::string_view code_or_label) const {
  for (const EnumOption& o : options)
    if (o.code == code_or_label || o.label_zh == code_or_label || o.label_en == code_or_label) return &o;
  return nullptr;
}

int64_t FieldDef::MaxChars() const {
  if (max_chars > 0) return max_chars;
  return type == FieldType::kText ? kMaxFreeTextChars : kMaxCodeChars;
}

const Value* Record::Get(std::string_view key) const {
  for (const auto& [k, v] : values)
    if (k == key) return &v;
  return nullptr;
}

std::string Record::Text(std::string_view key) const {
  const Value* v = Get(key);
  return v ? AsText(*v) : "";
}

void Record::Set(const std::string& key, Value v) {
  for (auto& [k, old] : values)
    if (k == key) {
      old = std::move(v);
      return;
    }
  values.emplace_back(key, std::move(v));
}

const FieldDef* LedgerDef::Field(std::string_view key) const {
  for (const FieldDef& f : fields)
    if (f.key == key) return &f;
  return nullptr;
}

LedgerDef::KeyNaming LedgerDef::NaturalKeyNaming() const {
  const FieldDef* key = Field(natural_key);
  if (key->made_of.empty()) return {key->key, key->label_zh, key->label_en, false};
  KeyNaming out{key->made_of.front(), "", "", key->made_of.size() > 1};
  for (size_t i = 0; i < key->made_of.size(); ++i) {
    const FieldDef* input = Field(key->made_of[i]);
    const bool last = i + 1 == key->made_of.size();
    out.label_zh += (i == 0 ? "" : "、") + input->label_zh;
    out.label_en += (i == 0 ? "" : last ? " and " : ", ") + input->label_en;
  }
  return out;
}

std::string LedgerDef::OwnerLedger() const {
  if (owner_field.empty()) return "";
  if (owner_field == "id") return name;
  const FieldDef* f = Field(owner_field);
  return f ? f->ref_ledger : "";
}

std::vector<std::string> LedgerDef::Actions() const {
  std::vector<std::string> out = StandardLedgerActions();
  out.insert(out.end(), extra_actions.begin(), extra_actions.end());
  if (workflow)
    for (const std::string& action : workflow->Actions())
      if (std::find(out.begin(), out.end(), action) == out.end()) out.push_back(action);
  return out;
}

bool IsRevealOnlyFieldKey(std::string_view key) {
  static const std::set<std::string, std::less<>> kKeys = [] {
    std::set<std::string, std::less<>> keys;
    for (const LedgerDef* def : AllLedgers())
      for (const FieldDef& f : def->fields)
        if (f.NeedsReveal()) keys.insert(f.key);
    return keys;
  }();
  return kKeys.contains(key);
}

const LedgerDef* FindLedger(std::string_view name) {
  for (const LedgerDef* l : AllLedgers())
    if (l->name == name) return l;
  return nullptr;
}

}  // namespace shanhai

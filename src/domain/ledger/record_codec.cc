#include "domain/ledger/record_codec.h"

#include "common/id_number.h"
#include "common/mobile.h"

namespace shanhai {

std::string MaskValue(const FieldDef& field, const std::string& plain) {
  switch (field.type) {
    case FieldType::kIdNumber: return MaskIdNumber(plain);
    case FieldType::kMobile: return MaskMobile(plain);
    default: return "***";  // a sensitive category is not shown at all
  }
}

std::string MaskDerived(const FieldDef& field, const std::string& plain) {
  constexpr size_t kYearLength = 4;
  if (field.derived_mask == DerivedMask::kYearOnly && plain.size() >= kYearLength) return plain.substr(0, kYearLength);
  return "***";
}

void ApplyDisclosure(const LedgerDef& def, Record& record, Disclosure disclosure) {
  if (disclosure == Disclosure::kFull) return;
  for (auto& [key, value] : record.values) {
    const FieldDef* f = def.Field(key);
    if (!f || IsNull(value)) continue;
    if (f->IsSensitive()) value = MaskValue(*f, AsText(value));
    else if (!f->discloses.empty() && disclosure == Disclosure::kMasked) value = MaskDerived(*f, AsText(value));
  }
}

Columns RecordCodec::Encode(const Record& record) const {
  Columns out;
  EncodeInto(record, out);
  return out;
}

void RecordCodec::EncodeInto(const Record& record, Columns& out) const {
  for (const FieldDef& f : def_.fields) {
    const Value* v = record.Get(f.key);
    Value value = v ? *v : Value{};
    if (!f.IsSensitive()) {
      out.emplace_back(f.key, std::move(value));
      continue;
    }
    if (IsNull(value)) {
      out.emplace_back(f.key + "_enc", Value{});
      out.emplace_back(f.key + "_hash", Value{});
      continue;
    }
    const std::string plain = AsText(value);
    out.emplace_back(f.key + "_enc", vault_.Encrypt(plain, Context(f.key)));
    out.emplace_back(f.key + "_hash", HashOf(f.key, plain));
  }
}

std::string RecordCodec::HashOf(const std::string& key, const std::string& plain) const {
  return vault_.LookupHash(plain, Context(key));
}

Result<Record> RecordCodec::Decode(const Rows& rows, size_t i, Disclosure disclosure) const {
  const std::vector<Value>& row = rows.rows[i];
  auto cell = [&](std::string_view name) -> Value {
    int c = rows.Column(name);
    return c < 0 ? Value{} : row[c];
  };
  Record r;
  r.id = AsInt(cell("id"));
  r.pair_code = AsText(cell("pair_code"));
  if (def_.pair_scoped) {
    r.pair_id = AsInt(cell("pair_id"));
    r.helped_region = AsText(cell("helped_region"));
  } else {
    r.pair_id = r.id;
    r.helped_region = AsText(cell("helped_region"));
  }
  for (const FieldDef& f : def_.fields) {
    if (!f.IsSensitive()) {
      r.values.emplace_back(f.key, cell(f.key));
      continue;
    }
    Value enc = cell(f.key + "_enc");
    if (IsNull(enc)) {
      r.values.emplace_back(f.key, Value{});
      continue;
    }
    SH_ASSIGN_OR_RETURN(std::string plain, vault_.Decrypt(AsText(enc), Context(f.key)));
    r.values.emplace_back(f.key, std::move(plain));
  }
  for (const char* extra : {"created_at", "updated_at", "created_by", "updated_by", "version"})
    r.values.emplace_back(extra, cell(extra));
  ApplyDisclosure(def_, r, disclosure);
  return r;
}

}  // namespace shanhai

#include "domain/ledger/record_codec.h"

#include <array>

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
  // By the fields that mask (few, often none), not by every value of the record.
  for (const FieldDef& f : def.fields) {
    const bool masks = f.IsSensitive() || (!f.discloses.empty() && disclosure == Disclosure::kMasked);
    if (!masks) continue;
    for (auto& [key, value] : record.values) {
      if (key != f.key || IsNull(value)) continue;
      value = f.IsSensitive() ? MaskValue(f, AsText(value)) : MaskDerived(f, AsText(value));
    }
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
      if (f.HasLookupHash()) out.emplace_back(f.key + "_hash", Value{});
      continue;
    }
    const std::string plain = AsText(value);
    out.emplace_back(f.key + "_enc", vault_.Encrypt(plain, Context(f.key)));
    if (f.HasLookupHash()) out.emplace_back(f.key + "_hash", HashOf(f.key, plain));
  }
}

std::string RecordCodec::HashOf(const std::string& key, const std::string& plain) const {
  return vault_.LookupHash(plain, Context(key));
}

namespace {

constexpr std::array<const char*, 5> kBookkeeping = {"created_at", "updated_at", "created_by", "updated_by", "version"};

// The cell at column c (-1: absent, NULL), moved out of its row: for a column read once only.
Value Take(std::vector<Value>& row, int c) { return c < 0 ? Value{} : std::move(row[c]); }

// The cell at column c, copied: the record's own columns, which a field may read again (the
// pairs ledger has a helped_region field).
Value Copy(const std::vector<Value>& row, int c) { return c < 0 ? Value{} : row[c]; }

}  // namespace

RecordCodec::Layout RecordCodec::LayoutOf(const Rows& rows) const {
  Layout layout;
  layout.id = rows.Column("id");
  layout.pair_code = rows.Column("pair_code");
  layout.pair_id = def_.pair_scoped ? rows.Column("pair_id") : -1;
  layout.helped_region = rows.Column("helped_region");
  layout.fields.reserve(def_.fields.size());
  for (const FieldDef& f : def_.fields) layout.fields.push_back(rows.Column(f.IsSensitive() ? f.key + "_enc" : f.key));
  for (size_t k = 0; k < kBookkeeping.size(); ++k) layout.bookkeeping[k] = rows.Column(kBookkeeping[k]);
  return layout;
}

Result<Record> RecordCodec::Decode(const Rows& rows, size_t i, Disclosure disclosure) const {
  std::vector<Value> row = rows.rows[i];
  return DecodeRow(row, LayoutOf(rows), disclosure);
}

Result<std::vector<Record>> RecordCodec::DecodeAll(Rows rows, Disclosure disclosure) const {
  const Layout layout = LayoutOf(rows);
  std::vector<Record> out;
  out.reserve(rows.rows.size());
  for (std::vector<Value>& row : rows.rows) {
    SH_ASSIGN_OR_RETURN(Record r, DecodeRow(row, layout, disclosure));
    out.push_back(std::move(r));
  }
  return out;
}

Result<Record> RecordCodec::DecodeRow(std::vector<Value>& row, const Layout& layout, Disclosure disclosure) const {
  Record r;
  r.id = AsInt(Copy(row, layout.id));
  r.pair_code = AsText(Copy(row, layout.pair_code));
  r.pair_id = def_.pair_scoped ? AsInt(Copy(row, layout.pair_id)) : r.id;
  r.helped_region = AsText(Copy(row, layout.helped_region));
  r.values.reserve(def_.fields.size() + kBookkeeping.size());
  for (size_t k = 0; k < def_.fields.size(); ++k) {
    const FieldDef& f = def_.fields[k];
    Value cell = Take(row, layout.fields[k]);
    if (!f.IsSensitive() || IsNull(cell)) {
      r.values.emplace_back(f.key, std::move(cell));
      continue;
    }
    SH_ASSIGN_OR_RETURN(std::string plain, vault_.Decrypt(AsText(cell), Context(f.key)));
    r.values.emplace_back(f.key, std::move(plain));
  }
  for (size_t k = 0; k < kBookkeeping.size(); ++k) r.values.emplace_back(kBookkeeping[k], Take(row, layout.bookkeeping[k]));
  ApplyDisclosure(def_, r, disclosure);
  return r;
}

}  // namespace shanhai

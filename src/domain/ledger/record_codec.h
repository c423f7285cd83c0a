// Converts between plain records (what services and users see) and stored rows (what the
// tables hold): sensitive fields are encrypted with the PII vault and hashed for look-up
// on the way in, and decrypted then masked on the way out. Only Reveal-like callers ask
// for the whole value (and they audit it).
#pragma once

#include <array>

#include "domain/ledger/ledger_def.h"
#include "domain/ledger/ledger_repository.h"
#include "security/pii_vault.h"

namespace shanhai {

// How much of a record a reader is shown.
enum class Disclosure {
  // A reader without the ledger's reveal permission, and the audit log: sensitive values
  // masked (MaskValue), fields that disclose them reduced (MaskDerived). What is left of
  // an ID number cannot be rebuilt from the rest of the record.
  kMasked,
  // A reader who may reveal: sensitive values still masked (seeing one whole stays an
  // explicit, audited reveal), fields derived from them shown whole.
  kMaskedForRevealer,
  // Everything whole: only for Reveal-like callers that audit it, and for internal use.
  kFull,
};

class RecordCodec {
 public:
  RecordCodec(const LedgerDef& def, const PiiVault& vault) : def_(def), vault_(vault) {}

  // Stored columns for the record's field values (not bookkeeping). Sensitive fields:
  // <key>_enc = Encrypt(value, context "<ledger>.<key>"), and for those with a look-up hash
  // (FieldDef::HasLookupHash) <key>_hash = LookupHash(same).
  Columns Encode(const Record& record) const;
  // As Encode, appending to out. Thread-safe (the vault is).
  void EncodeInto(const Record& record, Columns& out) const;
  // The keyed look-up hash of a plain sensitive value of field key.
  std::string HashOf(const std::string& key, const std::string& plain) const;
  // The plain value of field key's ciphertext (a "<key>_enc" cell), for the service's own use
  // (counting, filtering); never shown as it is.
  Result<std::string> Open(const std::string& key, const Value& sealed) const {
    return vault_.Decrypt(AsText(sealed), Context(key));
  }
  // A fresh ciphertext of a plain value of field key, as Encode writes it.
  std::string Seal(const std::string& key, const std::string& plain) const { return vault_.Encrypt(plain, Context(key)); }
  // Plain record from row i of rows (columns as LedgerRepository returns them).
  Result<Record> Decode(const Rows& rows, size_t i, Disclosure disclosure) const;
  // Every row of rows decoded as Decode does, each column looked up once for all of them and
  // each cell moved, not copied (a list page).
  Result<std::vector<Record>> DecodeAll(Rows rows, Disclosure disclosure) const;

 private:
  // Where a record's parts sit in a row (column indexes; -1: absent, read as NULL).
  struct Layout {
    int id = -1, pair_code = -1, pair_id = -1, helped_region = -1;
    std::vector<int> fields;       // per def_.fields: the column, or "<key>_enc" if sensitive
    std::array<int, 5> bookkeeping{};  // created_at, updated_at, created_by, updated_by, version
  };
  Layout LayoutOf(const Rows& rows) const;
  // The record of row (as laid out), its cells moved out.
  Result<Record> DecodeRow(std::vector<Value>& row, const Layout& layout, Disclosure disclosure) const;
  std::string Context(const std::string& key) const { return def_.name + "." + key; }
  const LedgerDef& def_;
  const PiiVault& vault_;
};

// How a sensitive value is shown to someone who may not see it whole. Masking a masked
// value again gives the same or less (old audit rows are masked again on reading).
std::string MaskValue(const FieldDef& field, const std::string& plain);
// How a field that discloses a sensitive one (field.discloses set) is shown under kMasked.
std::string MaskDerived(const FieldDef& field, const std::string& plain);
// record (holding whole values) as a reader with that disclosure may see it: the one place
// every output path (get, list, export, history, drill-down, audit rows) masks through.
void ApplyDisclosure(const LedgerDef& def, Record& record, Disclosure disclosure);

}  // namespace shanhai

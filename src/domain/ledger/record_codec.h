// Converts between plain records (what services and users see) and stored rows (what the
// tables hold): sensitive fields are encrypted with the PII vault and hashed for look-up
// on the way in, and decrypted then masked on the way out. Only Reveal-like callers ask
// for the whole value (and they audit it).
#pragma once

#include "domain/ledger/ledger_def.h"
#include "domain/ledger/ledger_repository.h"
#include "security/pii_vault.h"

namespace shanhai {

enum class Disclosure { kMasked, kFull };

class RecordCodec {
 public:
  RecordCodec(const LedgerDef& def, const PiiVault& vault) : def_(def), vault_(vault) {}

  // Stored columns for the record's field values (not bookkeeping). Sensitive fields:
  // <key>_enc = Encrypt(value, context "<ledger>.<key>"), <key>_hash = LookupHash(same).
  Columns Encode(const Record& record) const;
  // The keyed look-up hash of a plain sensitive value of field key.
  std::string HashOf(const std::string& key, const std::string& plain) const;
  // Plain record from row i of rows (columns as LedgerRepository returns them).
  Result<Record> Decode(const Rows& rows, size_t i, Disclosure disclosure) const;

 private:
  std::string Context(const std::string& key) const { return def_.name + "." + key; }
  const LedgerDef& def_;
  const PiiVault& vault_;
};

// How a sensitive value is shown to someone who may not see it whole.
std::string MaskValue(const FieldDef& field, const std::string& plain);

}  // namespace shanhai

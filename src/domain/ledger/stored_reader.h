// Reads of stored records for a ledger's stored rule (LedgerDef::stored_rule): whole records of
// any ledger, without the writer's scope — a rule is about what the pair holds (the job an
// application names, the other spells of one person), whatever the writer may list. Sensitive
// fields come back masked. Thread safety: none; over one connection, like the Database.
#pragma once

#include <optional>
#include <vector>

#include "domain/ledger/ledger_def.h"
#include "domain/ledger/ledger_repository.h"
#include "security/pii_vault.h"

namespace shanhai {

class StoredReader {
 public:
  // db and vault must outlive the reader.
  StoredReader(Database& db, const PiiVault& vault) : db_(db), vault_(vault) {}

  // Record id of def, or nullopt when there is none. Errors: the database's.
  Result<std::optional<Record>> Get(const LedgerDef& def, int64_t id) const;
  // Every record of def whose stored column `key` equals value (at most 1000, by id). Errors:
  // the database's.
  Result<std::vector<Record>> WhereEquals(const LedgerDef& def, const std::string& key, const Value& value) const;
  // Holds record id of def against concurrent writers until the transaction ends
  // (LedgerRepository::LockRow), so that a rule over several records sees them settled.
  Status Lock(const LedgerDef& def, int64_t id) const;

 private:
  Database& db_;
  const PiiVault& vault_;
};

}  // namespace shanhai

// What MatchService reads of the database, through the ledgers' repositories (their generated,
// named SQL; no SQL here): whole ledgers at start-up and the records one change touches after.
// Records come back as stored, sensitive fields masked; of the people registry only the facts
// the rules need are read, the poverty status decrypted and nothing else (never logged).
// Thread safety: none; over one connection, like the Database.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "domain/ledger/ledger_def.h"
#include "domain/matching/match_profiles.h"
#include "security/pii_vault.h"
#include "storage/database.h"

namespace shanhai::matching {

class MatchReader {
 public:
  // db and vault must outlive the reader.
  MatchReader(Database& db, const PiiVault& vault) : db_(db), vault_(vault) {}

  // Every record of def, by id. Errors: the database's.
  Result<std::vector<Record>> All(const LedgerDef& def) const;
  // Every record of def whose stored column key equals value, by id.
  Result<std::vector<Record>> Where(const LedgerDef& def, const std::string& key, const Value& value) const;
  // Record id of def, or nullopt when there is none.
  Result<std::optional<Record>> One(const LedgerDef& def, int64_t id) const;
  // The facts of the people of ids (nullopt: everyone), by people id; unknown ids are left out.
  Result<std::map<int64_t, PersonFacts>> People(const std::optional<std::vector<int64_t>>& ids) const;
  // The seekers record id of the person with that ID number (18 characters), or 0. Found by the
  // registry's keyed hash, never by decrypting.
  Result<int64_t> SeekerOfIdNumber(const std::string& id_number) const;

 private:
  Database& db_;
  const PiiVault& vault_;
};

}  // namespace shanhai::matching

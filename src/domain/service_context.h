// What every service is handed: the connection, the personal-data vault, the clock, the
// checks the application adds to the declared ledgers and the process's change feed. One per database connection (AppConn
// builds it); services keep a copy, the pointers stay owned by AppEnv and AppConn.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "domain/changes/change_feed.h"
#include "domain/ledger/ledger_def.h"
#include "security/pii_vault.h"
#include "storage/database.h"

namespace shanhai {

struct ServiceContext {
  Database* db = nullptr;
  const PiiVault* vault = nullptr;
  std::function<std::string()> now;  // ISO-8601 UTC timestamp
  // Extra checks by ledger name, injected by the application (e.g. targets' indicator keys).
  std::map<std::string, RecordCheck> extra_checks;
  // Told of each committed change (domain/changes/change_feed.h); null: the process has no
  // in-process subscribers (change_log rows are written all the same).
  ChangeFeed* changes = nullptr;
};

}  // namespace shanhai

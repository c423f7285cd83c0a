// Import error sheets kept for download: the .xlsx listing an import's refused rows (with the
// values typed in them, so personal data) is stored encrypted in table import_error_sheets
// under a random token, belongs to the user who imported — anyone else is told it does not
// exist — and is deleted a day after it was made (kLifetimeSeconds): expired sheets are
// purged whenever a sheet is stored or fetched, and by Purge() at server start.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "domain/service_context.h"

namespace shanhai {

class ErrorSheetStore {
 public:
  static constexpr int64_t kLifetimeSeconds = 24 * 60 * 60;

  // Over context's database, vault (not null) and clock (injectable for tests); context must
  // outlive the store.
  explicit ErrorSheetStore(ServiceContext& context) : db_(*context.db), vault_(*context.vault), clock_(context.clock) {}

  // Stores bytes for owner and returns the new sheet's token ([A-Za-z0-9_-]).
  // Errors: Unavailable (database).
  Result<std::string> Save(const std::string& owner, const std::string& bytes);
  // The bytes of sheet token if owner made it and it has not expired. Errors: NotFound (zh/en)
  // otherwise — the same answer whether the sheet is someone else's, expired or never was.
  Result<std::string> Load(const std::string& owner, const std::string& token);
  // Deletes every expired sheet; returns how many. Errors: Unavailable (database).
  Result<int64_t> Purge();

 private:
  Database& db_;
  const PiiVault& vault_;
  const Clock& clock_;
};

}  // namespace shanhai

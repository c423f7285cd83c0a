#include "domain/accounts/user_names.h"

namespace shanhai {

namespace {

// The actors are selected from the record's audit rows (index audit_log_record) inside the query,
// so every history uses this one statement, whatever its number of actors.
constexpr const char* kSelectRecordActorNames =
    "SELECT name, display_name FROM users WHERE display_name <> '' AND name IN "
    "(SELECT actor FROM audit_log WHERE ledger = ? AND record_id = ?)";
constexpr const char* kSelectDisplayName = "SELECT display_name FROM users WHERE name = ?";

}  // namespace

Result<std::map<std::string, std::string>> UserNames::OfRecordActors(const std::string& ledger, int64_t record_id) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSelectRecordActorNames, {ledger, record_id}));
  std::map<std::string, std::string> out;
  for (const auto& r : rows.rows) out[AsText(r[0])] = AsText(r[1]);
  return out;
}

Result<std::string> UserNames::Of(const std::string& login) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSelectDisplayName, {login}));
  return rows.rows.empty() ? std::string() : AsText(rows.rows[0][0]);
}

}  // namespace shanhai

#include "domain/accounts/user_names.h"

namespace shanhai {

namespace {

// The actors are selected from the record's audit rows (index audit_log_record) inside the query,
// so every history uses this one statement, whatever its number of actors.
constexpr const char* kSelectRecordActorNames =
    "SELECT name, display_name FROM users WHERE display_name <> '' AND name IN "
    "(SELECT actor FROM audit_log WHERE ledger = ? AND record_id = ?)";
constexpr const char* kSelectDisplayName = "SELECT display_name FROM users WHERE name = ?";
constexpr const char* kSelectNamed = "SELECT name, display_name FROM users WHERE display_name <> '' ORDER BY name";

}  // namespace

namespace {

Result<std::map<std::string, std::string>> NamesOf(Database& db, const char* sql, const std::vector<Value>& params) {
  SH_ASSIGN_OR_RETURN(Rows rows, db.Query(sql, params));
  std::map<std::string, std::string> out;
  for (const auto& r : rows.rows) out[AsText(r[0])] = AsText(r[1]);
  return out;
}

}  // namespace

Result<std::map<std::string, std::string>> UserNames::OfRecordActors(const std::string& ledger, int64_t record_id) {
  return NamesOf(db_, kSelectRecordActorNames, {ledger, record_id});
}

Result<std::map<std::string, std::string>> UserNames::Named() { return NamesOf(db_, kSelectNamed, {}); }

Result<std::string> UserNames::Of(const std::string& login) {
  SH_ASSIGN_OR_RETURN(Rows rows, db_.Query(kSelectDisplayName, {login}));
  return rows.rows.empty() ? std::string() : AsText(rows.rows[0][0]);
}

}  // namespace shanhai

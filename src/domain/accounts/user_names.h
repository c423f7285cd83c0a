// The look-ups of users' display names (users.display_name, migration 0011) that name who took a
// record's steps: the repository of display_name.h's rules, and like it free of the rest of
// accounts, so the ledger (histories, transitions) may use both without depending on
// AccountService. Each look-up is one fixed statement, whatever the number of actors, so the
// connection's statement cache holds one of each.
// Thread safety: none, like the Database it reads.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "common/status.h"
#include "storage/database.h"

namespace shanhai {

class UserNames {
 public:
  // db is not owned and must outlive this object.
  explicit UserNames(Database& db) : db_(db) {}

  // login → whole display name of every actor of the audit rows of ledger's record record_id
  // whose account has one (logins without an account or a name are left out). One query.
  // Errors: the database's.
  Result<std::map<std::string, std::string>> OfRecordActors(const std::string& ledger, int64_t record_id);
  // The whole display name of login's account; "" if it has none or there is no such account.
  // Errors: the database's.
  Result<std::string> Of(const std::string& login);
  // login → whole display name of every account that has one (the audit log's actors, as its
  // administrator reads and filters them). One query. Errors: the database's.
  Result<std::map<std::string, std::string>> Named();

 private:
  Database& db_;
};

}  // namespace shanhai

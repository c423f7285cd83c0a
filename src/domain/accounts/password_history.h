// The Argon2id hashes of each user's recent passwords (table password_history, migration
// 0004), so a new password cannot be one of the last few.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "storage/database.h"

namespace shanhai {

class PasswordHistory {
 public:
  explicit PasswordHistory(Database& db) : db_(db) {}

  // InvalidArgument (zh/en, field "new_password") if password matches one of the user's last
  // `depth` passwords. Costs one Argon2id verification per stored hash (≤ depth).
  Status CheckNotReused(int64_t user_id, const std::string& password, int depth);
  // Appends hash as the user's newest password and drops all but the newest `depth`.
  // Call inside the transaction that sets the password.
  Status Record(int64_t user_id, const std::string& hash, const std::string& at, int depth);

 private:
  Database& db_;
};

}  // namespace shanhai

// The audit log: one row per write (with the record before and after, sensitive values
// masked) and per reading of a whole sensitive value. Written in the caller's transaction,
// so a change and its audit row commit or vanish together.
#pragma once

#include <string>
#include <vector>

#include "domain/ledger/actor.h"
#include "storage/database.h"

namespace shanhai {

struct AuditEntry {
  int64_t id = 0;
  std::string at;
  std::string actor;
  std::string action;  // create | update | delete | import | reveal | login | user_add | …
  std::string ledger;
  int64_t record_id = 0;
  std::string helped_region;
  std::string before_json;
  std::string after_json;
  std::string detail;
  std::string remote;
};

struct AuditFilter {
  std::string actor, action, ledger, from, to;  // "" = any; from/to compare with `at`
  int64_t record_id = 0;                         // 0 = any
  std::string visible_prefix;                    // limit to a region ("" = all)
  int64_t page = 1, page_size = 50;
};

class AuditLog {
 public:
  // now() gives the ISO-8601 UTC timestamp to record (injectable for tests).
  AuditLog(Database& db, std::function<std::string()> now) : db_(db), now_(std::move(now)) {}
  Status Write(const Actor& actor, const std::string& action, const std::string& ledger, int64_t record_id,
               const std::string& helped_region, const std::string& before_json, const std::string& after_json,
               const std::string& detail = "");
  // Newest first.
  Result<std::pair<int64_t, std::vector<AuditEntry>>> Find(const AuditFilter& filter);

 private:
  Database& db_;
  std::function<std::string()> now_;
};

}  // namespace shanhai

// The audit log: one row per write (with the record before and after, sensitive values
// masked) and per reading of a whole sensitive value. Written in the caller's transaction,
// so a change and its audit row commit or vanish together. Each row is appended to a keyed
// hash chain (src/domain/audit/audit_chain.h), so an edited or deleted row shows.
#pragma once

#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/audit/audit_chain.h"
#include "domain/ledger/actor.h"
#include "security/permissions.h"
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
  int64_t seq = 0;  // position in the hash chain (0: not chained)
};

// Bytes any one field of an entry may hold: entries of an actor that has not logged in
// (e.g. a failed login's user name) keep at most kUnauthenticatedFieldBytes per field, others
// kMaxFieldBytes; a longer value is cut at a UTF-8 boundary and marked with kTruncatedMark
// followed by its original size in bytes.
inline constexpr size_t kUnauthenticatedFieldBytes = 256;
inline constexpr size_t kMaxFieldBytes = 64 * 1024;
inline constexpr const char* kTruncatedMark = "…[截断 truncated, bytes: ";

// Reading, exporting and verifying the log (the audit administrator's permission).

// True if the actor stands for a logged-in user or the system (it has a role).
bool IsAuthenticatedActor(const Actor& actor);

struct AuditFilter {
  std::string actor, action, ledger, from, to;  // "" = any; from/to compare with `at`
  int64_t record_id = 0;                         // 0 = any
  std::string visible_prefix;                    // limit to a region ("" = all)
  int64_t page = 1, page_size = 50;
};

class AuditLog {
 public:
  // clock stamps each entry (ISO-8601 UTC). One per connection, owned by its ServiceContext
  // (service_context.h); db must outlive it.
  AuditLog(Database& db, Clock clock) : db_(db), clock_(std::move(clock)) {}
  // Appends one entry to the chain: inside the caller's transaction if one is open (so it
  // vanishes with a rollback, leaving no gap), else in its own. Empty strings are stored as NULL;
  // fields are capped (kMaxFieldBytes, kUnauthenticatedFieldBytes). Errors: as Append.
  Status Write(const Actor& actor, const std::string& action, const std::string& ledger, int64_t record_id,
               const std::string& helped_region, const std::string& before_json, const std::string& after_json,
               const std::string& detail = "");
  // Appends entries (their at, actor and remote are filled in here from now() and actor;
  // id and seq are assigned) in one step: one chain lock, one id allocation, one bulk insert —
  // for imports, which audit every record. Caps fields as Write does. Errors: Unavailable if no
  // audit key is installed (see InstallAuditKey); the database's. Nothing is written then.
  Status Append(const Actor& actor, std::vector<AuditEntry> entries);
  // Newest first.
  Result<std::pair<int64_t, std::vector<AuditEntry>>> Find(const AuditFilter& filter);
  // The whole chain checked (VerifyAuditChain with the installed key). Needs kAuditDuty.
  // Errors: PermissionDenied; Unavailable without an audit key; the database's.
  Result<ChainVerification> Verify(const Actor& actor);
  // Every entry filter selects (all pages; newest first) written to path (.xlsx or .csv) with
  // one column per field; returns how many. The export is audited itself ("audit_export": the
  // filter and the count). Needs kAuditDuty. Errors: PermissionDenied; the writers'.
  Result<int64_t> Export(const Actor& actor, AuditFilter filter, const std::string& path);

 private:
  Database& db_;
  Clock clock_;
};

}  // namespace shanhai

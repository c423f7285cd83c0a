// One committed change of one ledger record, as the change feed carries it.
#pragma once

#include <cstdint>
#include <string>

namespace shanhai {

// What happened to the record. Text, not an enum: rows written by a newer binary (with kinds
// this one does not know) still read and count, and workflows add "transitioned".
inline constexpr const char* kChangeCreated = "created";
inline constexpr const char* kChangeUpdated = "updated";
inline constexpr const char* kChangeDeleted = "deleted";
inline constexpr const char* kChangeTransitioned = "transitioned";

struct Change {
  int64_t seq = 0;          // position in change_log (1, 2, 3 ... in commit order; 0 until appended)
  std::string ledger;       // LedgerDef::name
  int64_t record_id = 0;
  std::string kind;         // kChangeCreated, ...
  // The record's version after the change; for a delete, the deleted version + 1, so the
  // versions of one record's changes increase strictly.
  int64_t version = 0;
  std::string helped_region;  // the record's helped county ("" if none)
  std::string at;             // ISO-8601 UTC, set when appended
};

}  // namespace shanhai

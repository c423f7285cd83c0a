// Each account's daily allowance of personal numbers learnt through the ledgers: key matches
// (an ID number or another sensitive natural key that was typed or imported — by a create, an
// update, an import or a dry run — and found in a stored record, which confirms whose number it
// is) and reveals (a whole sensitive value shown). Both kinds are counted the same way, in table
// disclosure_counts (migration 0020): one row per account, day (China Standard Time) and kind.
// Past a kind's limit the request is refused (PermissionDenied, both languages, saying whom to ask)
// and an alert entry `disclosure_quota_exceeded` is written for the audit administrator.
// The system actor (an operator at the terminal, who holds the database and its key) has no limit.
// Thread safety: none; one per connection, like its Database.
#pragma once

#include <cstdint>
#include <string>

#include "common/clock.h"
#include "domain/audit/audit_log.h"
#include "storage/database.h"

namespace shanhai {

enum class DisclosureKind { kKeyMatch, kReveal };

// The limits per account and day, set by `serve --key-match-quota N --reveal-quota N`;
// 0 = no limit.
struct DisclosureLimits {
  int64_t key_matches_per_day = 20;
  int64_t reveals_per_day = 200;
};

// "key_match" | "reveal": the kind as disclosure_counts and the audit details name it.
const char* DisclosureKindName(DisclosureKind kind);

// The day a count belongs to: the date in China Standard Time (UTC+8) of unix_seconds. Pure.
std::string DisclosureDay(int64_t unix_seconds);

class DisclosureQuota {
 public:
  // db, audit and clock must outlive the quota (the connection's ServiceContext holds them).
  DisclosureQuota(Database& db, AuditLog& audit, const Clock& clock, const DisclosureLimits& limits)
      : db_(db), audit_(audit), clock_(clock), limits_(limits) {}

  // How many more disclosures of kind actor may make today (INT64_MAX without a limit). Reads in
  // the caller's transaction if one is open.
  // Const: it only reads (the validator asks through a const context).
  Result<int64_t> Left(const Actor& actor, DisclosureKind kind) const;
  // Counts n disclosures of kind for actor today, in the caller's transaction (its own if none),
  // and answers true — or false when that would pass the day's limit, counting nothing (the caller
  // refuses with Refusal and writes the Alert once its transaction has ended). The count is added
  // before it is compared, so concurrent requests of one account wait for each other's.
  Result<bool> Spend(const Actor& actor, DisclosureKind kind, int64_t n);
  // Counts n without checking the limit: disclosures already made (a dry run's matches, counted
  // after its rollback).
  Status Count(const Actor& actor, DisclosureKind kind, int64_t n);
  // True if the refusal of kind, as Refusal returns it.
  static bool IsRefusal(const Status& status);
  // The refusal past kind's limit, in both languages.
  Status Refusal(DisclosureKind kind) const;
  // Writes the alert that actor was refused kind on ledger (in the caller's transaction, or its
  // own): action disclosure_quota_exceeded, detail "kind=… limit=…".
  Status Alert(const Actor& actor, DisclosureKind kind, const std::string& ledger);
  // One whole value about to be shown: spends one reveal and writes the "reveal" audit entry of
  // (ledger, record_id, helped_region, detail) in one transaction, so there is no value without a
  // log row. Past the limit: writes the Alert and returns Refusal(kReveal), counting nothing.
  Status RecordReveal(const Actor& actor, const std::string& ledger, int64_t record_id,
                      const std::string& helped_region, const std::string& detail);

 private:
  int64_t LimitOf(DisclosureKind kind) const;

  Database& db_;
  AuditLog& audit_;
  const Clock& clock_;
  const DisclosureLimits& limits_;
};

}  // namespace shanhai

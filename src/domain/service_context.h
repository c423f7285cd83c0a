// What every service of a database connection is handed, once: the connection, the
// personal-data vault, the clock, the connection's one audit log and one dictionary service,
// the checks the application adds to the declared ledgers and the process's change feed.
//
// Ownership: AppConn builds one ServiceContext per connection, after the connection and before
// the services, and destroys it after them (tests do the same with theirs). The context owns
// the AuditLog and the DictionaryService; every service keeps a reference to the context and
// must not outlive it. db, vault and changes are borrowed: AppConn owns the Database, AppEnv the
// vault and the feed, and each must outlive the context. Not copyable nor movable (the audit
// log and the dictionaries refer to db). Thread safety: none; one per connection, like the Database.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/audit/audit_log.h"
#include "domain/audit/disclosure_quota.h"
#include "domain/changes/change_feed.h"
#include "domain/dictionaries/dictionary_service.h"
#include "domain/ledger/ledger_def.h"
#include "security/pii_vault.h"
#include "storage/database.h"

namespace shanhai {

struct RawRecord;  // domain/ledger/ledger_service.h

// How a ledger's spreadsheet cells under FieldDef::sheet_label_zh differ from its API values,
// where the declaration cannot say it alone (a target's unit depends on its indicator).
struct SheetForm {
  // Turns the cells of raw.sheet_form_fields into the values the API would send, in place; a
  // cell it cannot read gets its field's error (naming the choices) and is left out of raw.
  std::function<void(RawRecord& raw, std::vector<FieldError>& errors)> read;
  // The cell of a stored record's field with a sheet label, as read would take it back.
  std::function<std::string(const FieldDef& field, const Record& record)> write;
};

struct ServiceContext {
  // vault may be null only for services that keep no personal data (AccountService then has no
  // TOTP); LedgerService, ErrorSheetStore and EvidenceService need one. changes: see below.
  ServiceContext(Database& database, const PiiVault* pii_vault, Clock service_clock, ChangeFeed* change_feed = nullptr)
      : db(&database),
        vault(pii_vault),
        clock(std::move(service_clock)),
        changes(change_feed),
        audit(database, clock),
        dictionaries(database, audit, clock) {}
  ServiceContext(const ServiceContext&) = delete;
  ServiceContext& operator=(const ServiceContext&) = delete;

  Database* const db;
  const PiiVault* const vault;
  // Seconds and ISO timestamps of every service and of the audit log, from one source.
  const Clock clock;
  // Told of each committed change (domain/changes/change_feed.h); null: the process has no
  // in-process subscribers (change_log rows are written all the same).
  ChangeFeed* const changes;
  // Extra checks by ledger name, injected by the application (e.g. targets' indicator keys);
  // set before the services are built.
  std::map<std::string, RecordCheck> extra_checks;
  // Spreadsheet forms by ledger name, injected by the application (the targets sheet's); a ledger
  // declaring sheet labels needs one.
  std::map<std::string, SheetForm> sheet_forms;
  // The connection's audit log: every service's audit rows go through it.
  AuditLog audit;
  // The connection's dictionaries (declared options and administrators' additions).
  DictionaryService dictionaries;
  // Each account's daily allowance of key matches and reveals (AppConn sets the limits from
  // AppEnv's, before the services are used), and its counter.
  DisclosureLimits disclosure_limits;
  DisclosureQuota quota{*db, audit, clock, disclosure_limits};
};

}  // namespace shanhai

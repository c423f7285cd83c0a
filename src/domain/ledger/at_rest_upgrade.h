// The part of the upgrade to schema 17 (migration 0017_sealed_at_rest.sql) that needs the data
// key, which SQL does not have: every sensitive value still in a version 1 token (unpadded, so
// its length tells the value apart, see PiiVault) is encrypted again, padded; and each stored
// record of a ledger without a natural key gets a keyed fingerprint (import_fingerprints.h) in
// place of the unkeyed ones the migration deleted. Only the records' current versions can be
// fingerprinted again: a sheet exported before the upgrade holding an earlier version of a
// record since changed is no longer recognised as a re-import (its rows import as new).
//
// The migration leaves the step "seal_at_rest" in pending_upgrades; this does the work and
// removes that row in one transaction, so a failure part-way leaves the step to run again at the
// next `shanhai init`. On a new database it finds nothing to convert and only removes the row.
#pragma once

#include "security/pii_vault.h"
#include "storage/database.h"

namespace shanhai {

// Runs the step if it is pending (AppConn::Open after migrating). Must not be called inside a
// transaction. Errors: a value that does not decrypt under the vault (the wrong data key), as
// Decrypt says, and database errors; either way nothing is changed.
Status CompletePendingAtRestUpgrade(Database& db, const PiiVault& vault);

}  // namespace shanhai

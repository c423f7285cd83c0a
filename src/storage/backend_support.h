// Small pieces both backends share: savepoint SQL for nested transactions, the argument check
// for BulkInsert (table and column names go into SQL text, so they must be plain identifiers)
// and file preparation for Open/Backup.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace shanhai {

// SQL that opens one more level when `depth` levels are open: top_begin at depth 0
// (e.g. "BEGIN IMMEDIATE"), otherwise "SAVEPOINT sp<depth>".
std::string BeginSql(int depth, std::string_view top_begin);
// SQL that commits the innermost of `depth` (>= 1) open levels: COMMIT or RELEASE SAVEPOINT.
std::string CommitSql(int depth);
// SQL that rolls back the innermost of `depth` (>= 1) open levels; for a savepoint this is two
// statements (ROLLBACK TO + RELEASE), so run it as a script.
std::string RollbackSql(int depth);

// True for [A-Za-z_][A-Za-z0-9_]*.
bool IsPlainIdentifier(std::string_view name);
// ok, or InvalidArgument naming the bad identifier or the first row whose width differs from
// columns.size(). An empty column list is refused.
Status CheckBulkInsertArgs(std::string_view table, const std::vector<std::string>& columns,
                           const std::vector<std::vector<Value>>& rows);

// Creates the parent directory of a file path if missing, mode 0700 (the directories that
// hold databases and backups are the owner's alone). Errors: Unavailable.
Status CreateParentDirectory(const std::string& path);
// Readies a backup target: refuses (InvalidArgument) an existing non-empty file, so a backup
// never overwrites another one; creates the parent directory (0700) and the file, mode 0600.
Status PrepareBackupTarget(const std::string& out_path);
// Sets a SQLite database file and its -wal and -shm companions, where they exist, to mode 0600.
// Best effort: a file this user does not own is left as it is.
void RestrictDatabaseFileModes(const std::string& path);

}  // namespace shanhai

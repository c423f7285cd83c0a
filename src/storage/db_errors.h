// The Status values both backends return for the same kind of database failure, so callers
// can react to a code (Conflict, InvalidArgument, Unavailable) without knowing the backend.
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace shanhai {

// Unique or primary-key violation → Conflict. detail: the database's own words (may be
// empty); the key values PostgreSQL quotes in it are left out, only the columns are named.
// Each column of the violated key is also a detail (FieldError::field = the column), so a
// caller that knows the table can name the key in its users' words (UniqueKeyColumns).
Status UniqueViolation(std::string_view detail);
// The columns of the key a unique violation names, in the key's order: from SQLite's
// "UNIQUE constraint failed: t.a, t.b" or PostgreSQL's "Key (a, b)=(…) already exists.".
// Empty when the detail names none (an expression index).
std::vector<std::string> UniqueKeyColumnsOf(std::string_view detail);
// Whether s came from UniqueViolation / ForeignKeyViolation (of either backend).
bool IsUniqueViolation(const Status& s);
bool IsForeignKeyViolation(const Status& s);
// The violated key's columns carried by a UniqueViolation status (empty for any other).
std::vector<std::string> UniqueKeyColumns(const Status& s);
// Foreign-key violation (referenced row missing, or row still referenced) → Conflict; the
// detail's key values are left out as above.
Status ForeignKeyViolation(std::string_view detail);
// CHECK or NOT NULL violation → InvalidArgument; the failing row PostgreSQL appends is left out.
Status ConstraintViolation(std::string_view detail);
// The database cannot be reached/opened, or is busy/shutting down → Unavailable.
Status DatabaseUnavailable(std::string_view where, std::string_view detail);
// The database's disk (or its size limit) is full: SQLite's SQLITE_FULL, PostgreSQL's 53100
// disk_full → Unavailable "磁盘已满 / disk full"; the write did not happen.
Status DiskFull(std::string_view detail);
// Anything else → Internal, carrying the database's message.
Status DatabaseError(std::string_view detail);

}  // namespace shanhai

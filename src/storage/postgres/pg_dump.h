// Backing up a PostgreSQL database by running the pg_dump program.
// Thread safety: safe to call from several threads (each call spawns its own process).
#pragma once

#include <string>

#include "common/status.h"

namespace shanhai {

// Runs `pg_dump -Fc -f out_path URL` (found on PATH) and waits for it. The password, if the URL
// has one, travels in the child's PGPASSWORD rather than on its command line. out_path is
// passed as is: callers check it first (see PrepareBackupTarget).
// Errors: Unavailable if pg_dump cannot be started; Internal with pg_dump's own error output if
// it fails (the partial file is removed).
Status RunPgDump(const std::string& url, const std::string& out_path);

}  // namespace shanhai

// Why a spreadsheet could not be written, in the user's terms: the writers write to `<path>.tmp`
// and rename it into place, but a failure names the path the user gave, never the temporary one.
#pragma once

#include <string>

#include "common/status.h"

namespace shanhai::excel {

// The refusal to write path after a system call failed with errno err, zh+en, naming path and the
// cause ("目录不存在 / the folder does not exist" and the like for the common ones, the system's
// text otherwise). InvalidArgument when the path itself is wrong (no such folder, not a folder, no
// permission, read-only), so the CLI exits 1; Unavailable for the rest (disk full, I/O error).
// The HTTP handlers write the server's own temporary files: they answer any of these as the
// server's fault (TempFile::Written, http/handlers/temp_file.h).
Status WriteFailure(const std::string& path, int err);

}  // namespace shanhai::excel

#include <iostream>

#include "cli/commands.h"

namespace shanhai::cli {

void AddDbOptions(CLI::App& command, DbOptions& options) {
  command.add_option("--db", options.db, "SQLite file or postgresql:// URL (default: $SHANHAI_DB, else var/shanhai.db)");
  command.add_option("--key", options.key,
                     "data key file for personal data (default: $SHANHAI_KEY_FILE, else <db>.key; "
                     "$SHANHAI_DATA_KEY overrides both)");
}

int PrintError(const Status& status) {
  if (status.ok()) return 0;
  std::cerr << "错误 error: " << status.ToString() << "\n";
  return ExitCodeFor(status.code());
}

int& ExitCode() {
  static int code = 0;
  return code;
}

}  // namespace shanhai::cli

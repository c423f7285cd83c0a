// Opening the database for a CLI command: the env, then one connection.
#pragma once

#include "app/app_context.h"
#include "cli/commands.h"

namespace shanhai::cli {

struct Connected {
  std::unique_ptr<AppEnv> env;
  std::unique_ptr<AppConn> conn;
};

// create: create the key if missing and migrate (init); otherwise the schema must exist.
Result<Connected> Connect(const DbOptions& options, bool create);

// Loads the demo data into conn's empty database and says so (demo, init --demo; demo_command.cc).
// Errors: Conflict when the database holds data already (nothing loaded).
Status LoadDemo(AppConn& conn);

}  // namespace shanhai::cli

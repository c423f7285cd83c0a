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

}  // namespace shanhai::cli

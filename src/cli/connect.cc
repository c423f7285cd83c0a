#include "cli/connect.h"

namespace shanhai::cli {

Result<Connected> Connect(const DbOptions& options, bool create) {
  const std::string url = ResolveDbUrl(options.db);
  Connected c;
  SH_ASSIGN_OR_RETURN(c.env, AppEnv::Open(url, KeyFileFor(url, options.key), create));
  SH_ASSIGN_OR_RETURN(c.conn, AppConn::Open(*c.env, create));
  return c;
}

}  // namespace shanhai::cli

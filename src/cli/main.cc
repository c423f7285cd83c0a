// shanhai — the East–West cooperation platform in one binary.
#include <sys/stat.h>

#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  // Everything Shanhai writes (databases and their WAL/SHM, keys, backups, exports, error
  // sheets, scratch files) may hold personal data: files 0600, directories 0700.
  umask(077);
  CLI::App app{"山海 Shanhai — 东西部协作平台 / East–West paired-assistance platform\n"
               "Keeps the cooperation ledgers, computes the \"223\" indicators and report, serves the web console."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "shanhai 0.1.0");
  shanhai::cli::RegisterInit(app);
  shanhai::cli::RegisterDemo(app);
  shanhai::cli::RegisterServe(app);
  shanhai::cli::RegisterImport(app);
  shanhai::cli::RegisterExport(app);
  shanhai::cli::RegisterTemplate(app);
  shanhai::cli::RegisterTransition(app);
  shanhai::cli::RegisterHistory(app);
  shanhai::cli::RegisterMatch(app);
  shanhai::cli::RegisterNotify(app);
  shanhai::cli::RegisterReport(app);
  shanhai::cli::RegisterUser(app);
  shanhai::cli::RegisterRole(app);
  shanhai::cli::RegisterBackup(app);
  shanhai::cli::RegisterAudit(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 1;
  }
  return shanhai::cli::ExitCode();
}

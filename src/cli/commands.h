// The CLI's commands. Each Register* adds one subcommand to the app; its callback runs
// the command and sets the process exit code: 0 ok, 1 the user's mistake (the message says
// what and where), 2 an internal or unavailable error.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "common/status.h"

namespace shanhai::cli {

// Options every database command takes.
struct DbOptions {
  std::string db;   // --db: SQLite path or postgresql:// URL
  std::string key;  // --key: data key file
};
void AddDbOptions(CLI::App& command, DbOptions& options);

// Prints a failed Status to stderr and returns its exit code (0 for ok).
int PrintError(const Status& status);

// Set by a command's callback; returned by main.
int& ExitCode();

void RegisterInit(CLI::App& app);
void RegisterDemo(CLI::App& app);
void RegisterServe(CLI::App& app);
void RegisterImport(CLI::App& app);
void RegisterExport(CLI::App& app);
void RegisterTemplate(CLI::App& app);
void RegisterReport(CLI::App& app);
void RegisterUser(CLI::App& app);
// user unlock / user totp, added to the `user` subcommand by RegisterUser.
void RegisterUserIdentity(CLI::App& user);
void RegisterRevealGrants(CLI::App& user);  // reveal_grant_command.cc
void RegisterRole(CLI::App& app);
void RegisterBackup(CLI::App& app);
void RegisterAudit(CLI::App& app);
void RegisterTransition(CLI::App& app);
void RegisterHistory(CLI::App& app);
void RegisterMatch(CLI::App& app);  // match_command.cc
void RegisterNotify(CLI::App& app);  // notify_command.cc

}  // namespace shanhai::cli

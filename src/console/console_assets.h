// The web console built into the binary: registers its files with the HTTP server's
// static file table.
#pragma once

#include <cstddef>
#include <string_view>

#include "common/status.h"
#include "http/static_files.h"

namespace shanhai {

// Registers every file of the embedded console build (web/dist at build time), each with
// its gzip variant, under its URL path ("/index.html", "/assets/…"). Registers nothing when
// the binary was built without web/dist. A corrupt pack (a build bug) is logged and skipped.
// Not thread-safe (it fills `files`): call before serving.
void RegisterConsoleAssets(StaticFiles& files);

// The pack embedded at build time (empty when built without web/dist). Thread-safe.
std::string_view EmbeddedConsolePack();

// Registers the files of one pack (the format pack_console.mjs writes) and returns how many.
// InvalidArgument if the pack is truncated or a path does not start with '/'; files before
// the bad entry stay registered. Not thread-safe (it fills `files`).
Result<size_t> RegisterConsolePack(std::string_view pack, StaticFiles& files);

}  // namespace shanhai

// The 32-byte data key from which the PII vault derives its keys.
//
// Where it lives: the environment variable SHANHAI_DATA_KEY (64 hex characters or base64 of
// 32 bytes) wins; otherwise a key file next to the SQLite database, "<db>.key"
// (e.g. var/shanhai.db.key), holding the key as 64 hex characters and a newline, readable by
// its owner only (mode 0600). Losing the key loses the encrypted personal data: back it up
// separately from the database.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace shanhai {

using DataKey = std::array<uint8_t, 32>;

// Name of the environment variable that overrides the key file.
inline constexpr const char* kDataKeyEnv = "SHANHAI_DATA_KEY";

// The conventional key file for a database file: db_path + ".key". Pure.
std::string DataKeyPathFor(const std::string& db_path);

// A key written as 64 hex characters (either case) or base64 (standard or URL-safe alphabet,
// padded or not) of exactly 32 bytes; surrounding whitespace is ignored.
// Errors: InvalidArgument (zh/en) otherwise. Pure; thread-safe.
Result<DataKey> ParseDataKey(std::string_view text);

// The data key: from SHANHAI_DATA_KEY if set and non-empty, else from key_file.
// Errors (all Unavailable, zh/en, naming the variable or file): the variable is malformed;
// the file is missing, unreadable, not a regular file, or malformed; the file is accessible by
// group or others (any of mode 077 set: "chmod 600 <file>" fixes it).
// Reads the environment and the file system; thread-safe if nobody changes the environment.
Result<DataKey> LoadDataKey(const std::string& key_file);

// Creates path holding a fresh random key (mode 0600) unless a file is already there.
// Returns true if it created the key, false if path already existed (left untouched).
// The key is written to a temporary file created with O_CREAT|O_EXCL and mode 0600, synced,
// then hard-linked to path, so path never exists half-written and an existing file is never
// replaced, even with concurrent callers.
// Errors: Unavailable (zh/en) if the directory is missing or not writable, or a write fails.
Result<bool> CreateDataKeyIfMissing(const std::string& path);

}  // namespace shanhai

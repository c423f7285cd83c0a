// Users' display names (姓名, e.g. 王芳): optional, shown to administrators whole and to everyone
// else masked. A record's history names who did each step by the masked name, resolved when the
// history is read (the hash-chained audit rows keep the login name and are never rewritten).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "storage/database.h"

namespace shanhai {

inline constexpr size_t kMaxDisplayNameChars = 32;

// The display name to store for raw: trimmed at both ends (TrimInput); "" (none) if nothing is
// left. Errors: Invalid naming field "display_name" (zh + en) for invalid UTF-8, more than
// kMaxDisplayNameChars characters, or any control, format (zero-width, bidirectional override)
// or line-separator character. Pure.
Result<std::string> ParseDisplayName(std::string_view raw);

// The display name as anyone but an administrator may see it: the first character (the surname,
// for the single-character surnames most people have) kept and every other character starred:
// 王芳 → 王*, 欧阳娜娜 → 欧*** (compound surnames are not recognised, so they show less, never
// more); a one-character name is starred whole. Pure.
std::string MaskDisplayName(std::string_view name);

// login name → display name of those of logins whose account has one (others are left out), in
// one query. Errors: the database's.
Result<std::map<std::string, std::string>> DisplayNamesOf(Database& db, const std::vector<std::string>& logins);

// Who did a step, as a record's history and a transition's audit detail name them: the masked
// display name of login in display_names (from DisplayNamesOf), or login itself when it has none
// (system, or an account without a name). Pure.
std::string ShownActorName(const std::map<std::string, std::string>& display_names, const std::string& login);

}  // namespace shanhai

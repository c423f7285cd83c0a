// Users' display names (姓名, e.g. 王芳): optional, shown to administrators whole and to everyone
// else masked. The rules only, no storage (the look-ups are user_names.h): what a name may be,
// its masked form, and how a step's actor is named. Where each form is kept:
//  - users.display_name: the whole name (administrators see it in the user list);
//  - audit rows: the actor column keeps the login; a transition's detail ("由 王* 认领") and the
//    user_add / user_update rows keep only the masked name, as it was when written (user rows
//    written before that rule, by the first build with display names, keep the whole one: the
//    chain is never rewritten);
//  - a record's history (`by`): the masked name looked up when the history is read.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

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

// Who did a step, as a record's history and a transition's audit detail name them: the masked
// display_name (the stored name of login's account, from UserNames), or login itself when
// display_name is "" (system, or an account without a name). Pure.
std::string ShownActorName(std::string_view display_name, const std::string& login);

}  // namespace shanhai

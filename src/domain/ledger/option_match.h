// Which enum option a typed value names. People type an option the way they read it: its code,
// its label, a declared alias ("乡" for "镇（乡）"), the label without its parenthesis ("东部→西部" for "东部→西部（派往受帮扶方）",
// "镇–村" for "镇（街）–村"), with ASCII or full-width punctuation and any dash ("镇(街)-村"),
// the arrow written as a dash, "->" or "到" ("东部-西部", "东部到西部"),
// or — in a spreadsheet cell only — the start of its label ("党政" for "党政干部培训"). The
// dashboard names an option by OptionShortLabel, so its wording is accepted too. A program
// (the JSON API) names an option exactly: a prefix is a person's shorthand, never guessed for a
// client. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/ledger/ledger_def.h"

namespace shanhai {

// The label without its parenthesised parts, full-width or ASCII: "专业技术人才培训（医生、教师等）"
// → "专业技术人才培训", "镇（街）–村" → "镇–村"; a label without one comes back unchanged.
std::string OptionShortLabel(std::string_view label);

// The form two spellings of one text share: NFKC, every dash and every arrow ("→", "->", "到") as
// '-', no blanks, ASCII lower case ("东部-西部", "东部->西部" and "东部到西部" all read "东部→西部"; no
// two options of a field differ only there). Step 2 of MatchOption compares it; a pair's name is
// split at its '-' (domain/pairing/pair_name.h).
std::string FoldedSpelling(std::string_view text);

// The outcome of matching: exactly one option (option set), several (candidates, in option
// order: the cell is ambiguous), or none (both empty).
struct OptionMatch {
  const EnumOption* option = nullptr;
  std::vector<const EnumOption*> candidates;
};

// How far matching may go: kExact stops after step 2 below (the JSON API), kPrefix also tries
// step 3 (spreadsheet cells typed by people).
enum class OptionMatching { kExact, kPrefix };

// Tries, in order, and stops at the first step that finds any option:
//  1. the code, label_zh, label_en or an alias exactly as typed;
//  2. the same or either short label, compared after folding punctuation (NFKC, every dash and
//     every arrow — "→", "->", "到" — to '-', no blanks, ASCII lower case);
//  3. (kPrefix only) typed text with a Chinese character that begins the folded label_zh or its
//     short label.
// Within steps 2 and 3 several enabled matches are ambiguous (candidates: those); otherwise the
// enabled one, or else a disabled one, is the option (the parser refuses a disabled option).
// typed is already trimmed.
OptionMatch MatchOption(const std::vector<EnumOption>& options, std::string_view typed, OptionMatching matching);

}  // namespace shanhai

// Text clean-up applied to every value a user types or imports, before it is parsed:
// Unicode NFKC (full-width １２３ＡＢＣ（） become ASCII), whitespace trimmed at both ends,
// invalid UTF-8 rejected. All functions are pure and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace shanhai {

// Longest value NormalizeInput accepts; ICU strings are indexed by int32_t.
inline constexpr size_t kMaxNormalizeBytes = size_t{64} << 20;

// True when `text` is well-formed UTF-8: no stray continuation bytes, no truncated
// sequences, no overlong forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF.
// The empty string is valid.
bool IsValidUtf8(std::string_view text);

// Returns `text` in NFKC form with leading and trailing white space removed.
// White space is anything with the Unicode White_Space property (ASCII blanks, tabs,
// CR/LF, NBSP U+00A0, ideographic space U+3000, …) plus the invisible U+200B (zero-width
// space) and U+FEFF (byte-order mark) that spreadsheets and web forms leave behind.
// Interior characters are kept (apart from NFKC mapping, e.g. U+3000 inside becomes ' ').
// Errors: InvalidArgument when `text` is not valid UTF-8 (the message gives the byte
// offset of the first bad byte) or is longer than kMaxNormalizeBytes;
// Internal when ICU's normalisation data is missing.
Result<std::string> NormalizeInput(std::string_view text);

// Like NormalizeInput but without NFKC: validates UTF-8 and trims, keeping every interior
// character as typed. For free text, where full-width Chinese punctuation （，；） is meant.
Result<std::string> TrimInput(std::string_view text);

// Same as NormalizeInput for text that cannot fail: each ill-formed byte sequence is
// first replaced by U+FFFD, and only the first kMaxNormalizeBytes are used. Use for
// display and search keys, never for values stored as the user's data.
std::string NormalizeInputLossy(std::string_view text);

// True when `text` is non-empty and every byte is an ASCII digit '0'–'9'.
bool IsAsciiDigits(std::string_view text);

// 1-based position, counted in code points, of the character containing byte
// `byte_offset`; lets messages point at "the 5th character" as the user sees it.
size_t CharacterPosition(std::string_view text, size_t byte_offset);

// Masks personal data for display: keeps the first `keep_head` and last `keep_tail`
// code points and replaces every code point in between with one '*'.
// When the text has no more than keep_head + keep_tail code points, every code point
// is replaced, so a short or malformed value is never shown in full.
// Each ill-formed UTF-8 sequence counts as one code point.
std::string MaskMiddle(std::string_view text, size_t keep_head, size_t keep_tail);

// A person's name as another party sees it (an employer's candidates, the interview's other side):
// the first and last characters kept when there are three or more (张小明 → 张*明, 欧阳娜娜 → 欧**娜),
// the first of two (王芳 → 王*), a one-character name starred whole; blanks around it dropped.
std::string MaskPersonName(std::string_view name);

// What a message quotes of a value the user typed: the first `max_chars` code points, then "…"
// when there was more — so an error never echoes a huge cell back. Ill-formed UTF-8 sequences
// count as one code point each and are kept as they are.
inline constexpr size_t kExcerptChars = 40;
std::string Excerpt(std::string_view text, size_t max_chars = kExcerptChars);

}  // namespace shanhai

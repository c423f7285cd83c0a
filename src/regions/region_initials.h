// Pinyin initials of region names, for searching them as people type on a phone or a keyboard
// without an input method: "jbc" for 甲坝村, "ptx" for 平塘县. Every reading of a character counts
// (a table generated at build time from npm pinyin-pro by scripts/build_region_initials.mjs and
// embedded in the binary), so a polyphonic character is found under each: 长顺县 by "csx" and
// "zsx". ICU's Han-Latin transliterator reads one pronunciation only and gets place names wrong.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace shanhai {

// The letters a character may begin with, one bit per letter: bit 0 'a' … bit 25 'z'.
using InitialsMask = uint32_t;

class PinyinInitials {
 public:
  // The table embedded at build time, parsed on first use (thread-safe, once per process).
  // Aborts the process if the embedded table is malformed: a build defect, not input.
  static const PinyinInitials& Embedded();

  // Parses "# ..." comment lines, then character<TAB>letters lines ("长\tcz"). Errors:
  // InvalidArgument naming the first bad line (no tab, not one character, letters not a–z).
  static Result<std::unique_ptr<PinyinInitials>> Parse(std::string tsv);

  // One mask per character of text (UTF-8): a Han character's readings' initials from the table,
  // an ASCII letter or digit itself (a digit matches no letter: mask 0), anything else 0.
  // Thread-safe.
  std::vector<InitialsMask> MasksOf(std::string_view text) const;

 private:
  PinyinInitials() = default;
  std::string text_;  // owns the bytes the keys point into
  std::unordered_map<std::string_view, InitialsMask> letters_;
};

// Where typed (lower-case ASCII letters) matches consecutive characters of masks, each letter one
// of its character's initials: the index of the first character of the first such run, or
// std::string::npos (also for an empty typed). Pure.
size_t FindInitials(const std::vector<InitialsMask>& masks, std::string_view typed);

}  // namespace shanhai

#include "regions/region_initials.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iostream>

extern "C" const char shanhai_region_initials_tsv_begin[];
extern "C" const char shanhai_region_initials_tsv_end[];

namespace shanhai {

namespace {

// The byte length of the UTF-8 character starting with lead (1 for a stray continuation byte,
// so a malformed text still advances).
size_t CharLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

InitialsMask LetterBit(char c) { return InitialsMask{1} << (c - 'a'); }

}  // namespace

const PinyinInitials& PinyinInitials::Embedded() {
  static const PinyinInitials* table = [] {
    auto parsed = Parse(std::string(shanhai_region_initials_tsv_begin, shanhai_region_initials_tsv_end));
    if (!parsed.ok()) {
      std::cerr << "embedded pinyin table is malformed: " << parsed.status().ToString() << "\n";
      std::abort();
    }
    return parsed->release();
  }();
  return *table;
}

Result<std::unique_ptr<PinyinInitials>> PinyinInitials::Parse(std::string tsv) {
  std::unique_ptr<PinyinInitials> table(new PinyinInitials());
  table->text_ = std::move(tsv);
  const std::string_view text = table->text_;
  size_t line_no = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    const std::string_view character = line.substr(0, tab);
    const std::string_view letters = tab == std::string_view::npos ? "" : line.substr(tab + 1);
    InitialsMask mask = 0;
    for (char c : letters) mask |= c >= 'a' && c <= 'z' ? LetterBit(c) : 0;
    if (character.empty() || CharLength(static_cast<unsigned char>(character[0])) != character.size() ||
        letters.empty() || letters.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string_view::npos)
      return Status::InvalidArgument("拼音表第 " + std::to_string(line_no) + " 行格式有误",
                                     "pinyin table line " + std::to_string(line_no) + " is malformed");
    table->letters_[character] = mask;
  }
  return table;
}

std::vector<InitialsMask> PinyinInitials::MasksOf(std::string_view text) const {
  std::vector<InitialsMask> masks;
  for (size_t i = 0; i < text.size();) {
    const size_t n = std::min(CharLength(static_cast<unsigned char>(text[i])), text.size() - i);
    const std::string_view character = text.substr(i, n);
    i += n;
    if (n == 1) {
      const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(character[0])));
      masks.push_back(c >= 'a' && c <= 'z' ? LetterBit(c) : 0);
      continue;
    }
    const auto found = letters_.find(character);
    masks.push_back(found == letters_.end() ? 0 : found->second);
  }
  return masks;
}

size_t FindInitials(const std::vector<InitialsMask>& masks, std::string_view typed) {
  if (typed.empty() || typed.size() > masks.size()) return std::string::npos;
  for (size_t start = 0; start + typed.size() <= masks.size(); ++start) {
    size_t k = 0;
    while (k < typed.size() && typed[k] >= 'a' && typed[k] <= 'z' && (masks[start + k] & LetterBit(typed[k]))) ++k;
    if (k == typed.size()) return start;
  }
  return std::string::npos;
}

}  // namespace shanhai

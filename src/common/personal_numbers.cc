#include "common/personal_numbers.h"

#include <tuple>
#include <utility>
#include <vector>

#include "common/id_number.h"
#include "common/mobile.h"

namespace shanhai {
namespace {

constexpr size_t kOldIdDigits = 15;
constexpr size_t kIdDigits = 18;
constexpr size_t kMobileDigits = 11;

// A run of digits in the text: where its bytes are and its digits in ASCII.
struct DigitRun {
  size_t begin = 0, end = 0;  // byte offsets, end exclusive
  std::string digits;
};

// The ASCII digit of the character at text[i] and its byte length, or length 0.
std::pair<char, size_t> DigitAt(std::string_view text, size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  if (c >= '0' && c <= '9') return {static_cast<char>(c), 1};
  // Full-width digits U+FF10–U+FF19 are EF BC 90–99 in UTF-8.
  if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBC) {
    const unsigned char last = static_cast<unsigned char>(text[i + 2]);
    if (last >= 0x90 && last <= 0x99) return {static_cast<char>('0' + (last - 0x90)), 3};
  }
  return {0, 0};
}

// Byte length of an X check character (x, X, full-width Ｘ or ｘ) at text[i], or 0.
size_t CheckXAt(std::string_view text, size_t i) {
  if (text[i] == 'X' || text[i] == 'x') return 1;
  if (text.substr(i, 3) == "\xEF\xBC\xB8" || text.substr(i, 3) == "\xEF\xBD\x98") return 3;
  return 0;
}

std::vector<DigitRun> DigitRuns(std::string_view text) {
  std::vector<DigitRun> runs;
  for (size_t i = 0; i < text.size();) {
    auto [digit, length] = DigitAt(text, i);
    if (length == 0) {
      ++i;
      continue;
    }
    DigitRun run;
    run.begin = i;
    while (length != 0) {
      run.digits.push_back(digit);
      i += length;
      if (i >= text.size()) break;
      std::tie(digit, length) = DigitAt(text, i);
    }
    if (run.digits.size() == kIdDigits - 1 && i < text.size()) {
      if (const size_t x = CheckXAt(text, i); x != 0) {
        run.digits.push_back('X');
        i += x;
      }
    }
    run.end = i;
    runs.push_back(std::move(run));
  }
  return runs;
}

bool IsMobile(std::string_view digits) {
  return digits.size() == kMobileDigits && digits[0] == '1' && digits[1] >= '3' && digits[1] <= '9';
}

// The masked form of the digits of one number, or "" when they are no personal number.
std::string MaskedRun(const std::string& digits) {
  if (digits.size() >= kOldIdDigits) return MaskIdNumber(digits);
  if (IsMobile(digits)) return MaskMobile(digits);
  // A mobile after a country or trunk prefix: 86, 0086, 0, 00.
  for (const char* prefix : {"0086", "086", "86", "00", "0"})
    if (digits.size() == kMobileDigits + std::string_view(prefix).size() && digits.starts_with(prefix) &&
        IsMobile(digits.substr(digits.size() - kMobileDigits)))
      return std::string(prefix) + MaskMobile(digits.substr(digits.size() - kMobileDigits));
  return "";
}

// The code point at text[i] and its byte length (1 for a byte that starts no valid sequence).
std::pair<char32_t, size_t> CodePointAt(std::string_view text, size_t i) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  const size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (length <= 1 || i + length > text.size()) return {c, 1};
  char32_t cp = c & (0xFF >> (length + 1));
  for (size_t k = 1; k < length; ++k) {
    const unsigned char next = static_cast<unsigned char>(text[i + k]);
    if ((next & 0xC0) != 0x80) return {c, 1};
    cp = (cp << 6) | (next & 0x3F);
  }
  return {cp, length};
}

// True for a code point that NFKC makes neither a letter nor a digit, as people put between digit
// groups: ASCII punctuation and blanks, no-break and typographic spaces, dashes and other general
// punctuation, the ideographic space and CJK punctuation (、。〜), and the full-width forms of
// ASCII punctuation (－，：～). Letters, CJK characters and digits are not.
bool IsSeparatorCodePoint(char32_t cp) {
  if (cp < 0x80) {
    const bool alnum = (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
    return !alnum;
  }
  return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x2212 || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
}

// Byte length of the one separator (IsSeparatorCodePoint) at text[i], or 0.
size_t SeparatorAt(std::string_view text, size_t i) {
  if (i >= text.size()) return 0;
  const auto [cp, length] = CodePointAt(text, i);
  return IsSeparatorCodePoint(cp) ? length : 0;
}

// A number written in groups from runs[i] ("522727-19870214-7321", "139.1234.5678",
// "138　1234　5678"): runs joined while exactly one separator (SeparatorAt) stands between them,
// as long as the digits could still be one number; the longest join that is a personal number.
// How many runs it spans (0 when no join of two or more is one) and its digits.
std::pair<size_t, std::string> GroupedNumber(std::string_view text, const std::vector<DigitRun>& runs, size_t i) {
  std::pair<size_t, std::string> best{0, ""};
  std::string digits = runs[i].digits;
  for (size_t j = i + 1; j < runs.size(); ++j) {
    const DigitRun &left = runs[j - 1], &right = runs[j];
    const size_t separator = SeparatorAt(text, left.end);
    if (separator == 0 || right.begin != left.end + separator) break;
    digits += right.digits;
    if (digits.size() > kIdDigits) break;
    if (!MaskedRun(digits).empty()) best = {j - i + 1, digits};
  }
  return best;
}

}  // namespace

bool MayHoldPersonalNumber(std::string_view text) {
  size_t digits = 0;
  for (const char c : text) {
    if (static_cast<unsigned char>(c) == 0xEF) return true;  // lead byte of U+F000–U+FFFF, full-width forms among them
    if (c >= '0' && c <= '9' && ++digits >= kMobileDigits) return true;
  }
  return false;
}

std::string MaskPersonalNumbers(std::string_view text) {
  const std::vector<DigitRun> runs = DigitRuns(text);
  std::string out;
  size_t copied = 0;  // bytes of text already in out
  for (size_t i = 0; i < runs.size(); ++i) {
    const size_t begin = runs[i].begin;
    size_t end = runs[i].end;
    std::string masked;
    if (auto [spanned, digits] = GroupedNumber(text, runs, i); spanned > 0) {
      masked = MaskedRun(digits);
      end = runs[i + spanned - 1].end;
      i += spanned - 1;
    } else {
      masked = MaskedRun(runs[i].digits);
    }
    if (masked.empty()) continue;
    out.append(text.substr(copied, begin - copied));
    out += masked;
    copied = end;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace shanhai

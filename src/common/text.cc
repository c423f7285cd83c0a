#include "common/text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <vector>

namespace shanhai {
namespace {

// Offset of the first ill-formed sequence, or -1. int64_t so inputs over 2 GB work.
int64_t FirstInvalidUtf8Offset(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int64_t length = static_cast<int64_t>(text.size());
  int64_t i = 0;
  while (i < length) {
    const int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return start;
  }
  return -1;
}

bool IsAscii(std::string_view text) {
  for (char ch : text)
    if (static_cast<unsigned char>(ch) >= 0x80) return false;
  return true;
}

bool IsAsciiSpace(char ch) { return ch == ' ' || (ch >= '\t' && ch <= '\r'); }

// Zero-width space and BOM are not White_Space in Unicode, but pasted spreadsheet
// cells carry them invisibly, and a user cannot see why "123\u200B" is rejected.
bool IsTrimmable(UChar32 c) { return u_hasBinaryProperty(c, UCHAR_WHITE_SPACE) || c == 0x200B || c == 0xFEFF; }

std::string TrimAscii(std::string_view text) {
  size_t begin = 0, end = text.size();
  while (begin < end && IsAsciiSpace(text[begin])) ++begin;
  while (end > begin && IsAsciiSpace(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

// The NFKC singleton is owned by ICU and safe to share between threads; it is null only
// when ICU's data library is missing.
const icu::Normalizer2* Nfkc() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

// Trims on the normalised text because NFKC itself produces spaces (U+3000 → ' ').
std::string TrimToUtf8(const icu::UnicodeString& text) {
  int32_t begin = 0, end = text.length();
  while (begin < end && IsTrimmable(text.char32At(begin))) begin = text.moveIndex32(begin, 1);
  while (end > begin) {
    const int32_t prev = text.moveIndex32(end, -1);
    if (!IsTrimmable(text.char32At(prev))) break;
    end = prev;
  }
  std::string out;
  text.tempSubStringBetween(begin, end).toUTF8String(out);
  return out;
}

// Decodes (ill-formed sequences become U+FFFD), applies NFKC when `nfkc` is available,
// and trims. Returns false when normalisation itself failed.
bool NormalizeDecoded(std::string_view text, const icu::Normalizer2* nfkc, std::string* out) {
  icu::UnicodeString decoded =
      icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (nfkc == nullptr) {
    *out = TrimToUtf8(decoded);
    return false;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfkc->normalize(decoded, status);
  if (U_FAILURE(status)) {
    *out = TrimToUtf8(decoded);
    return false;
  }
  *out = TrimToUtf8(normalized);
  return true;
}

}  // namespace

bool IsAsciiDigits(std::string_view text) {
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return !text.empty();
}

size_t CharacterPosition(std::string_view text, size_t byte_offset) {
  size_t position = 0;
  for (size_t i = 0; i <= byte_offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++position;  // not a continuation byte
  return position;
}

bool IsValidUtf8(std::string_view text) { return FirstInvalidUtf8Offset(text) < 0; }

namespace {

// The checks both NormalizeInput and TrimInput make; apply_nfkc chooses whether characters
// are mapped or only trimmed.
Result<std::string> CheckedTrim(std::string_view text, bool apply_nfkc) {
  if (text.size() > kMaxNormalizeBytes) {
    return Status::InvalidArgument("文本过长（超过 " + std::to_string(kMaxNormalizeBytes) + " 字节）",
                                   "text is too long (over " + std::to_string(kMaxNormalizeBytes) + " bytes)");
  }
  // NFKC leaves ASCII unchanged; skipping ICU keeps bulk imports of plain values fast.
  if (IsAscii(text)) return TrimAscii(text);
  const int64_t bad = FirstInvalidUtf8Offset(text);
  if (bad >= 0) {
    return Status::InvalidArgument("文本不是有效的 UTF-8 编码（第 " + std::to_string(bad + 1) + " 个字节有误）",
                                   "text is not valid UTF-8 (bad byte at offset " + std::to_string(bad) + ")");
  }
  std::string out;
  if (!apply_nfkc) {
    NormalizeDecoded(text, nullptr, &out);  // decode and trim only
    return out;
  }
  if (!NormalizeDecoded(text, Nfkc(), &out)) return Status::Internal("ICU NFKC normalisation is unavailable");
  return out;
}

}  // namespace

Result<std::string> NormalizeInput(std::string_view text) { return CheckedTrim(text, true); }

Result<std::string> TrimInput(std::string_view text) { return CheckedTrim(text, false); }

std::string NormalizeInputLossy(std::string_view text) {
  text = text.substr(0, kMaxNormalizeBytes);
  if (IsAscii(text)) return TrimAscii(text);
  std::string out;
  NormalizeDecoded(text, Nfkc(), &out);  // without NFKC the trimmed text is the best we have
  return out;
}

std::string MaskMiddle(std::string_view text, size_t keep_head, size_t keep_tail) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int64_t length = static_cast<int64_t>(text.size());
  // Byte offset where each code point begins (at most one per byte): on the stack for the
  // short numbers and names masked for every row of an import.
  constexpr size_t kOnStack = 64;
  int64_t on_stack[kOnStack];
  std::vector<int64_t> on_heap;
  int64_t* starts = on_stack;
  if (text.size() > kOnStack) {
    on_heap.resize(text.size());
    starts = on_heap.data();
  }
  size_t count = 0;
  for (int64_t i = 0; i < length;) {
    starts[count++] = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
  }
  if (count <= keep_head + keep_tail) return std::string(count, '*');
  const int64_t head_end = starts[keep_head];
  const int64_t tail_begin = keep_tail == 0 ? length : starts[count - keep_tail];
  std::string out(text.substr(0, head_end));
  out.append(count - keep_head - keep_tail, '*');
  out.append(text.substr(tail_begin));
  return out;
}

std::string MaskPersonName(std::string_view name) {
  const std::string trimmed = NormalizeInputLossy(name);
  size_t chars = 0;
  for (unsigned char c : trimmed) chars += (c & 0xC0) != 0x80 ? 1 : 0;
  return MaskMiddle(trimmed, 1, chars >= 3 ? 1 : 0);
}

std::string Excerpt(std::string_view text, size_t max_chars) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int64_t length = static_cast<int64_t>(text.size());
  int64_t i = 0;
  for (size_t count = 0; i < length && count < max_chars; ++count) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
  }
  if (i >= length) return std::string(text);
  return std::string(text.substr(0, static_cast<size_t>(i))) + "…";
}

}  // namespace shanhai

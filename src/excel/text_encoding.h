// Character encodings of text files that Chinese office users produce: UTF-8 (Excel's
// "CSV UTF-8" adds a BOM) and GB18030/GBK (Excel's plain "CSV" on a Chinese Windows).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

struct UConverter;

namespace shanhai::excel {

enum class TextEncoding {
  kUtf8,         // valid UTF-8, no BOM (plain ASCII included)
  kUtf8WithBom,  // starts with EF BB BF
  kUtf16,        // starts with a UTF-16 BOM (Excel's "Unicode text"); not supported by the readers
  kGb18030,      // anything else: GB18030 is a superset of GBK and GB2312
};

// Incremental UTF-8 validation across chunk boundaries (strict: no overlongs, surrogates or
// code points above U+10FFFF). Not thread-safe; cheap to create.
class Utf8Validator {
 public:
  // Checks the next bytes; false once any invalid sequence has been seen.
  bool Feed(std::string_view bytes);
  // True when everything fed was valid and no sequence was left incomplete.
  bool Finish() const { return valid_ && pending_ == 0; }

 private:
  bool valid_ = true;
  int pending_ = 0;              // continuation bytes still expected
  uint8_t next_lo_ = 0x80;       // allowed range of the next continuation byte
  uint8_t next_hi_ = 0xBF;
};

// Streaming GB18030 → UTF-8 conversion (ICU ucnv), keeping multi-byte characters split across
// chunk boundaries intact. Invalid byte sequences are errors rather than silently replaced, so a
// file in yet another encoding is refused instead of imported as mojibake. Not thread-safe.
class Gb18030Decoder {
 public:
  // Errors: Internal when ICU lacks the converter.
  static Result<std::unique_ptr<Gb18030Decoder>> Create();
  ~Gb18030Decoder();
  Gb18030Decoder(const Gb18030Decoder&) = delete;
  Gb18030Decoder& operator=(const Gb18030Decoder&) = delete;

  // Appends the UTF-8 of the next bytes to out; last == true marks the end of the input.
  // Errors: InvalidArgument (zh/en) at the first byte sequence that is not GB18030.
  Status Decode(std::string_view bytes, bool last, std::string& out);

 private:
  Gb18030Decoder(UConverter* gb, UConverter* utf8);
  static constexpr int kPivotSize = 4096;
  UConverter* gb_;
  UConverter* utf8_;
  char16_t pivot_[kPivotSize];
  char16_t* pivot_source_ = pivot_;
  char16_t* pivot_target_ = pivot_;
  bool started_ = false;
};

}  // namespace shanhai::excel

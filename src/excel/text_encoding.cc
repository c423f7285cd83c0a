#include "excel/text_encoding.h"

#include <unicode/ucnv.h>

namespace shanhai::excel {

bool Utf8Validator::Feed(std::string_view bytes) {
  for (unsigned char b : bytes) {
    if (!valid_) return false;
    if (pending_ > 0) {
      if (b < next_lo_ || b > next_hi_) {
        valid_ = false;
        return false;
      }
      next_lo_ = 0x80;
      next_hi_ = 0xBF;
      --pending_;
      continue;
    }
    if (b < 0x80) continue;
    // Lead byte: how many continuation bytes follow, and the narrowed range of the first one
    // that rules out overlong forms, UTF-16 surrogates and values above U+10FFFF.
    if (b >= 0xC2 && b <= 0xDF) {
      pending_ = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      pending_ = 2;
      if (b == 0xE0) next_lo_ = 0xA0;
      if (b == 0xED) next_hi_ = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      pending_ = 3;
      if (b == 0xF0) next_lo_ = 0x90;
      if (b == 0xF4) next_hi_ = 0x8F;
    } else {
      valid_ = false;
    }
  }
  return valid_;
}

Result<std::unique_ptr<Gb18030Decoder>> Gb18030Decoder::Create() {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* gb = ucnv_open("GB18030", &err);
  if (U_FAILURE(err)) return Status::Internal(std::string("ICU has no GB18030 converter: ") + u_errorName(err));
  UConverter* utf8 = ucnv_open("UTF-8", &err);
  if (U_FAILURE(err)) {
    ucnv_close(gb);
    return Status::Internal(std::string("ICU has no UTF-8 converter: ") + u_errorName(err));
  }
  ucnv_setToUCallBack(gb, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  return std::unique_ptr<Gb18030Decoder>(new Gb18030Decoder(gb, utf8));
}

Gb18030Decoder::Gb18030Decoder(UConverter* gb, UConverter* utf8) : gb_(gb), utf8_(utf8) {}

Gb18030Decoder::~Gb18030Decoder() {
  ucnv_close(gb_);
  ucnv_close(utf8_);
}

Status Gb18030Decoder::Decode(std::string_view bytes, bool last, std::string& out) {
  const char* source = bytes.data();
  const char* source_end = bytes.data() + bytes.size();
  char buffer[16384];
  UErrorCode err = U_ZERO_ERROR;
  do {
    err = U_ZERO_ERROR;
    char* target = buffer;
    ucnv_convertEx(utf8_, gb_, &target, buffer + sizeof buffer, &source, source_end, pivot_, &pivot_source_,
                   &pivot_target_, pivot_ + kPivotSize, !started_, last, &err);
    started_ = true;
    out.append(buffer, static_cast<size_t>(target - buffer));
  } while (err == U_BUFFER_OVERFLOW_ERROR);
  if (U_FAILURE(err)) {
    return Status::InvalidArgument("文件编码无法识别：既不是 UTF-8 也不是 GB18030/GBK，请在 Excel 中另存为“CSV UTF-8”",
                                   "unrecognised text encoding: neither UTF-8 nor GB18030/GBK; save the file as "
                                   "\"CSV UTF-8\" in Excel");
  }
  return Status::Ok();
}

}  // namespace shanhai::excel

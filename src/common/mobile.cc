#include "common/mobile.h"

#include <fmt/format.h>

#include "common/text.h"

namespace shanhai {
namespace {

constexpr size_t kMobileDigits = 11;

}  // namespace

Result<std::string> ParseMobile(std::string_view raw) {
  SH_ASSIGN_OR_RETURN(const std::string text, NormalizeInput(raw));
  if (text.empty()) return Status::InvalidArgument("手机号为空", "mobile number is empty");
  std::string compact;
  for (char c : text)
    if (c != ' ' && c != '-') compact.push_back(c);

  std::string_view number = compact;
  const bool has_plus = number.starts_with('+');
  if (has_plus) number.remove_prefix(1);
  if (!IsAsciiDigits(number))
    return Status::InvalidArgument(fmt::format("手机号“{}”含有数字、空格和“-”以外的字符", text),
                                   fmt::format("mobile number \"{}\" contains characters other than digits, "
                                               "spaces and '-'", text));
  if (has_plus) {
    if (!number.starts_with("86"))
      return Status::InvalidArgument(
          fmt::format("仅支持中国大陆手机号（+86），“{}”的国家或地区代码不是 +86", text),
          fmt::format("only mainland China mobile numbers (+86) are accepted; \"{}\" has another country code",
                      text));
    number.remove_prefix(2);
  } else if (number.size() == kMobileDigits + 4 && number.starts_with("0086")) {
    number.remove_prefix(4);
  } else if (number.size() == kMobileDigits + 2 && number.starts_with("86")) {
    // A bare 11-digit number starts with 1, so a leading 86 can only be the country code.
    number.remove_prefix(2);
  }
  if (number.size() != kMobileDigits)
    return Status::InvalidArgument(
        fmt::format("手机号应为 11 位数字，“{}”有 {} 位", text, number.size()),
        fmt::format("a mobile number has 11 digits; \"{}\" has {}", text, number.size()));
  if (number[0] != '1' || number[1] < '3')
    return Status::InvalidArgument(fmt::format("“{}”不是中国大陆手机号（应以 13–19 开头）", text),
                                   fmt::format("\"{}\" is not a mainland China mobile number (must begin 13–19)", text));
  return std::string(number);
}

std::string MaskMobile(std::string_view mobile) { return MaskMiddle(mobile, 3, 4); }

}  // namespace shanhai

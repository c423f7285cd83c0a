#include "domain/accounts/display_name.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "common/text.h"

namespace shanhai {

namespace {

Status BadDisplayName(const std::string& zh, const std::string& en) {
  return Status::Invalid({{0, "display_name", "姓名" + zh, "display name " + en}});
}

// Control (Cc), format (Cf: zero-width and bidirectional controls) and line/paragraph separators.
bool IsHiddenOrControl(UChar32 c) {
  return (U_GET_GC_MASK(c) & (U_GC_CC_MASK | U_GC_CF_MASK | U_GC_ZL_MASK | U_GC_ZP_MASK)) != 0;
}

}  // namespace

Result<std::string> ParseDisplayName(std::string_view raw) {
  Result<std::string> trimmed = TrimInput(raw);
  if (!trimmed.ok()) return BadDisplayName("不是有效的 UTF-8 文本", "is not valid UTF-8 text");
  const std::string& name = *trimmed;
  const auto* s = reinterpret_cast<const uint8_t*>(name.data());
  const int32_t length = static_cast<int32_t>(name.size());
  size_t chars = 0;
  for (int32_t i = 0; i < length; ++chars) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (IsHiddenOrControl(c))
      return BadDisplayName("第 " + std::to_string(chars + 1) + " 个字符是控制字符或不可见字符",
                            "has a control or invisible character at position " + std::to_string(chars + 1));
  }
  if (chars > kMaxDisplayNameChars)
    return BadDisplayName("最多 " + std::to_string(kMaxDisplayNameChars) + " 个字（现为 " + std::to_string(chars) + " 个）",
                          "is at most " + std::to_string(kMaxDisplayNameChars) + " characters (it has " +
                              std::to_string(chars) + ")");
  return name;
}

std::string MaskDisplayName(std::string_view name) { return MaskMiddle(name, 1, 0); }

std::string ShownActorName(std::string_view display_name, const std::string& login) {
  return display_name.empty() ? login : MaskDisplayName(display_name);
}

}  // namespace shanhai

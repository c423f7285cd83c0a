#include "common/id_number.h"

#include <fmt/format.h>

#include "common/date.h"
#include "common/province.h"
#include "common/text.h"

namespace shanhai {
namespace {

constexpr int kCheckWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kCheckCharacters[] = "10X98765432";  // indexed by (weighted sum mod 11)
constexpr std::string_view kEarliestBirthDate = "1900-01-01";

// Byte offset of the first character that may not appear at its place, or npos:
// digits everywhere, and X (either case) as the 18th of 18.
size_t FirstBadCharacter(std::string_view s) {
  const size_t offset = s.find_first_not_of("0123456789");
  const bool check_x = s.size() == 18 && offset == 17 && (s[17] == 'X' || s[17] == 'x');
  return check_x ? std::string_view::npos : offset;
}

Status InvalidId(std::string_view zh, std::string_view en) {
  return Status::InvalidArgument(fmt::format("身份证号有误：{}", zh), fmt::format("invalid ID number: {}", en));
}

// Checks the birth date in digits 7–14 and returns it as ISO.
Result<std::string> CheckedBirthDate(std::string_view id, std::string_view today) {
  const std::string_view digits = id.substr(6, 8);
  const int year = std::stoi(std::string(digits.substr(0, 4)));
  const int month = std::stoi(std::string(digits.substr(4, 2)));
  const int day = std::stoi(std::string(digits.substr(6, 2)));
  if (!IsValidCivilDate(year, month, day))
    return InvalidId(fmt::format("第 7–14 位的出生日期 {} 不是有效日期", digits),
                     fmt::format("birth date {} (characters 7–14) is not a real calendar date", digits));
  std::string birth = FormatIsoDate(year, month, day);
  if (birth < kEarliestBirthDate)
    return InvalidId(fmt::format("出生日期 {} 早于 {}", birth, kEarliestBirthDate),
                     fmt::format("birth date {} is before {}", birth, kEarliestBirthDate));
  if (birth > today)  // ISO dates order as strings
    return InvalidId(fmt::format("出生日期 {} 晚于今天（{}）", birth, today),
                     fmt::format("birth date {} is after today ({})", birth, today));
  return birth;
}

}  // namespace

char IdCheckCharacter(std::string_view body17) {
  if (body17.size() != 17 || !IsAsciiDigits(body17)) return '?';
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += (body17[i] - '0') * kCheckWeights[i];
  return kCheckCharacters[sum % 11];
}

Result<IdNumber> ParseIdNumber(std::string_view raw, std::string_view today) {
  if (!IsIsoDate(today)) return Status::Internal(fmt::format("ParseIdNumber: today \"{}\" is not an ISO date", today));
  SH_ASSIGN_OR_RETURN(std::string id, NormalizeInput(raw));
  if (id.empty()) return Status::InvalidArgument("身份证号为空", "ID number is empty");
  if (const size_t bad = FirstBadCharacter(id); bad != std::string_view::npos) {
    const size_t position = CharacterPosition(id, bad);
    return InvalidId(fmt::format("“{}”第 {} 位不是数字（只有第 18 位可以是 X）", id, position),
                     fmt::format("\"{}\" has a character that is not a digit at position {} (only the 18th may be X)",
                                 id, position));
  }
  if (id.size() != 18 && id.size() != 15)
    return InvalidId(fmt::format("应为 18 位（旧号码 15 位），“{}”有 {} 位", id, id.size()),
                     fmt::format("it must have 18 characters (15 for old numbers); \"{}\" has {}", id, id.size()));
  if (id.size() == 15) {
    // Old numbers were issued to people born in the 1900s and have no check character.
    id.insert(6, "19");
    id.push_back(IdCheckCharacter(id));
  }
  if (id[17] == 'x') id[17] = 'X';
  if (!HasProvincePrefix(id))
    return InvalidId(fmt::format("前两位“{}”不是有效的省级行政区代码", id.substr(0, 2)),
                     fmt::format("the first two digits \"{}\" are not a province code", id.substr(0, 2)));
  SH_ASSIGN_OR_RETURN(std::string birth, CheckedBirthDate(id, today));
  const char expected = IdCheckCharacter(std::string_view(id).substr(0, 17));
  if (id[17] != expected)
    return InvalidId(fmt::format("校验码错误，第 18 位应为 {}，实际为 {}", expected, id[17]),
                     fmt::format("wrong check character: the 18th character should be {}, not {}", expected, id[17]));
  return IdNumber(std::move(id), std::move(birth));
}

Result<IdNumber> ParseIdNumber(std::string_view text) { return ParseIdNumber(text, Today()); }

std::string MaskIdNumber(std::string_view id18) {
  constexpr size_t kProvinceDigits = 2;
  return MaskMiddle(id18, id18.size() == 18 ? kProvinceDigits : 0, 0);
}

}  // namespace shanhai

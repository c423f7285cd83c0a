#include "common/credit_code.h"

#include <fmt/format.h>

#include "common/province.h"
#include "common/text.h"

namespace shanhai {
namespace {

constexpr std::string_view kCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

// Registration authorities and the organisation types each assigns, as published with
// the standard by the national credit-code service.
struct Authority {
  char code;
  std::string_view types;
  const char* name_zh;
  const char* name_en;
};
constexpr Authority kAuthorities[] = {
    {'1', "1239", "机构编制", "institutional establishment"},
    {'2', "19", "外交", "foreign affairs"},
    {'3', "123459", "司法行政", "justice administration"},
    {'4', "19", "文化", "culture"},
    {'5', "1239", "民政", "civil affairs"},
    {'6', "129", "旅游", "tourism"},
    {'7', "129", "宗教", "religious affairs"},
    {'8', "19", "工会", "trade unions"},
    {'9', "123", "工商", "industry and commerce"},
    {'A', "19", "中央军委改革和编制办公室", "CMC reform and establishment office"},
    {'N', "1239", "农业", "agriculture"},
    {'Y', "1", "其他", "other"},
};

const Authority* FindAuthority(char code) {
  for (const Authority& a : kAuthorities)
    if (a.code == code) return &a;
  return nullptr;
}

Status InvalidCode(std::string_view zh, std::string_view en) {
  return Status::InvalidArgument(fmt::format("统一社会信用代码有误：{}", zh),
                                 fmt::format("invalid unified social credit code: {}", en));
}

// Central bodies register under 100000, which is not a province.
bool IsRegistrationRegion(std::string_view code6) {
  return IsAsciiDigits(code6) && (HasProvincePrefix(code6) || code6 == "100000");
}

}  // namespace

char CreditCodeCheckCharacter(std::string_view body17) {
  if (body17.size() != 17) return '?';
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    const size_t value = kCharset.find(body17[i]);
    if (value == std::string_view::npos) return '?';
    sum += static_cast<int>(value) * kWeights[i];
  }
  return kCharset[(31 - sum % 31) % 31];
}

Result<std::string> ParseCreditCode(std::string_view raw) {
  SH_ASSIGN_OR_RETURN(std::string code, NormalizeInput(raw));
  if (code.empty()) return Status::InvalidArgument("统一社会信用代码为空", "unified social credit code is empty");
  for (char& c : code)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');  // ASCII only: std::toupper depends on locale
  if (const size_t bad = code.find_first_not_of(kCharset); bad != std::string::npos) {
    const size_t position = CharacterPosition(code, bad);
    if (std::string_view("IOZSV").find(code[bad]) != std::string_view::npos)
      return InvalidCode(fmt::format("“{}”第 {} 位是 {}，代码中不使用字母 I、O、Z、S、V", code, position, code[bad]),
                         fmt::format("\"{}\" has {} at position {}; the letters I, O, Z, S, V are never used", code,
                                     code[bad], position));
    return InvalidCode(fmt::format("“{}”第 {} 位不是数字或大写字母", code, position),
                       fmt::format("\"{}\" has a character that is not a digit or letter at position {}", code,
                                   position));
  }
  if (code.size() != 18)
    return InvalidCode(fmt::format("应为 18 位，“{}”有 {} 位", code, code.size()),
                       fmt::format("it must have 18 characters; \"{}\" has {}", code, code.size()));
  const Authority* authority = FindAuthority(code[0]);
  if (authority == nullptr)
    return InvalidCode(fmt::format("第 1 位登记管理部门代码“{}”不存在", code[0]),
                       fmt::format("registration authority code '{}' (1st character) does not exist", code[0]));
  if (authority->types.find(code[1]) == std::string_view::npos)
    return InvalidCode(
        fmt::format("第 2 位机构类别代码“{}”不属于登记管理部门“{}”（{}）（可用：{}）", code[1], code[0],
                    authority->name_zh, authority->types),
        fmt::format("organisation type '{}' (2nd character) is not assigned by registration authority '{}' ({}); "
                    "allowed: {}", code[1], code[0], authority->name_en, authority->types));
  if (!IsRegistrationRegion(std::string_view(code).substr(2, 6)))
    return InvalidCode(fmt::format("第 3–8 位“{}”不是有效的行政区划代码", code.substr(2, 6)),
                       fmt::format("characters 3–8 \"{}\" are not a region code", code.substr(2, 6)));
  const char expected = CreditCodeCheckCharacter(std::string_view(code).substr(0, 17));
  if (code[17] != expected)
    return InvalidCode(fmt::format("校验码错误，第 18 位应为 {}，实际为 {}", expected, code[17]),
                       fmt::format("wrong check character: the 18th character should be {}, not {}", expected,
                                   code[17]));
  return code;
}

}  // namespace shanhai

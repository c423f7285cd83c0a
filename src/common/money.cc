#include "common/money.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "common/text.h"

namespace shanhai {
namespace {

// What the value is called in messages: 金额/amount for money, 数字/number otherwise.
struct Noun {
  const char* zh;
  const char* en;
  // How to write one, for a text that is not one ("五十万").
  const char* example_zh;
  const char* example_en;
};
constexpr Noun kAmount{"金额", "amount", "50万 或 1,033.98", "50万 or 1,033.98"};
constexpr Noun kNumber{"数字", "number", "12 或 1,033", "12 or 1,033"};

// A number split by the shared grammar.
struct DecimalParts {
  std::string text;  // the normalised input, quoted in messages
  bool negative = false;
  std::string whole_digits;  // thousands separators removed
  std::string fraction_digits;
  bool has_point = false;
};

Status Malformed(std::string_view text, Noun noun, std::string_view why_zh, std::string_view why_en) {
  return Status::InvalidArgument(fmt::format("“{}”不是有效的{}：{}", text, noun.zh, why_zh),
                                 fmt::format("\"{}\" is not a valid {}: {}", text, noun.en, why_en));
}

Status NotADigit(std::string_view text, Noun noun) {
  return Malformed(text, noun, fmt::format("含有非数字字符，请用阿拉伯数字填写，如 {}", noun.example_zh),
                   fmt::format("contains a character that is not a digit; write it in digits, e.g. {}", noun.example_en));
}

// The integer part: plain digits, or groups "1,234,567" (first group 1–3 digits, the rest 3).
Status ParseWholeDigits(std::string_view whole, std::string_view text, Noun noun, std::string* digits) {
  if (whole.empty()) return Malformed(text, noun, "缺少整数部分", "the whole-number part is missing");
  size_t begin = 0;
  for (bool first = true;; first = false) {
    const size_t comma = whole.find(',', begin);
    const std::string_view group = whole.substr(begin, comma == std::string_view::npos ? whole.npos : comma - begin);
    const bool is_only_group = first && comma == std::string_view::npos;
    const bool group_ok = is_only_group || (first ? !group.empty() && group.size() <= 3 : group.size() == 3);
    if (!group_ok)
      return Malformed(text, noun, "千分位分隔符“,”位置不对（应每三位一组，如 1,033,000）",
                       "misplaced thousands separator ',' (groups of three digits, e.g. 1,033,000)");
    if (!IsAsciiDigits(group)) return NotADigit(text, noun);
    digits->append(group);
    if (comma == std::string_view::npos) return Status::Ok();
    begin = comma + 1;
  }
}

// quoted: what the messages quote instead, the cell as typed (an amount's number without its
// unit word is not what the user wrote: "五十" of "五十万").
Result<DecimalParts> SplitDecimal(std::string_view raw, Noun noun, std::string_view quoted = {}) {
  DecimalParts parts;
  SH_ASSIGN_OR_RETURN(parts.text, NormalizeInput(raw));
  const std::string_view text = parts.text;
  const std::string_view shown = quoted.empty() ? text : quoted;
  if (text.empty()) return Status::InvalidArgument(fmt::format("{}为空", noun.zh), fmt::format("{} is empty", noun.en));
  // Excel shows big or tiny numbers as 1.03E+08; refusing it beats guessing the lost digits.
  if (text.find_first_of("eE") != std::string_view::npos)
    return Malformed(shown, noun, "不支持科学计数法，请填写完整数字", "scientific notation is not accepted; write the full number");

  std::string_view body = text;
  if (body.front() == '+' || body.front() == '-') {
    parts.negative = body.front() == '-';
    body.remove_prefix(1);
  }
  const size_t point = body.find('.');
  parts.has_point = point != std::string_view::npos;
  SH_RETURN_IF_ERROR(ParseWholeDigits(body.substr(0, point), shown, noun, &parts.whole_digits));
  if (!parts.has_point) return parts;
  const std::string_view fraction = body.substr(point + 1);
  if (fraction.empty()) return Malformed(shown, noun, "小数点后缺少数字", "no digit after the decimal point");
  if (!IsAsciiDigits(fraction)) return NotADigit(shown, noun);
  parts.fraction_digits = std::string(fraction);
  return parts;
}

Status TooLarge(std::string_view text, Noun noun) {
  return Status::InvalidArgument(fmt::format("{}“{}”超出可表示的范围", noun.zh, text),
                                 fmt::format("{} \"{}\" is out of the representable range", noun.en, text));
}

// The number times 10^scale as an int64, exactly. Digits beyond `scale` decimals are an
// error, even zeros, so "1.000" as yuan is refused rather than silently read: a third
// decimal in a money column usually means the wrong unit.
Result<int64_t> ToScaledInt(const DecimalParts& parts, int scale, Noun noun) {
  const size_t decimals = parts.fraction_digits.size();
  if (decimals > static_cast<size_t>(scale))
    return Status::InvalidArgument(
        fmt::format("{}“{}”有 {} 位小数，最多允许 {} 位", noun.zh, parts.text, decimals, scale),
        fmt::format("{} \"{}\" has {} decimal places; at most {} are allowed", noun.en, parts.text, decimals, scale));
  // |INT64_MIN| = INT64_MAX + 1, so a negative value may reach one more than a positive.
  const uint64_t limit = static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) + (parts.negative ? 1 : 0);
  std::string digits = parts.whole_digits + parts.fraction_digits;
  digits.append(scale - decimals, '0');
  uint64_t magnitude = 0;
  for (char c : digits) {
    const uint64_t d = static_cast<uint64_t>(c - '0');
    if (magnitude > (limit - d) / 10) return TooLarge(parts.text, noun);
    magnitude = magnitude * 10 + d;
  }
  if (!parts.negative) return static_cast<int64_t>(magnitude);
  return static_cast<int64_t>(0 - magnitude);  // well defined: modular, then narrowed (C++20)
}

uint64_t Magnitude(int64_t v) { return v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v); }

// Prints units of 1/100 as "[-]W.FF".
std::string FormatHundredths(int64_t hundredths) {
  const uint64_t magnitude = Magnitude(hundredths);
  return fmt::format("{}{}.{:02}", hundredths < 0 ? "-" : "", magnitude / 100, magnitude % 100);
}

// "1234567" → "1,234,567".
std::string GroupThousands(uint64_t whole) {
  // Built forwards rather than by inserting into the digits (GCC 12 warns -Wrestrict, wrongly,
  // about std::string::insert here).
  const std::string digits = std::to_string(whole);
  std::string grouped;
  grouped.reserve(digits.size() + digits.size() / 3);
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

// fen / per as a count of hundredths, rounded half away from zero.
int64_t RoundedHundredths(int64_t fen, int64_t fen_per_hundredth) {
  int64_t hundredths = fen / fen_per_hundredth;  // truncates toward zero
  const int64_t remainder = fen % fen_per_hundredth;
  if (remainder * 2 >= fen_per_hundredth) ++hundredths;
  if (remainder * 2 <= -fen_per_hundredth) --hundredths;
  return hundredths;
}

// The unit words a typed amount may end with, longest first, with their scale (decimal
// places of fen per unit: 1 元 = 10^2 fen).
struct UnitWord {
  std::string_view word;
  int scale;
};
constexpr UnitWord kUnitWords[] = {{"万元", 6}, {"亿元", 10}, {"万", 6}, {"亿", 10}, {"元", 2}};

}  // namespace

Result<int64_t> ParseAmountToFen(std::string_view raw, MoneyUnit bare_unit) {
  SH_ASSIGN_OR_RETURN(const std::string text, NormalizeInput(raw));
  std::string_view number = text;
  int scale = bare_unit == MoneyUnit::kWanYuan ? 6 : 2;
  for (const UnitWord& unit : kUnitWords) {
    if (!number.ends_with(unit.word)) continue;
    number.remove_suffix(unit.word.size());
    scale = unit.scale;
    break;
  }
  if (number.empty() && !text.empty())
    return Malformed(text, kAmount, "单位前应是数字，如 50万", "the unit must follow a number, e.g. 50万");
  SH_ASSIGN_OR_RETURN(DecimalParts parts, SplitDecimal(number, kAmount, text));
  parts.text = text;  // quoted as typed, with its unit
  return ToScaledInt(parts, scale, kAmount);
}

std::string FormatAmount(int64_t fen) {
  constexpr int64_t kFenPerWan = 1'000'000;              // 1 万元
  constexpr int64_t kFenPerHundredthWan = 10'000;        // 0.01 万元
  constexpr int64_t kFenPerHundredthYi = 100'000'000;    // 0.01 亿元
  constexpr int64_t kHundredthsWanPerYi = 1'000'000;     // 1 亿元 = 10,000.00 万元
  const uint64_t fen_magnitude = Magnitude(fen);
  // Below 1万元 exactly as many 元 (fen are exact, so nothing rounds up to 1万元 here).
  if (fen_magnitude < static_cast<uint64_t>(kFenPerWan)) {
    const uint64_t cents = fen_magnitude % 100;
    return fmt::format("{}{}{}元", fen < 0 ? "-" : "", GroupThousands(fen_magnitude / 100),
                       cents == 0 ? std::string() : fmt::format(".{:02}", cents));
  }
  int64_t hundredths = RoundedHundredths(fen, kFenPerHundredthWan);
  const bool yi = Magnitude(hundredths) >= kHundredthsWanPerYi;
  if (yi) hundredths = RoundedHundredths(fen, kFenPerHundredthYi);
  const uint64_t magnitude = Magnitude(hundredths);
  return fmt::format("{}{}.{:02}{}", hundredths < 0 ? "-" : "", GroupThousands(magnitude / 100), magnitude % 100,
                     yi ? "亿元" : "万元");
}

std::string FormatCount(int64_t n) { return (n < 0 ? "-" : "") + GroupThousands(Magnitude(n)); }

std::string FormatFenAsWanYuanExact(int64_t fen) {
  constexpr uint64_t kFenPerWan = 1'000'000;
  const uint64_t magnitude = Magnitude(fen);
  std::string out = (fen < 0 ? "-" : "") + std::to_string(magnitude / kFenPerWan);
  std::string fraction = fmt::format("{:06}", magnitude % kFenPerWan);
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  return fraction.empty() ? out : out + "." + fraction;
}

std::string FormatFenAsYuan(int64_t fen) { return FormatHundredths(fen); }

Result<int64_t> ParseInteger(std::string_view text, int64_t min, int64_t max) {
  SH_ASSIGN_OR_RETURN(const DecimalParts parts, SplitDecimal(text, kNumber));
  if (parts.has_point)
    return Status::InvalidArgument(fmt::format("“{}”不是整数", parts.text),
                                   fmt::format("\"{}\" is not a whole number", parts.text));
  SH_ASSIGN_OR_RETURN(const int64_t value, ToScaledInt(parts, 0, kNumber));
  if (value < min || value > max)
    return Status::InvalidArgument(fmt::format("{} 超出允许范围 {}–{}", value, min, max),
                                   fmt::format("{} is outside the allowed range {}–{}", value, min, max));
  return value;
}

Result<double> ParseDecimal(std::string_view text) {
  SH_ASSIGN_OR_RETURN(const DecimalParts parts, SplitDecimal(text, kNumber));
  const std::string plain = (parts.negative ? "-" : "") + parts.whole_digits +
                            (parts.has_point ? "." + parts.fraction_digits : "");
  double value = 0;
  const auto [end, error] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (error != std::errc() || end != plain.data() + plain.size() || !std::isfinite(value))
    return TooLarge(parts.text, kNumber);
  return value;
}

}  // namespace shanhai

// Fuzz target "validators": every parser of typed-in values in src/common (ID number, credit
// code, mobile, dates, months, money, integers, decimals) on the same text. Properties: what a
// parser accepts is in its canonical form and parses again to itself (money: formatting the fen
// and parsing it back gives the same fen), and an accepted ID number carries its own check
// character and a valid ISO birth date.
#include <cstdint>
#include <string>

#include "common/credit_code.h"
#include "common/date.h"
#include "common/id_number.h"
#include "common/mobile.h"
#include "common/money.h"
#include "fuzz_support.h"

namespace {

using shanhai::fuzz::PropertyFailed;

// A fixed "today", so a replayed input behaves the same on any day.
constexpr const char* kToday = "2026-01-01";

// parse(parse(text)) == parse(text) for a parser returning its canonical text.
template <typename Parse>
void CheckCanonical(const char* what, Parse parse, std::string_view text) {
  auto first = parse(text);
  if (!first.ok()) return;
  auto again = parse(*first);
  if (!again.ok() || *again != *first) PropertyFailed(std::string(what) + ": the accepted form does not parse to itself");
}

void CheckIdNumber(std::string_view text) {
  auto id = shanhai::ParseIdNumber(text, kToday);
  if (!id.ok()) return;
  const std::string& v = id->value();
  if (v.size() != 18 || shanhai::IdCheckCharacter(v.substr(0, 17)) != v[17])
    PropertyFailed("id number: accepted without a valid check character");
  if (!shanhai::IsIsoDate(id->birth_date()) || id->birth_date() > kToday)
    PropertyFailed("id number: birth date not a past ISO date");
  auto again = shanhai::ParseIdNumber(v, kToday);
  if (!again.ok() || again->value() != v) PropertyFailed("id number: the accepted form does not parse to itself");
  (void)shanhai::MaskIdNumber(v);
}

void CheckMoney(std::string_view text) {
  // A typed amount (50万, 0.5亿): in 元 it prints back exactly, and what an export writes under
  // a 万元 header imports back exactly.
  if (auto fen = shanhai::ParseAmountToFen(text, shanhai::MoneyUnit::kYuan); fen.ok()) {
    (void)shanhai::FormatAmount(*fen);
    auto yuan = shanhai::ParseAmountToFen(shanhai::FormatFenAsYuan(*fen), shanhai::MoneyUnit::kYuan);
    if (!yuan.ok() || *yuan != *fen) PropertyFailed("money: FormatFenAsYuan does not parse back to the same fen");
    auto back = shanhai::ParseAmountToFen(shanhai::FormatFenAsWanYuanExact(*fen), shanhai::MoneyUnit::kWanYuan);
    if (!back.ok() || *back != *fen) PropertyFailed("money: FormatFenAsWanYuanExact does not parse back to the same fen");
  }
  (void)shanhai::ParseInteger(text, -1000, 1000);
  (void)shanhai::ParseInteger(text);
  (void)shanhai::ParseDecimal(text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = shanhai::fuzz::AsText(data, size);
  CheckIdNumber(text);
  CheckCanonical("credit code", [](std::string_view t) { return shanhai::ParseCreditCode(t); }, text);
  CheckCanonical("mobile", [](std::string_view t) { return shanhai::ParseMobile(t); }, text);
  (void)shanhai::MaskMobile(text);
  CheckCanonical("date", [](std::string_view t) { return shanhai::ParseDate(t); }, text);
  CheckCanonical("month", [](std::string_view t) { return shanhai::ParseMonth(t); }, text);
  if (auto date = shanhai::ParseDate(text); date.ok() && !shanhai::IsIsoDate(*date))
    PropertyFailed("date: accepted form is not an ISO date");
  CheckMoney(text);
  return 0;
}

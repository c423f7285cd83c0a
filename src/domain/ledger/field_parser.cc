#include "domain/ledger/field_parser.h"

#include <algorithm>

#include "common/credit_code.h"
#include "common/date.h"
#include "common/id_number.h"
#include "common/mobile.h"
#include "common/money.h"
#include "common/personal_numbers.h"
#include "common/text.h"
#include "domain/ledger/count_unit.h"
#include "domain/ledger/option_match.h"
#include "domain/ledger/sheet_layout.h"
#include "regions/region_catalog.h"

namespace shanhai {

namespace {

// Validators quote the input back; a message is shown, kept in error sheets and may be
// logged, so any personal number in it (even one typed into the wrong column) is masked.
Status FieldProblem(const FieldDef& f, const std::string& zh, const std::string& en) {
  return Status::Invalid(
      {{0, f.key, MaskPersonalNumbers(f.label_zh + "：" + zh), MaskPersonalNumbers(f.label_en + ": " + en)}});
}

// Re-labels a validator's own message as a problem of this field.
Status FieldProblem(const FieldDef& f, const Status& s) { return FieldProblem(f, s.message_zh(), s.message_en()); }

// The options one may choose now (disabled ones left out), for the error message: "、"-joined
// Chinese labels, or "; "-joined English labels (the codes are internal: a clerk never types them).
std::string OptionList(const std::vector<const EnumOption*>& options, bool english) {
  std::string out;
  for (const EnumOption* o : options)
    if (!o->disabled)
      out += (out.empty() ? "" : english ? "; " : "、") + (english ? o->label_en : o->label_zh);
  return out;
}

const EnumOption* OptionWithCode(const std::vector<EnumOption>& options, const std::string& code) {
  for (const EnumOption& o : options)
    if (o.code == code) return &o;
  return nullptr;
}

std::vector<const EnumOption*> Pointers(const std::vector<EnumOption>& options) {
  std::vector<const EnumOption*> out;
  for (const EnumOption& o : options) out.push_back(&o);
  return out;
}

// Code points in valid UTF-8 text (every byte that is not a continuation byte starts one).
int64_t CharacterCount(std::string_view text) {
  return std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

Status TooLong(const FieldDef& f) {
  const std::string n = std::to_string(f.MaxChars());
  return FieldProblem(f, "不能超过 " + n + " 个字符", "must be at most " + n + " characters long");
}

}  // namespace

Result<Value> ParseFieldValue(const FieldDef& f, std::string_view raw_in, InputSource source,
                              const std::vector<EnumOption>* options, MoneyUnit money_unit) {
  // Refused before any work when even at 4 bytes a character (plus blanks to trim) it is too long.
  if (static_cast<int64_t>(raw_in.size()) > 4 * f.MaxChars() + 256) return TooLong(f);
  // Codes, numbers and dates are NFKC-normalised (full-width digits → ASCII); free text and
  // references (a unit's name: 甲坝村委会（试）) only trimmed, so Chinese punctuation stays as
  // typed — a reference is looked up as typed, then NFKC-normalised (RecordValidator::ResolveRef).
  Result<std::string> normalised = f.type == FieldType::kText || f.type == FieldType::kEnum ||
                                           f.type == FieldType::kSensitiveEnum || f.type == FieldType::kRef
          ? TrimInput(raw_in)
          : NormalizeInput(raw_in);
  if (!normalised.ok()) return FieldProblem(f, normalised.status());
  const std::string& raw = *normalised;
  if (raw.empty()) return Value{};
  if (CharacterCount(raw) > f.MaxChars()) return TooLong(f);

  switch (f.type) {
    case FieldType::kText:
      return Value{raw};
    case FieldType::kInteger: {
      // A spreadsheet cell may carry the column's unit ("3人"); the API takes the number alone.
      Result<std::string_view> number =
          source == InputSource::kSpreadsheet ? CountWithoutUnit(raw, CountUnitOf(f)) : std::string_view(raw);
      if (!number.ok()) return FieldProblem(f, number.status());
      Result<int64_t> n = ParseInteger(*number);
      if (!n.ok()) return FieldProblem(f, n.status());
      if (*n < f.min)
        return FieldProblem(f, "不能小于 " + std::to_string(f.min), "must be at least " + std::to_string(f.min));
      return Value{*n};
    }
    case FieldType::kMoney: {
      const bool typed = source == InputSource::kSpreadsheet;
      Result<int64_t> fen = typed ? ParseAmountToFen(raw, money_unit) : ParseInteger(raw);
      if (!fen.ok() && typed && money_unit == MoneyUnit::kWanYuan) {
        FieldDef in_column = f;  // named as its column is: "金额（万元）"
        in_column.label_zh = MoneyLabelZh(f, money_unit);
        in_column.label_en = MoneyLabelEn(f, money_unit);
        return FieldProblem(in_column, fen.status());
      }
      if (!fen.ok()) return FieldProblem(f, fen.status());
      if (*fen < f.min)
        return f.min == 0 ? FieldProblem(f, "金额不能为负数", "must not be negative")
                          : FieldProblem(f, "金额不能小于 " + FormatFenAsYuan(f.min) + " 元",
                                         "must be at least " + FormatFenAsYuan(f.min) + " yuan");
      return Value{*fen};
    }
    case FieldType::kDate: {
      Result<std::string> d = ParseDate(raw);
      if (!d.ok()) return FieldProblem(f, d.status());
      return Value{*d};
    }
    case FieldType::kBool: {
      if (raw == "是" || raw == "1" || raw == "true" || raw == "TRUE" || raw == "Y") return Value{int64_t{1}};
      if (raw == "否" || raw == "0" || raw == "false" || raw == "FALSE" || raw == "N") return Value{int64_t{0}};
      return FieldProblem(f, "应填“是”或“否”，而不是“" + Excerpt(raw) + "”",
                          "expected yes/no (是/否), got \"" + Excerpt(raw) + "\"");
    }
    case FieldType::kEnum:
    case FieldType::kSensitiveEnum: {
      const std::vector<EnumOption>& allowed = options && f.type == FieldType::kEnum ? *options : f.options;
      const OptionMatching matching =
          source == InputSource::kSpreadsheet ? OptionMatching::kPrefix : OptionMatching::kExact;
      OptionMatch match = MatchOption(allowed, raw, matching);
      // A dictionary may have relabelled an option: the declared wording, which the dashboard's
      // figures use, still names it.
      if (!match.option && match.candidates.empty() && &allowed != &f.options)
        if (const EnumOption* declared = MatchOption(f.options, raw, matching).option)
          match.option = OptionWithCode(allowed, declared->code);
      if (!match.candidates.empty())
        return FieldProblem(f, "“" + raw + "”可指多个选项：" + OptionList(match.candidates, false) + "，请填写其中之一",
                            "\"" + raw + "\" could mean several options: " + OptionList(match.candidates, true) +
                                "; write one of them");
      const EnumOption* o = match.option;
      if (!o)
        return FieldProblem(f, "“" + raw + "”不是可选值（可选：" + OptionList(Pointers(allowed), false) + "）",
                            "\"" + raw + "\" is not one of the allowed values (" + OptionList(Pointers(allowed), true) + ")");
      if (o->disabled)
        return FieldProblem(f, "“" + o->label_zh + "”已停用，不能再选用（可选：" + OptionList(Pointers(allowed), false) + "）",
                            "\"" + o->label_en + "\" has been disabled and can no longer be chosen (" +
                                OptionList(Pointers(allowed), true) + ")");
      return Value{o->code};
    }
    case FieldType::kRegion: {
      if (!IsAsciiDigits(raw)) return Value{raw};  // a name: RecordValidator resolves it within the pair
      Status s = RegionCatalog::Embedded().ValidateCode(raw, RegionLevel::kProvince,
                                                        f.anywhere ? RegionLevel::kCounty : RegionLevel::kVillage);
      if (!s.ok()) return FieldProblem(f, s);
      return Value{raw};
    }
    case FieldType::kRef:
      return Value{raw};
    case FieldType::kIdNumber: {
      Result<IdNumber> id = ParseIdNumber(raw);
      if (!id.ok()) return FieldProblem(f, id.status());
      // Old ID numbers keep the county code of their year of issue, which may since have been
      // abolished: accept a current county, or failing that a current prefecture, prefix.
      const RegionCatalog& regions = RegionCatalog::Embedded();
      const std::string county = id->region_code();
      if (!regions.Find(county) && !regions.Find(county.substr(0, 4) + "00"))
        return FieldProblem(f, "前6位 " + id->region_code() + " 不是有效的行政区划代码",
                            "the first six digits " + id->region_code() + " are not a region code");
      return Value{id->value()};
    }
    case FieldType::kMobile: {
      Result<std::string> m = ParseMobile(raw);
      if (!m.ok()) return FieldProblem(f, m.status());
      return Value{*m};
    }
    case FieldType::kCreditCode: {
      Result<std::string> c = ParseCreditCode(raw);
      if (!c.ok()) return FieldProblem(f, c.status());
      return Value{*c};
    }
  }
  return Status::Internal("unknown field type");
}

}  // namespace shanhai

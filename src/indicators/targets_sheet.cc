#include "indicators/targets_sheet.h"

#include <algorithm>

#include "common/money.h"
#include "common/text.h"
#include "domain/ledger/ledger_service.h"
#include "domain/targets/targets_ledgers.h"
#include "indicators/indicator_def.h"

namespace shanhai {

namespace {

constexpr const char* kIndicatorKey = "indicator_key";
constexpr const char* kTargetValue = "target_value";
constexpr size_t kMaxListedChoices = 10;

// The indicator a cell names: the one whose key it is, else the one of that name (names are
// unique, which a test checks).
const IndicatorDef* NamedBy(const std::string& cell) {
  if (const IndicatorDef* def = FindIndicator(cell)) return def;
  return FindIndicatorNamed(cell);
}

// The indicators whose Chinese name contains the cell: the choices an error offers.
std::vector<const IndicatorDef*> NamesContaining(const std::string& cell) {
  const std::string typed = NormalizeInputLossy(cell);
  std::vector<const IndicatorDef*> out;
  if (typed.empty()) return out;
  for (const IndicatorDef& def : IndicatorCatalogue())
    if (NormalizeInputLossy(FullLabelZh(def)).find(typed) != std::string::npos) out.push_back(&def);
  return out;
}

// "交流互访、实地考察批次（leadership.visit_batches）、…", at most kMaxListedChoices of them.
std::string ChoiceList(const std::vector<const IndicatorDef*>& defs) {
  std::string list;
  for (size_t i = 0; i < defs.size() && i < kMaxListedChoices; ++i)
    list += (i ? "、" : "") + FullLabelZh(*defs[i]) + "（" + defs[i]->key + "）";
  if (defs.size() > kMaxListedChoices) list += "等 " + std::to_string(defs.size()) + " 项";
  return list;
}

// A cell naming no indicator: the error offers the names containing it, if any.
FieldError IndicatorError(const std::string& cell) {
  const FieldDef& field = *TargetsLedger().Field(kIndicatorKey);
  const std::string& zh = field.sheet_label_zh;
  const std::string& en = field.sheet_label_en;
  const std::vector<const IndicatorDef*> near = NamesContaining(cell);
  if (!near.empty()) {
    const std::string list = ChoiceList(near);
    return {0, kIndicatorKey, zh + "：“" + cell + "”不是指标目录中的名称，是指：" + list + "？请填写完整名称或代码",
            en + ": \"" + cell + "\" is no indicator's name; did you mean " + list + "? Write the whole name or the key"};
  }
  return {0, kIndicatorKey, zh + "：“" + cell + "”不是指标目录中的名称或代码（名称见控制台的指标目录）",
          en + ": \"" + cell + "\" is neither the name nor the key of an indicator (see the console's catalogue)"};
}

std::vector<std::pair<std::string, std::string>>::iterator CellOf(RawRecord& raw, std::string_view key) {
  return std::find_if(raw.fields.begin(), raw.fields.end(), [&](const auto& f) { return f.first == key; });
}

void Read(RawRecord& raw, std::vector<FieldError>& errors) {
  const IndicatorDef* indicator = nullptr;
  if (auto cell = CellOf(raw, kIndicatorKey); cell != raw.fields.end()) {
    indicator = NamedBy(cell->second);
    if (indicator && raw.InSheetForm(kIndicatorKey)) {
      cell->second = indicator->key;
    } else if (!indicator && raw.InSheetForm(kIndicatorKey) && !NormalizeInputLossy(cell->second).empty()) {
      errors.push_back(IndicatorError(cell->second));
      raw.fields.erase(cell);
    }
  }
  auto value = CellOf(raw, kTargetValue);
  // Without a known indicator the target's unit is unknown: the validator reads it as it is.
  if (value == raw.fields.end() || !raw.InSheetForm(kTargetValue) || !indicator) return;
  if (NormalizeInputLossy(value->second).empty()) return;  // "required" is the validator's to say
  const FieldDef& field = *TargetsLedger().Field(kTargetValue);
  if (!indicator->money) {
    // A count stays a count: "50万" or "6.5" under this header says which indicators take 万元.
    if (ParseInteger(value->second).ok()) return;
    errors.push_back({0, kTargetValue,
                      field.sheet_label_zh + "：“" + value->second + "”不是整数（“" + FullLabelZh(*indicator) + "”以" +
                          indicator->unit_zh + "计，只有金额类指标以万元填写）",
                      field.sheet_label_en + ": \"" + value->second + "\" is not a whole number (" + FullLabelEn(*indicator) +
                          " counts in " + indicator->unit_zh + "; only money targets are in 10,000 yuan)"});
    raw.fields.erase(value);
    return;
  }
  Result<int64_t> fen = ParseAmountToFen(value->second, MoneyUnit::kWanYuan);
  if (!fen.ok()) {
    errors.push_back({0, kTargetValue, field.sheet_label_zh + "：" + fen.status().message_zh(),
                      field.sheet_label_en + ": " + fen.status().message_en()});
    raw.fields.erase(value);
    return;
  }
  value->second = std::to_string(*fen);
}

std::string Write(const FieldDef& field, const Record& record) {
  const Value* key = record.Get(kIndicatorKey);
  const IndicatorDef* indicator = key && !IsNull(*key) ? FindIndicator(AsText(*key)) : nullptr;
  const Value* v = record.Get(field.key);
  if (!v || IsNull(*v)) return "";
  if (field.key == kIndicatorKey) return indicator ? FullLabelZh(*indicator) : AsText(*v);
  if (field.key == kTargetValue && indicator && indicator->money) return FormatFenAsWanYuanExact(AsInt(*v));
  return AsText(*v);
}

}  // namespace

SheetForm TargetsSheetForm() { return SheetForm{Read, Write}; }

const SheetChoices& TemplateSheetChoices() {
  static const SheetChoices choices = [] {
    std::vector<std::string> names;
    for (const IndicatorDef& def : IndicatorCatalogue()) names.push_back(FullLabelZh(def));
    return SheetChoices{{TargetsLedger().name, {{kIndicatorKey, std::move(names)}}}};
  }();
  return choices;
}

}  // namespace shanhai

#include "domain/ledger/sheet_layout.h"

#include "common/text.h"

namespace shanhai {

namespace {

constexpr std::string_view kYuanSuffix = "（元）";

// A money field's label without its unit: "金额（元）" → "金额".
std::string MoneyBaseLabel(const FieldDef& f) {
  std::string_view label = f.label_zh;
  if (label.ends_with(kYuanSuffix)) label.remove_suffix(kYuanSuffix.size());
  return std::string(label);
}

}  // namespace

std::vector<const FieldDef*> SheetFields(const LedgerDef& def, bool with_computed) {
  std::vector<const FieldDef*> out;
  for (const FieldDef& f : def.fields)
    if (!f.internal && (with_computed || !f.computed)) out.push_back(&f);
  return out;
}

std::string HeaderOf(const FieldDef& f) {
  if (!f.sheet_label_zh.empty()) return (f.required ? "*" : "") + f.sheet_label_zh;
  const std::string label = f.type == FieldType::kMoney    ? MoneyLabelZh(f, SheetMoneyUnit(f))
                            : f.type == FieldType::kRegion ? f.label_zh + kRegionHeaderSuffix
                                                           : f.label_zh;
  return (f.required ? "*" : "") + label;
}

bool IsRegionHeader(const FieldDef& f, std::string_view header) {
  if (f.type != FieldType::kRegion) return false;
  if (header == f.label_en + " code" || header == f.label_en + " (region code)") return true;
  // NFKC makes full-width brackets ASCII, so "（名称或代码）" and "(名称或代码)" compare alike.
  const std::string typed = NormalizeInputLossy(header);
  return typed == NormalizeInputLossy(f.label_zh + kRegionHeaderSuffix) ||
         typed == NormalizeInputLossy(f.label_zh + "（行政区划代码）");
}

MoneyUnit SheetMoneyUnit(const FieldDef& f) { return f.typed_in_yuan ? MoneyUnit::kYuan : MoneyUnit::kWanYuan; }

std::string MoneyLabelZh(const FieldDef& f, MoneyUnit unit) {
  return unit == MoneyUnit::kWanYuan ? MoneyBaseLabel(f) + "（万元）" : f.label_zh;
}

std::string MoneyLabelEn(const FieldDef& f, MoneyUnit unit) {
  constexpr std::string_view kYuanEn = " (yuan)";
  if (unit != MoneyUnit::kWanYuan) return f.label_en;
  std::string_view label = f.label_en;
  if (label.ends_with(kYuanEn)) label.remove_suffix(kYuanEn.size());
  return std::string(label) + " (10,000 yuan)";
}

std::optional<MoneyUnit> MoneyHeaderUnit(const FieldDef& f, std::string_view header) {
  if (f.type != FieldType::kMoney) return std::nullopt;
  if (header == f.label_en || header == f.key) return MoneyUnit::kYuan;
  // NFKC makes full-width brackets ASCII, so "（万元）" and "(万元)" compare alike.
  const std::string typed = NormalizeInputLossy(header);
  const std::string base = NormalizeInputLossy(MoneyBaseLabel(f));
  if (typed == base + "(万元)" || typed == base + "(万)") return MoneyUnit::kWanYuan;
  if (typed == base + "(元)" || typed == base) return MoneyUnit::kYuan;
  return std::nullopt;
}

std::vector<std::string> Headers(const LedgerDef& def, bool with_computed) {
  std::vector<std::string> headers;
  if (def.pair_scoped) headers.push_back(std::string("*") + kPairHeader);
  for (const FieldDef* f : SheetFields(def, with_computed)) headers.push_back(HeaderOf(*f));
  return headers;
}

}  // namespace shanhai

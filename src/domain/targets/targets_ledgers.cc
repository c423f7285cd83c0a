#include "domain/targets/targets_ledgers.h"

#include "domain/ledger/field_builders.h"

namespace shanhai {
using namespace fields;

std::string TargetYearIndicator(int64_t year, std::string_view indicator_key) {
  return std::to_string(year) + ":" + std::string(indicator_key);
}

const LedgerDef& TargetsLedger() {
  static const LedgerDef def{
      .name = "targets", .module = "targets", .label_zh = "年度目标", .label_en = "Targets",
      .fields = {
          Integer("year", "年度", "Year").Required().Min(2016),
          // A key or an indicator's name: title-length, so a list or a card may be headed by it.
          Text("indicator_key", "指标", "Indicator")
              .MaxChars(kMaxNameChars)
              .Required()
              .Searchable()
              .FormerLabel("指标代码")
              .SheetLabel("指标", "Indicator")
              .Hint("指标目录中的名称（如 交流互访、实地考察批次）或代码（如 leadership.visit_batches）"),
          // Fen for a money indicator in the API; 万元 in the console and under the sheet label.
          Integer("target_value", "目标值", "Target")
              .Required()
              .Min(0)
              .SheetLabel("目标值（金额类指标为万元）", "Target (money in 10,000 yuan)")
              .Hint("金额类指标以万元计（如 50、50万、0.5亿），其余为指标单位的整数（批、人次等）"),
          Ref("agreement_id", "依据协议", "Agreement", "agreements"),
          Text("note", "备注", "Note"),
          // The natural key: one target per pair, year and indicator, so that a re-imported
          // sheet finds the stored target of each row (to update or skip it).
          Text("year_indicator", "年度及指标", "Year and indicator").Internal().MadeOf({"year", "indicator_key"})},
      .natural_key = "year_indicator",
      .derive = [](Record& r) {
        const Value* year = r.Get("year");
        const Value* key = r.Get("indicator_key");
        if (!year || !key || IsNull(*year) || IsNull(*key)) return;  // "required" is the validator's to say
        r.Set("year_indicator", TargetYearIndicator(AsInt(*year), AsText(*key)));
      }};
  return def;
}

}  // namespace shanhai

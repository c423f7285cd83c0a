#include "domain/targets/targets_ledgers.h"

#include "domain/ledger/field_builders.h"

namespace shanhai {
using namespace fields;

const LedgerDef& TargetsLedger() {
  static const LedgerDef def{
      .name = "targets", .module = "targets", .label_zh = "年度目标", .label_en = "Targets",
      .fields = {
          Integer("year", "年度", "Year").Required().Min(2016),
          // A key or an indicator's name: title-length, so a list or a card may be headed by it.
          Text("indicator_key", "指标代码", "Indicator key")
              .MaxChars(kMaxNameChars)
              .Required()
              .Searchable()
              .SheetLabel("指标", "Indicator")
              .Hint("指标目录中的名称（如 交流互访、实地考察批次）或代码（如 leadership.visit_batches）"),
          // Fen for a money indicator in the API; 万元 in the console and under the sheet label.
          Integer("target_value", "目标值", "Target")
              .Required()
              .Min(0)
              .SheetLabel("目标值（金额类指标为万元）", "Target (money in 10,000 yuan)")
              .Hint("金额类指标以万元计（如 50、50万、0.5亿），其余为指标单位的整数（批、人次等）"),
          Ref("agreement_id", "依据协议", "Agreement", "agreements"),
          Text("note", "备注", "Note")}};
  return def;
}

}  // namespace shanhai

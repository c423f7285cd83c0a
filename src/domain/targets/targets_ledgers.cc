#include "domain/targets/targets_ledgers.h"

#include "domain/ledger/field_builders.h"

namespace shanhai {
using namespace fields;

const LedgerDef& TargetsLedger() {
  static const LedgerDef def{
      .name = "targets", .module = "targets", .label_zh = "年度目标", .label_en = "Targets",
      .fields = {
          Integer("year", "年度", "Year").Required().Min(2016),
          Text("indicator_key", "指标代码", "Indicator key").Required().Searchable().Hint("如 leadership.visit_batches"),
          Integer("target_value", "目标值", "Target").Required().Min(0).Hint("金额类指标以分为单位"),
          Ref("agreement_id", "依据协议", "Agreement", "agreements"),
          Text("note", "备注", "Note")}};
  return def;
}

}  // namespace shanhai

#include "domain/funds/funds_ledgers.h"

#include "domain/ledger/field_builders.h"

namespace shanhai {
using namespace fields;

const LedgerDef& FundsLedger() {
  static const LedgerDef def{
      .name = "funds", .module = "funds", .label_zh = "帮扶资金", .label_en = "Funds",
      .fields = {
          Text("title", "资金事项", "Item").MaxChars(kMaxNameChars).Required().Searchable(),
          Enum("kind", "资金类型", "Kind",
               {{"fiscal", "财政援助资金", "fiscal aid"},
                {"social", "社会帮扶资金（含捐赠）", "social aid and donations"}}).Required(),
          Enum("direction", "方向", "Direction", DirectionOptions()).Required(),
          Money("amount_fen", "金额（元）", "Amount (yuan)").Required().Min(0),
          Money("paid_fen", "已拨付（元）", "Paid out (yuan)").Min(0),
          Date("fund_date", "日期", "Date").Required(),
          Ref("helper_unit_id", "出资单位", "Giving unit", "units").Hint("经结对关系给予时填写"),
          Ref("helped_unit_id", "受援单位", "Receiving unit", "units").Hint("经结对关系给予时填写"),
          Ref("project_id", "资助项目", "Project funded", "projects"),
          Text("note", "备注", "Note")},
      .date_field = "fund_date",
      .check = [](const Record*, const Record& r, std::vector<FieldError>& errors) {
        const Value* amount = r.Get("amount_fen");
        const Value* paid = r.Get("paid_fen");
        if (amount && paid && AsInt(*paid) > AsInt(*amount))
          errors.push_back({0, "paid_fen", "已拨付金额超过资金总额", "paid out exceeds the amount"});
      },
      // An enterprise or other giving unit sees the funds it gave.
      .owner_field = "helper_unit_id"};
  return def;
}

}  // namespace shanhai

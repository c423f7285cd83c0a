#include "domain/funds/funds_ledgers.h"

#include "common/money.h"
#include "domain/ledger/field_builders.h"

namespace shanhai {
using namespace fields;

namespace {

// A fund's tranches: paid on or after the fund's date, their running sum within its amount, and
// the fund's "paid out" figure equal to their sum (the figure the 拨付率 indicator reads; filled in
// from the tranches when a write leaves it out, see LineSet::total_field).
void CheckTranches(RecordSetContext&, const Record*, const Record& fund, const std::vector<Record>& tranches,
                   std::vector<FieldError>& errors) {
  const Value* amount = fund.Get("amount_fen");
  const Value* fund_date = fund.Get("fund_date");
  int64_t sum = 0;
  bool over = false;
  for (size_t i = 0; i < tranches.size(); ++i) {
    const int64_t row = static_cast<int64_t>(i) + 1;
    const Value* paid = tranches[i].Get("amount_fen");
    sum += paid && !IsNull(*paid) ? AsInt(*paid) : 0;
    if (!over && amount && !IsNull(*amount) && sum > AsInt(*amount)) {
      over = true;  // the line that crosses the amount is the one to look at
      errors.push_back({row, "amount_fen", "累计拨付 " + FormatFenAsYuan(sum) + " 元，超过资金总额 " + FormatFenAsYuan(AsInt(*amount)) + " 元",
                        "tranches so far total " + FormatFenAsYuan(sum) + " yuan, above the fund's " +
                            FormatFenAsYuan(AsInt(*amount)) + " yuan"});
    }
    const Value* date = tranches[i].Get("paid_date");
    if (date && fund_date && !IsNull(*date) && !IsNull(*fund_date) && AsText(*date) < AsText(*fund_date))
      errors.push_back({row, "paid_date", "拨付日期早于资金日期 " + AsText(*fund_date),
                        "paid before the fund's date " + AsText(*fund_date)});
  }
  const Value* paid_out = fund.Get("paid_fen");
  if (!tranches.empty() && paid_out && !IsNull(*paid_out) && AsInt(*paid_out) != sum)
    errors.push_back({0, "paid_fen", "已拨付应等于各批拨付之和 " + FormatFenAsYuan(sum) + " 元",
                      "paid out must equal the tranches' total of " + FormatFenAsYuan(sum) + " yuan"});
}

}  // namespace

const LedgerDef& FundTranchesLedger() {
  static const LedgerDef def{
      .name = "fund_tranches", .module = "funds", .label_zh = "资金拨付", .label_en = "Fund tranches",
      .fields = {
          Ref("fund_id", "所属资金", "Fund", "funds").Computed(),
          Date("paid_date", "拨付日期", "Date paid").Required(),
          Money("amount_fen", "拨付金额（元）", "Amount (yuan)").Required().Min(1),
          Text("payee", "收款单位", "Payee").MaxChars(kMaxNameChars).Searchable(),
          Text("voucher", "凭证号", "Voucher").MaxChars(kMaxNameChars),
          Text("note", "备注", "Note")},
      .date_field = "paid_date",
      .line_of = "funds"};
  return def;
}

const LedgerDef& FundsLedger() {
  static const LedgerDef def{
      .name = "funds", .module = "funds", .label_zh = "帮扶资金", .label_en = "Funds",
      .fields = {
          Text("title", "资金事项", "Item").MaxChars(kMaxNameChars).Required().Searchable(),
          Enum("kind", "资金类型", "Kind",
               {{"fiscal", "财政援助资金", "fiscal aid"},
                {"social", "社会帮扶资金（含捐赠）", "social aid and donations"}}).Required(),
          Enum("direction", "方向", "Direction", DirectionSet()).Required(),
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
      .owner_field = "helper_unit_id",
      .lines = {{.ledger = &FundTranchesLedger(), .parent_field = "fund_id", .key = "tranches", .max = 100,
                 .check = CheckTranches, .total_field = "paid_fen", .summed_field = "amount_fen"}}};
  return def;
}

}  // namespace shanhai

#include "domain/needs/needs_ledgers.h"

#include "domain/ledger/field_builders.h"

namespace shanhai {
using namespace fields;

namespace {

// Allowed status moves; staying in the same status is always allowed.
bool AllowedMove(const std::string& from, const std::string& to) {
  if (from == to) return true;
  if (from == "posted") return to == "claimed" || to == "cancelled";
  if (from == "claimed") return to == "delivered" || to == "cancelled" || to == "posted";
  return false;  // delivered and cancelled are final
}

void CheckNeed(const Record* before, const Record& r, std::vector<FieldError>& errors) {
  const std::string status = r.Get("status") ? AsText(*r.Get("status")) : "";
  // A new record may start in any status (needs handled before they were recorded); a change
  // must follow the allowed moves.
  const std::string from = before && before->Get("status") ? AsText(*before->Get("status")) : status;
  if (!AllowedMove(from, status))
    errors.push_back({0, "status", "需求状态不能从「" + from + "」变为「" + status + "」",
                      "a need cannot move from " + from + " to " + status});
  auto missing = [&](const char* key) { return !r.Get(key) || IsNull(*r.Get(key)) || AsText(*r.Get(key)).empty(); };
  if ((status == "claimed" || status == "delivered") && missing("claimed_by_unit_id"))
    errors.push_back({0, "claimed_by_unit_id", "已认领的需求须填写认领单位", "a claimed need names the claiming unit"});
  if ((status == "claimed" || status == "delivered") && missing("claimed_date"))
    errors.push_back({0, "claimed_date", "已认领的需求须填写认领日期", "a claimed need has a claim date"});
  if (status == "delivered" && missing("delivered_date"))
    errors.push_back({0, "delivered_date", "已交付的需求须填写交付日期", "a delivered need has a delivery date"});
}

}  // namespace

const LedgerDef& NeedsLedger() {
  static const LedgerDef def{
      .name = "needs", .module = "needs", .label_zh = "订单式需求", .label_en = "Needs",
      .fields = {
          Text("title", "需求名称", "Need").MaxChars(kMaxNameChars).Required().Searchable(),
          Enum("category", "需求类别", "Category",
               {{"education", "教育", "education"},
                {"medical", "医疗", "medical"},
                {"industry", "产业", "industry"},
                {"talent", "人才", "talent"},
                {"goods", "物资", "goods"},
                {"other", "其他", "other"}}).Required(),
          Text("description", "需求描述", "Description").Searchable(),
          Money("value_fen", "估算价值（元）", "Estimated value (yuan)").Min(0),
          Date("posted_date", "发布日期", "Posted on").Required(),
          Enum("status", "状态", "Status",
               {{"posted", "已发布", "posted"},
                {"claimed", "已认领", "claimed"},
                {"delivered", "已交付", "delivered"},
                {"cancelled", "已取消", "cancelled"}}).Required(),
          Ref("claimed_by_unit_id", "认领单位", "Claimed by", "units"),
          Date("claimed_date", "认领日期", "Claimed on"),
          Date("delivered_date", "交付日期", "Delivered on")},
      .date_field = "posted_date",
      .check = CheckNeed};
  return def;
}

}  // namespace shanhai

#include "domain/needs/needs_ledgers.h"

#include "domain/ledger/field_builders.h"
#include "domain/ledger/workflow.h"

namespace shanhai {
using namespace fields;

namespace {

const Workflow& NeedsWorkflow() {
  static const Workflow w{
      .state_field = "status",
      .states = {{"posted", "已发布", "posted"},
                 {"claimed", "已认领", "claimed", false, {"claimed_by_unit_id", "claimed_date"}},
                 {"delivered", "已交付", "delivered", true, {"claimed_by_unit_id", "claimed_date", "delivered_date"}},
                 {"cancelled", "已取消", "cancelled", true}},
      .transitions = {
          {.name = "claim", .label_zh = "认领", .label_en = "Claim", .done_zh = "认领", .done_en = "claimed",
           .from = {"posted"}, .to = "claimed", .required = {"claimed_by_unit_id", "claimed_date"}},
          {.name = "deliver", .label_zh = "交付", .label_en = "Deliver", .done_zh = "交付", .done_en = "delivered",
           .from = {"claimed"}, .to = "delivered", .required = {"delivered_date"}},
          {.name = "release", .label_zh = "撤销认领", .label_en = "Release", .done_zh = "撤销认领",
           .done_en = "released", .from = {"claimed"}, .to = "posted",
           .clears = {"claimed_by_unit_id", "claimed_date"}},
          {.name = "cancel", .label_zh = "取消需求", .label_en = "Cancel", .done_zh = "取消", .done_en = "cancelled",
           .from = {"posted", "claimed"}, .to = "cancelled"}},
      .transition_fields = {"claimed_by_unit_id", "claimed_date", "delivered_date"}};
  return w;
}

}  // namespace

const LedgerDef& NeedsLedger() {
  static const F posted = Date("posted_date", "发布日期", "Posted on").Required();
  static const F claimed = Date("claimed_date", "认领日期", "Claimed on");
  static const F delivered = Date("delivered_date", "交付日期", "Delivered on");
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
          posted,
          Enum("status", "状态", "Status", NeedsWorkflow().Options()).Required(),
          // In 订单式帮扶 the helped side posts and the helper side answers: on every write,
          // the claimer is a unit of the helper side.
          Ref("claimed_by_unit_id", "认领单位", "Claimed by", "units")
              .Where("side", "helper", "须是帮扶方的单位", "must be a unit of the helper side"),
          claimed,
          delivered},
      .date_field = "posted_date",
      // Dates follow the need's course on every write (a record entered late, a correction, or a
      // transition): claimed on or after posting, delivered on or after claiming.
      .check = AllChecks({DatesInOrder(posted, claimed), DatesInOrder(claimed, delivered)}),
      .workflow = &NeedsWorkflow()};
  return def;
}

}  // namespace shanhai

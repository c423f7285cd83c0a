// Test-only (include only from *_test.cc): a parent ledger "test_orders" whose records own
// "test_order_lines", with the three kinds of cross-record rule the platforms need — a sum
// (lines' amounts within the order's total), a capacity (quantities within the order's
// capacity) and a rule reading the database (a person has at most one open line across all
// orders) —, their tables, and the count limits 1..3.
#pragma once

#include <string>
#include <vector>

#include "domain/ledger/field_builders.h"
#include "domain/ledger/record_set_service.h"

namespace shanhai::domain_test {

inline const char* kTestOrdersSchema = R"(
CREATE TABLE test_orders (
  id {{ID}}, pair_id BIGINT NOT NULL REFERENCES pairs(id), helped_region TEXT NOT NULL,
  title TEXT NOT NULL, total_fen BIGINT NOT NULL, capacity BIGINT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1);
CREATE TABLE test_order_lines (
  id {{ID}}, pair_id BIGINT NOT NULL REFERENCES pairs(id), helped_region TEXT NOT NULL,
  order_id BIGINT NOT NULL REFERENCES test_orders(id), person TEXT NOT NULL, person_id_enc TEXT,
  person_id_hash TEXT, amount_fen BIGINT NOT NULL, quantity BIGINT, ended BIGINT NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, created_by TEXT, updated_by TEXT,
  version INTEGER NOT NULL DEFAULT 1);
)";

inline const LedgerDef& TestOrderLines() {
  using namespace fields;
  static const LedgerDef def{
      .name = "test_order_lines", .module = "test", .label_zh = "测试订单明细", .label_en = "Test order lines",
      .fields = {Ref("order_id", "订单", "Order", "test_orders").Computed(),
                 Text("person", "人员", "Person").Required(),
                 IdNumber("person_id", "身份证号", "ID number"),
                 Money("amount_fen", "金额（元）", "Amount (yuan)").Required().Min(1),
                 Integer("quantity", "数量", "Quantity").Min(1),
                 Bool("ended", "已结束", "Ended")},
      .line_of = "test_orders"};
  return def;
}

inline int64_t IntOf(const Record& r, const std::string& key) {
  const Value* v = r.Get(key);
  return v && !IsNull(*v) ? AsInt(*v) : 0;
}

inline void CheckTestOrder(RecordSetContext& context, const Record*, const Record& order,
                           const std::vector<Record>& lines, std::vector<FieldError>& errors) {
  int64_t sum = 0, quantity = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const int64_t row = static_cast<int64_t>(i) + 1;
    sum += IntOf(lines[i], "amount_fen");
    if (sum > IntOf(order, "total_fen") && sum - IntOf(lines[i], "amount_fen") <= IntOf(order, "total_fen"))
      errors.push_back({row, "amount_fen", "金额合计超过订单总额", "the lines total more than the order"});
    quantity += IntOf(lines[i], "quantity");
    if (IntOf(lines[i], "ended")) continue;
    const std::string person = AsText(*lines[i].Get("person"));
    for (size_t j = 0; j < i; ++j)
      if (!IntOf(lines[j], "ended") && AsText(*lines[j].Get("person")) == person)
        errors.push_back({row, "person", "同一人员已有未结束的明细", "this person already has an open line"});
    Result<std::vector<Record>> open =
        context.Find(TestOrderLines(), {{"person", Value{person}}, {"ended", Value{int64_t{0}}}});
    if (!open.ok()) return;  // the service stops on the context's status
    for (const Record& other : *open)
      if (IntOf(other, "order_id") != order.id)
        errors.push_back({row, "person", "该人员在其他订单中有未结束的明细", "this person has an open line in another order"});
  }
  if (order.Get("capacity") && !IsNull(*order.Get("capacity")) && quantity > IntOf(order, "capacity"))
    errors.push_back({0, "capacity", "数量合计超过容量", "the lines' quantities exceed the capacity"});
}

inline const LedgerDef& TestOrders() {
  using namespace fields;
  static const LedgerDef def{
      .name = "test_orders", .module = "test", .label_zh = "测试订单", .label_en = "Test orders",
      .fields = {Text("title", "名称", "Title").Required(), Money("total_fen", "总额（元）", "Total (yuan)").Required(),
                 Integer("capacity", "容量", "Capacity")},
      .lines = {{.ledger = &TestOrderLines(), .parent_field = "order_id", .key = "lines", .min = 1, .max = 3,
                 .check = CheckTestOrder}}};
  return def;
}

}  // namespace shanhai::domain_test

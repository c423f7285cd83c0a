// Records with lines, on both backends, through test-only declarations (record_set_test_ledgers.h):
// create, read, update (add, change, remove lines), delete, every refusal (a bad line field, a sum,
// a capacity, a rule reading the database, a stale version, a missing permission, too few or too
// many lines, a direct write to the line ledger), masking of personal data in lines, audit rows,
// and atomicity under a failing statement anywhere in the write.
#include <gtest/gtest.h>

#include "domain/audit/audit_chain.h"
#include "domain/ledger/ledger_test_util.h"
#include "domain/ledger/record_set_test_ledgers.h"
#include "storage/faulty_database.h"

namespace shanhai {
namespace {

using domain_test::AuditRows;
using domain_test::FieldErrorAt;
using domain_test::Fields;
using domain_test::HasFieldError;
using domain_test::Id18;
using domain_test::IsOk;
using domain_test::kCountyPair;
using domain_test::TestOrderLines;
using domain_test::TestOrders;

RawLine Line(Fields fields, int64_t id = 0) { return RawLine{id, RawRecord{"", std::move(fields)}}; }

Fields Person(const std::string& name, const std::string& amount, const std::string& quantity = "1") {
  return {{"person", name}, {"amount_fen", amount}, {"quantity", quantity}};
}

class RecordSetServiceTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    AddPair("440111", "522727");
    Schema(domain_test::kTestOrdersSchema);
  }

  RecordSetService sets() { return RecordSetService(service()); }

  Result<RecordWithLines> CreateOrder(std::vector<RawLine> lines, const std::string& total = "10000",
                                      const std::string& capacity = "", const Actor& actor = Actor::System()) {
    Fields parent = {{"title", "订单"}, {"total_fen", total}};
    if (!capacity.empty()) parent.emplace_back("capacity", capacity);
    return sets().Create(actor, TestOrders(), RawRecord{kCountyPair, parent}, {{"lines", std::move(lines)}},
                         InputSource::kApi);
  }

  Result<RecordWithLines> UpdateOrder(int64_t id, Fields parent, std::vector<RawLine> lines, int64_t version,
                                      const Actor& actor = Actor::System()) {
    return sets().Update(actor, TestOrders(), id, RawRecord{"", std::move(parent)}, {{"lines", std::move(lines)}},
                         InputSource::kApi, version);
  }

  // Orders, lines and audit rows: what a refused call must leave as it was.
  std::vector<int64_t> Counts() { return {Count("test_orders"), Count("test_order_lines"), AuditRows(db())}; }

  static const std::vector<Record>& LinesOf(const RecordWithLines& r) { return r.lines.at(0).second; }
};

TEST_P(RecordSetServiceTest, CreateStoresTheParentAndItsLinesInItsPair) {
  auto order = CreateOrder({Line(Person("甲", "3000")), Line(Person("乙", "5000", "2"))});
  ASSERT_TRUE(order.ok()) << order.status().ToString();
  EXPECT_GT(order->parent.id, 0);
  ASSERT_EQ(order->lines.size(), 1u);
  EXPECT_EQ(order->lines[0].first->key, "lines");
  ASSERT_EQ(LinesOf(*order).size(), 2u);
  for (const Record& line : LinesOf(*order)) {
    EXPECT_EQ(AsInt(*line.Get("order_id")), order->parent.id);
    EXPECT_EQ(line.pair_code, kCountyPair);
    EXPECT_EQ(line.helped_region, "522727");
  }
  EXPECT_EQ(AsText(*LinesOf(*order)[1].Get("person")), "乙");
  EXPECT_EQ(Count("test_order_lines"), 2);

  auto read = sets().Get(Actor::System(), TestOrders(), order->parent.id);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(LinesOf(*read).size(), 2u);
  EXPECT_EQ(AsInt(*LinesOf(*read)[0].Get("amount_fen")), 3000);
}

TEST_P(RecordSetServiceTest, EveryBadFieldOfEveryLineIsReportedAtOnceByRowAndKey) {
  const auto before = Counts();
  auto order = CreateOrder({Line(Person("甲", "3000")), Line({{"amount_fen", "abc"}}), Line(Person("丙", "0", "x"))});
  ASSERT_FALSE(order.ok());
  EXPECT_EQ(order.status().code(), Code::kInvalidArgument);
  const FieldError* person = FieldErrorAt(order.status(), "lines.person", 2);
  ASSERT_NE(person, nullptr) << order.status().ToString();
  EXPECT_NE(person->message_zh.find("第 2 行"), std::string::npos) << person->message_zh;
  EXPECT_NE(person->message_en.find("lines line 2"), std::string::npos) << person->message_en;
  EXPECT_NE(FieldErrorAt(order.status(), "lines.amount_fen", 2), nullptr);
  EXPECT_NE(FieldErrorAt(order.status(), "lines.amount_fen", 3), nullptr);
  EXPECT_NE(FieldErrorAt(order.status(), "lines.quantity", 3), nullptr);
  EXPECT_EQ(FieldErrorAt(order.status(), "lines.person", 1), nullptr) << "line 1 is valid";
  EXPECT_EQ(Counts(), before);
}

TEST_P(RecordSetServiceTest, ParentErrorsAndLineErrorsComeTogether) {
  auto order = sets().Create(Actor::System(), TestOrders(), RawRecord{kCountyPair, {{"total_fen", "-"}}},
                             {{"lines", {Line({{"person", "甲"}})}}}, InputSource::kApi);
  ASSERT_FALSE(order.ok());
  EXPECT_TRUE(HasFieldError(order.status(), "title"));
  EXPECT_TRUE(HasFieldError(order.status(), "total_fen"));
  EXPECT_NE(FieldErrorAt(order.status(), "lines.amount_fen", 1), nullptr) << order.status().ToString();
  EXPECT_EQ(Count("test_orders"), 0);
}

TEST_P(RecordSetServiceTest, TheLinesMayNotTotalMoreThanTheOrder) {
  const auto before = Counts();
  auto order = CreateOrder({Line(Person("甲", "6000")), Line(Person("乙", "3000")), Line(Person("丙", "2000"))});
  ASSERT_FALSE(order.ok());
  EXPECT_NE(FieldErrorAt(order.status(), "lines.amount_fen", 3), nullptr) << order.status().ToString();
  EXPECT_EQ(Counts(), before);
  EXPECT_TRUE(CreateOrder({Line(Person("甲", "6000")), Line(Person("乙", "4000"))}).ok()) << "exactly the total fits";
}

TEST_P(RecordSetServiceTest, TheQuantitiesMayNotExceedTheCapacity) {
  const auto before = Counts();
  auto order = CreateOrder({Line(Person("甲", "100", "2")), Line(Person("乙", "100", "2"))}, "10000", "3");
  ASSERT_FALSE(order.ok());
  EXPECT_NE(FieldErrorAt(order.status(), "capacity", 0), nullptr) << order.status().ToString();
  EXPECT_EQ(Counts(), before);
  EXPECT_TRUE(CreateOrder({Line(Person("甲", "100", "2")), Line(Person("乙", "100", "1"))}, "10000", "3").ok());
}

TEST_P(RecordSetServiceTest, APersonHasOneOpenLineAcrossAllOrdersReadFromTheDatabase) {
  auto first = CreateOrder({Line(Person("甲", "100"))});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  const auto before = Counts();
  auto second = CreateOrder({Line(Person("乙", "100")), Line(Person("甲", "100"))});
  ASSERT_FALSE(second.ok());
  EXPECT_NE(FieldErrorAt(second.status(), "lines.person", 2), nullptr) << second.status().ToString();
  EXPECT_EQ(Counts(), before);

  // Within one list too; and a line that has ended does not count.
  auto twice = CreateOrder({Line(Person("丙", "100")), Line(Person("丙", "100"))});
  EXPECT_NE(FieldErrorAt(twice.status(), "lines.person", 2), nullptr) << twice.status().ToString();
  Fields ended = Person("甲", "100");
  ended.emplace_back("ended", "1");
  EXPECT_TRUE(CreateOrder({Line(ended)}).ok());

  // Once the first order's line has ended, 甲 may open one elsewhere. Its own stored line is
  // not "another order's" when the first order is changed.
  const int64_t line_id = LinesOf(*first)[0].id;
  auto keep = UpdateOrder(first->parent.id, {{"title", "改名"}}, {Line({}, line_id)}, 1);
  ASSERT_TRUE(keep.ok()) << keep.status().ToString();
  auto end = UpdateOrder(first->parent.id, {}, {Line({{"ended", "1"}}, line_id)}, 2);
  ASSERT_TRUE(end.ok()) << end.status().ToString();
  EXPECT_TRUE(CreateOrder({Line(Person("甲", "100"))}).ok());
}

TEST_P(RecordSetServiceTest, TooFewOrTooManyLinesAreRefused) {
  const auto before = Counts();
  auto none = CreateOrder({});
  ASSERT_FALSE(none.ok());
  const FieldError* few = FieldErrorAt(none.status(), "lines", 0);
  ASSERT_NE(few, nullptr) << none.status().ToString();
  EXPECT_NE(few->message_en.find("at least 1"), std::string::npos);
  auto many = CreateOrder({Line(Person("甲", "1")), Line(Person("乙", "1")), Line(Person("丙", "1")),
                           Line(Person("丁", "1"))});
  ASSERT_FALSE(many.ok());
  const FieldError* too_many = FieldErrorAt(many.status(), "lines", 0);
  ASSERT_NE(too_many, nullptr) << many.status().ToString();
  EXPECT_NE(too_many->message_en.find("at most 3"), std::string::npos);
  // The plain create path makes a record without lines: refused for the same reason.
  auto plain = service().Create(Actor::System(), TestOrders(),
                                RawRecord{kCountyPair, {{"title", "空"}, {"total_fen", "1"}}}, InputSource::kApi);
  EXPECT_NE(FieldErrorAt(plain.status(), "lines", 0), nullptr) << plain.status().ToString();
  EXPECT_EQ(Counts(), before);
}

TEST_P(RecordSetServiceTest, UpdateAddsChangesAndRemovesLinesWithOneAuditRowPerRecordWritten) {
  auto order = CreateOrder({Line(Person("甲", "1000")), Line(Person("乙", "2000")), Line(Person("丙", "3000"))});
  ASSERT_TRUE(order.ok()) << order.status().ToString();
  const int64_t a = LinesOf(*order)[0].id, b = LinesOf(*order)[1].id, c = LinesOf(*order)[2].id;
  const int64_t audit = AuditRows(db());

  // 甲 unchanged, 乙 changed, 丙 removed, 丁 added.
  auto updated = UpdateOrder(order->parent.id, {{"total_fen", "9000"}},
                             {Line({}, a), Line({{"amount_fen", "2500"}}, b), Line(Person("丁", "4000"))}, 1);
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(AsInt(*updated->parent.Get("total_fen")), 9000);
  EXPECT_EQ(AsInt(*updated->parent.Get("version")), 2);
  ASSERT_EQ(LinesOf(*updated).size(), 3u);
  EXPECT_EQ(LinesOf(*updated)[0].id, a);
  EXPECT_EQ(AsInt(*LinesOf(*updated)[0].Get("version")), 1) << "an unchanged line is not written";
  EXPECT_EQ(AsInt(*LinesOf(*updated)[1].Get("amount_fen")), 2500);
  EXPECT_EQ(AsText(*LinesOf(*updated)[2].Get("person")), "丁");
  EXPECT_EQ(Count("test_order_lines"), 3);
  auto gone = db().Query("SELECT COUNT(*) FROM test_order_lines WHERE id = ?", {c});
  ASSERT_TRUE(gone.ok());
  EXPECT_EQ(AsInt(gone->rows[0][0]), 0);

  // The parent's update, then one row per line written, each naming the parent.
  EXPECT_EQ(AuditRows(db()), audit + 4);
  auto rows = db().Query("SELECT action, ledger, record_id, detail FROM audit_log WHERE seq > ? ORDER BY seq",
                         {audit});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->rows.size(), 4u);
  const std::string parent = "parent=test_orders:" + std::to_string(order->parent.id);
  EXPECT_EQ(AsText(rows->rows[0][0]), "update");
  EXPECT_EQ(AsText(rows->rows[0][1]), "test_orders");
  EXPECT_EQ(AsText(rows->rows[0][3]), "lines=3");
  EXPECT_EQ(AsText(rows->rows[1][0]), "delete");
  EXPECT_EQ(AsInt(rows->rows[1][2]), c);
  EXPECT_EQ(AsText(rows->rows[2][0]), "update");
  EXPECT_EQ(AsInt(rows->rows[2][2]), b);
  EXPECT_EQ(AsText(rows->rows[3][0]), "create");
  for (size_t i = 1; i < 4; ++i) {
    EXPECT_EQ(AsText(rows->rows[i][1]), "test_order_lines");
    EXPECT_EQ(AsText(rows->rows[i][3]), parent);
  }
}

TEST_P(RecordSetServiceTest, CreateAuditsTheParentAndEachLine) {
  const int64_t audit = AuditRows(db());
  auto order = CreateOrder({Line(Person("甲", "1000")), Line(Person("乙", "2000"))});
  ASSERT_TRUE(order.ok()) << order.status().ToString();
  auto rows = db().Query("SELECT action, ledger, record_id, detail FROM audit_log WHERE seq > ? ORDER BY seq",
                         {audit});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->rows.size(), 3u);
  EXPECT_EQ(AsText(rows->rows[0][1]), "test_orders");
  EXPECT_EQ(AsText(rows->rows[0][3]), "lines=2");
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(AsText(rows->rows[i][0]), "create");
  EXPECT_EQ(AsInt(rows->rows[1][2]), LinesOf(*order)[0].id);
  EXPECT_EQ(AsText(rows->rows[2][3]), "parent=test_orders:" + std::to_string(order->parent.id));
}

TEST_P(RecordSetServiceTest, AStaleVersionIsRefusedEvenWhenOnlyLinesChange) {
  auto order = CreateOrder({Line(Person("甲", "1000"))});
  ASSERT_TRUE(order.ok());
  const int64_t line = LinesOf(*order)[0].id;
  ASSERT_TRUE(UpdateOrder(order->parent.id, {}, {Line({{"amount_fen", "1500"}}, line)}, 1).ok());
  const auto before = Counts();
  auto stale = UpdateOrder(order->parent.id, {}, {Line({{"amount_fen", "1200"}}, line)}, 1);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.status().code(), Code::kConflict);
  EXPECT_EQ(Counts(), before);
  auto read = sets().Get(Actor::System(), TestOrders(), order->parent.id);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(AsInt(*LinesOf(*read)[0].Get("amount_fen")), 1500);
}

TEST_P(RecordSetServiceTest, AnUpdateBreakingACheckOrNamingAStrangeLineStoresNothing) {
  auto order = CreateOrder({Line(Person("甲", "4000")), Line(Person("乙", "4000"))});
  ASSERT_TRUE(order.ok());
  auto other = CreateOrder({Line(Person("丙", "100"))});
  ASSERT_TRUE(other.ok());
  const auto before = Counts();
  // Lowering the total below the kept lines' sum: the absent list is checked as stored.
  auto lower = sets().Update(Actor::System(), TestOrders(), order->parent.id, RawRecord{"", {{"total_fen", "5000"}}},
                             {}, InputSource::kApi, 1);
  ASSERT_FALSE(lower.ok());
  EXPECT_NE(FieldErrorAt(lower.status(), "lines.amount_fen", 2), nullptr) << lower.status().ToString();
  // The same through the plain update path.
  auto plain = service().Update(Actor::System(), TestOrders(), order->parent.id,
                                RawRecord{"", {{"total_fen", "5000"}}}, InputSource::kApi, 1);
  EXPECT_NE(FieldErrorAt(plain.status(), "lines.amount_fen", 2), nullptr) << plain.status().ToString();
  // A line of another order cannot be changed through this one.
  auto strange = UpdateOrder(order->parent.id, {}, {Line({{"amount_fen", "1"}}, LinesOf(*other)[0].id)}, 1);
  EXPECT_NE(FieldErrorAt(strange.status(), "lines.id", 1), nullptr) << strange.status().ToString();
  EXPECT_EQ(Counts(), before);
}

TEST_P(RecordSetServiceTest, TheActorNeedsTheParentsAndTheLinesPermissions) {
  Actor parent_only{"clerk", {"clerk"}, {"test:test_orders:*"}, "", "", 0, "test"};
  const auto before = Counts();
  auto denied = CreateOrder({Line(Person("甲", "1"))}, "10000", "", parent_only);
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.status().code(), Code::kPermissionDenied);
  EXPECT_NE(denied.status().message_en().find("test:test_order_lines:create"), std::string::npos)
      << denied.status().ToString();
  EXPECT_EQ(Counts(), before);

  auto order = CreateOrder({Line(Person("甲", "1000")), Line(Person("乙", "1000"))});
  ASSERT_TRUE(order.ok());
  Actor may_add{"adder", {"adder"}, {"test:test_orders:*", "test:test_order_lines:create", "test:test_order_lines:read"},
                "", "", 0, "test"};
  const int64_t a = LinesOf(*order)[0].id, b = LinesOf(*order)[1].id;
  EXPECT_TRUE(UpdateOrder(order->parent.id, {}, {Line({}, a), Line({}, b), Line(Person("丙", "1"))}, 1, may_add).ok())
      << "adding needs create only; unchanged lines need nothing";
  const auto after_add = Counts();
  auto remove = UpdateOrder(order->parent.id, {}, {Line({}, a)}, 2, may_add);
  EXPECT_EQ(remove.status().code(), Code::kPermissionDenied) << remove.status().ToString();
  auto change = UpdateOrder(order->parent.id, {}, {Line({{"amount_fen", "2"}}, a)}, 2, may_add);
  EXPECT_EQ(change.status().code(), Code::kPermissionDenied) << change.status().ToString();
  EXPECT_EQ(sets().Delete(may_add, TestOrders(), order->parent.id).code(), Code::kPermissionDenied);
  EXPECT_EQ(Counts(), after_add);

  // A reader without the lines' read permission gets the parent without them.
  auto read = sets().Get(parent_only, TestOrders(), order->parent.id);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_TRUE(read->lines.empty());
}

TEST_P(RecordSetServiceTest, ScopeIsTheParentsAndOutOfScopeParentsAreNotFound) {
  auto order = CreateOrder({Line(Person("甲", "1000"))});
  ASSERT_TRUE(order.ok());
  const Actor elsewhere = domain_test::StaffIn("110101");
  EXPECT_EQ(sets().Get(elsewhere, TestOrders(), order->parent.id).status().code(), Code::kNotFound);
  EXPECT_EQ(UpdateOrder(order->parent.id, {}, {}, 1, elsewhere).status().code(), Code::kNotFound);
  EXPECT_EQ(sets().Delete(elsewhere, TestOrders(), order->parent.id).code(), Code::kNotFound);
  EXPECT_EQ(Count("test_order_lines"), 1);
  EXPECT_TRUE(sets().Get(domain_test::StaffIn("522727"), TestOrders(), order->parent.id).ok());
}

TEST_P(RecordSetServiceTest, PersonalDataInLinesIsMaskedAsEverywhere) {
  const std::string id = Id18("52272719900101001");
  Fields line = Person("甲", "1000");
  line.emplace_back("person_id", id);
  auto order = CreateOrder({Line(line)});
  ASSERT_TRUE(order.ok()) << order.status().ToString();
  const std::string returned = AsText(*LinesOf(*order)[0].Get("person_id"));
  EXPECT_NE(returned, id);
  EXPECT_EQ(returned, MaskValue(*TestOrderLines().Field("person_id"), id)) << "masked as every record is";
  auto viewed = sets().Get(domain_test::Viewer(), TestOrders(), order->parent.id);
  ASSERT_TRUE(viewed.ok());
  EXPECT_EQ(AsText(*LinesOf(*viewed)[0].Get("person_id")), returned);
  auto audit = db().Query("SELECT after_json FROM audit_log WHERE ledger = 'test_order_lines'");
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->rows.size(), 1u);
  EXPECT_EQ(AsText(audit->rows[0][0]).find(id), std::string::npos) << "the audit row keeps the masked value";
  // Matched by its hash in a check's read: the stored value is whole.
  const Actor system = Actor::System();
  RecordSetContext context(service(), system);
  auto found = context.Find(TestOrderLines(), {{"person_id", Value{id}}});
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(AsText(*(*found)[0].Get("person_id")), id);
}

TEST_P(RecordSetServiceTest, DirectWritesToTheLineLedgerAreRefused) {
  auto order = CreateOrder({Line(Person("甲", "1000"))});
  ASSERT_TRUE(order.ok());
  const int64_t line = LinesOf(*order)[0].id;
  const auto before = Counts();
  auto create = service().Create(Actor::System(), TestOrderLines(), RawRecord{kCountyPair, Person("乙", "1")},
                                 InputSource::kApi);
  ASSERT_FALSE(create.ok());
  EXPECT_EQ(create.status().code(), Code::kInvalidArgument);
  EXPECT_NE(create.status().message_en().find("write them with their test_orders record"), std::string::npos)
      << create.status().ToString();
  EXPECT_NE(create.status().message_zh().find("只能随其所属记录"), std::string::npos);
  EXPECT_FALSE(service()
                   .Update(Actor::System(), TestOrderLines(), line, RawRecord{"", {{"amount_fen", "99999"}}},
                           InputSource::kApi, 0)
                   .ok());
  EXPECT_FALSE(service().Delete(Actor::System(), TestOrderLines(), line).ok());
  EXPECT_EQ(Counts(), before);
  // Reading them directly still works.
  EXPECT_TRUE(service().Get(Actor::System(), TestOrderLines(), line).ok());
}

TEST_P(RecordSetServiceTest, DeleteTakesTheLinesWithTheParentAndAuditsEach) {
  auto order = CreateOrder({Line(Person("甲", "1000")), Line(Person("乙", "1000"))});
  ASSERT_TRUE(order.ok());
  auto kept = CreateOrder({Line(Person("丙", "1000"))});
  ASSERT_TRUE(kept.ok());
  const int64_t audit = AuditRows(db());
  ASSERT_TRUE(IsOk(service().Delete(Actor::System(), TestOrders(), order->parent.id)));  // the plain path
  EXPECT_EQ(Count("test_orders"), 1);
  EXPECT_EQ(Count("test_order_lines"), 1);
  EXPECT_EQ(AuditRows(db(), "delete"), 3);
  EXPECT_EQ(AuditRows(db()), audit + 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, RecordSetServiceTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

// A statement failing anywhere in a create or an update of a record with lines — the last
// line's insert included — leaves records and audit rows as they were and the chain whole.
class RecordSetFaultTest : public RecordSetServiceTest {
 protected:
  void SetUp() override {
    RecordSetServiceTest::SetUp();
    if (HasFatalFailure()) return;
    faulty_ = std::make_unique<FaultyDatabase>(db());
    faulty_service_ = MakeService(*faulty_);
  }

  std::vector<std::vector<Value>> Stored() {
    auto rows = db().Query("SELECT id, version, amount_fen, person FROM test_order_lines ORDER BY id");
    EXPECT_TRUE(rows.ok());
    auto parents = db().Query("SELECT id, version, total_fen FROM test_orders ORDER BY id");
    EXPECT_TRUE(parents.ok());
    std::vector<std::vector<Value>> out = rows.ok() ? rows->rows : std::vector<std::vector<Value>>{};
    if (parents.ok()) out.insert(out.end(), parents->rows.begin(), parents->rows.end());
    out.push_back({AuditRows(db())});
    return out;
  }

  void ExpectChainIntact() {
    auto v = VerifyAuditChain(db(), *InstalledAuditKey());
    ASSERT_TRUE(v.ok()) << v.status().ToString();
    EXPECT_TRUE(v->ok) << "broken at seq " << v->broken_seq;
    EXPECT_EQ(v->verified, AuditRows(db()));
  }

  // Runs op with statement n failing, for n = 1, 2, … until op succeeds; every failed run must
  // leave the data as it was. Returns the number of statements op issued.
  int64_t SweepUntilSuccess(const std::function<bool()>& op) {
    const auto before = Stored();
    for (int64_t n = 1; n <= 200; ++n) {
      SCOPED_TRACE("statement " + std::to_string(n));
      faulty_->FailNthStatement(n);
      const bool ok = op();
      faulty_->FailNthStatement(0);
      if (ok) return n - 1;
      EXPECT_TRUE(Stored() == before);
      ExpectChainIntact();
    }
    ADD_FAILURE() << "never succeeded";
    return 0;
  }

  std::unique_ptr<FaultyDatabase> faulty_;
  std::unique_ptr<LedgerService> faulty_service_;
};

TEST_P(RecordSetFaultTest, AFailingStatementAnywhereInACreateOrUpdateStoresNothing) {
  RecordSetService faulty_sets(*faulty_service_);
  auto create = [&] {
    return faulty_sets
        .Create(Actor::System(), TestOrders(), RawRecord{kCountyPair, {{"title", "故障"}, {"total_fen", "9000"}}},
                {{"lines", {Line(Person("甲", "1000")), Line(Person("乙", "1000")), Line(Person("丙", "1000"))}}},
                InputSource::kApi)
        .ok();
  };
  // The sweep reaches the last line's insert and its audit row: more statements than 3 lines' worth.
  EXPECT_GE(SweepUntilSuccess(create), 3 * 2 + 2);
  EXPECT_EQ(Count("test_order_lines"), 3);
  auto ids = db().Query("SELECT id FROM test_orders");  // PostgreSQL's sequence moved on with each failure
  ASSERT_TRUE(ids.ok());
  ASSERT_EQ(ids->rows.size(), 1u);
  auto order = sets().Get(Actor::System(), TestOrders(), AsInt(ids->rows[0][0]));
  ASSERT_TRUE(order.ok()) << order.status().ToString();
  const int64_t a = LinesOf(*order)[0].id, b = LinesOf(*order)[1].id;

  auto update = [&] {
    return faulty_sets
        .Update(Actor::System(), TestOrders(), order->parent.id, RawRecord{"", {{"total_fen", "8000"}}},
                {{"lines", {Line({{"amount_fen", "2000"}}, a), Line({}, b), Line(Person("丁", "500"))}}},
                InputSource::kApi, 1)
        .ok();
  };
  EXPECT_GE(SweepUntilSuccess(update), 4 * 2);
  auto after = sets().Get(Actor::System(), TestOrders(), order->parent.id);
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(LinesOf(*after).size(), 3u);
  EXPECT_EQ(AsInt(*LinesOf(*after)[0].Get("amount_fen")), 2000);
  EXPECT_EQ(AsText(*LinesOf(*after)[2].Get("person")), "丁");
  ExpectChainIntact();

  faulty_->FailNthCommit(1);
  EXPECT_FALSE(faulty_sets.Delete(Actor::System(), TestOrders(), order->parent.id).ok());
  faulty_->FailNthCommit(0);
  EXPECT_EQ(Count("test_order_lines"), 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, RecordSetFaultTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

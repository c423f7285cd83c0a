// Workflows on both backends, through the needs ledger's declared state machine: each
// transition's effect, its audit entry, and every way a transition is refused (with nothing
// written); the plain update that may no longer move the state; create in a later state.
#include "domain/ledger/transition_service.h"

#include <gtest/gtest.h>

#include "domain/accounts/account_service.h"
#include "domain/ledger/ledger_test_util.h"
#include "domain/needs/needs_ledgers.h"
#include "storage/faulty_database.h"

namespace shanhai {
namespace {

using domain_test::AuditRows;
using domain_test::Fields;
using domain_test::HasFieldError;
using domain_test::IsOk;
using domain_test::kCountyPair;

constexpr const char* kOtherPair = "440103-522728";

const LedgerDef& Needs() { return NeedsLedger(); }

std::string Text(const Record& r, const std::string& key) {
  const Value* v = r.Get(key);
  return v && !IsNull(*v) ? AsText(*v) : "";
}

// A clerk who may take the needs' transitions (staff's grants plus them) in Guangdong.
Actor Clerk(const std::string& region = "") {
  Actor a = domain_test::StaffIn(region);
  a.name = "clerk";
  a.grants.push_back("needs:needs:claim");
  a.grants.push_back("needs:needs:deliver");
  a.grants.push_back("needs:needs:release");
  a.grants.push_back("needs:needs:cancel");
  return a;
}

TEST(WorkflowDeclarations, AgreeWithTheirLedgers) {
  for (const LedgerDef* def : AllLedgers()) EXPECT_EQ(WorkflowProblems(*def), "") << def->name;
  ASSERT_NE(Needs().workflow, nullptr);
  ASSERT_NE(FindLedger("investments")->workflow, nullptr);
}

TEST(WorkflowDeclarations, TransitionsAreLedgerActions) {
  const std::vector<std::string> actions = Needs().Actions();
  for (const char* t : {"claim", "deliver", "release", "cancel"})
    EXPECT_NE(std::find(actions.begin(), actions.end(), t), actions.end()) << t;
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "update"), 1);
}

TEST(WorkflowDeclarations, ProblemsAreFound) {
  LedgerDef def = Needs();
  Workflow broken = *def.workflow;
  broken.transitions[0].to = "lost";
  broken.transitions[1].from = {"delivered"};
  broken.transitions[2].optional = {"status"};
  def.workflow = &broken;
  const std::string problems = WorkflowProblems(def);
  EXPECT_NE(problems.find("unknown state lost"), std::string::npos) << problems;
  EXPECT_NE(problems.find("leaves final state delivered"), std::string::npos) << problems;
  EXPECT_NE(problems.find("names field status"), std::string::npos) << problems;
}

class TransitionTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    AddPair("440111", "522727");
    AddPair("440103", "522728");
    helper_unit_ = Add("units", kCountyPair, {{"name", "白云区测试企业"}, {"side", "helper"}, {"kind", "enterprise"}});
    helped_unit_ = Add("units", kCountyPair, {{"name", "平塘县测试村"}, {"side", "helped"}, {"kind", "village"}});
    other_pair_unit_ = Add("units", kOtherPair, {{"name", "越秀区测试企业"}, {"side", "helper"}, {"kind", "enterprise"}});
    need_ = Add("needs", kCountyPair,
                {{"title", "课桌椅"}, {"category", "goods"}, {"posted_date", "2021-03-01"}, {"status", "posted"}});
  }

  Result<Record> Take(const std::string& name, Fields fields, int64_t version, const Actor& actor = Clerk(),
                      const LedgerDef& def = NeedsLedger()) {
    TransitionService transitions(service());
    return transitions.Take(actor, def, need_, name, RawRecord{"", std::move(fields)}, version);
  }
  Result<Record> Claim(int64_t version = 1, const Actor& actor = Clerk()) {
    return Take("claim", {{"claimed_by_unit_id", std::to_string(helper_unit_)}, {"claimed_date", "2021-03-10"}},
                version, actor);
  }
  Record Stored() {
    Result<Record> r = service().Get(Actor::System(), Needs(), need_);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : Record{};
  }
  // The refusal left the record as it was (state and version) and wrote no audit entry.
  void ExpectUnchanged(const std::string& state, int64_t version, int64_t audit_rows) {
    const Record r = Stored();
    EXPECT_EQ(Text(r, "status"), state);
    EXPECT_EQ(AsInt(*r.Get("version")), version);
    EXPECT_EQ(AuditRows(db()), audit_rows);
  }

  int64_t helper_unit_ = 0, helped_unit_ = 0, other_pair_unit_ = 0, need_ = 0;
};

TEST_P(TransitionTest, ClaimAndDeliverAreAuditedUnderTheirNames) {
  Result<Record> claimed = Claim();
  ASSERT_TRUE(claimed.ok()) << claimed.status().ToString();
  EXPECT_EQ(Text(*claimed, "status"), "claimed");
  EXPECT_EQ(AsInt(*claimed->Get("claimed_by_unit_id")), helper_unit_);
  EXPECT_EQ(Text(*claimed, "claimed_date"), "2021-03-10");
  EXPECT_EQ(AsInt(*claimed->Get("version")), 2);
  Result<Record> delivered = Take("deliver", {{"delivered_date", "2021-04-01"}}, 2);
  ASSERT_TRUE(delivered.ok()) << delivered.status().ToString();
  EXPECT_EQ(Text(*delivered, "status"), "delivered");

  auto history = service().History(Actor::System(), Needs(), need_);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[0].action, "deliver");
  EXPECT_EQ((*history)[1].action, "claim");
  EXPECT_EQ((*history)[2].action, "create");
  EXPECT_EQ((*history)[1].actor, "clerk");
  EXPECT_NE((*history)[1].detail.find("由 clerk 认领"), std::string::npos) << (*history)[1].detail;
  EXPECT_NE((*history)[1].detail.find("claimed by clerk"), std::string::npos) << (*history)[1].detail;
  EXPECT_NE((*history)[1].before_json.find("\"status\":\"posted\""), std::string::npos);
  EXPECT_NE((*history)[1].after_json.find("\"status\":\"claimed\""), std::string::npos);
  EXPECT_EQ(AuditRows(db(), "update"), 0);
}

// Who took each step is named by the masked display name, looked up when the history is read:
// the whole name appears nowhere in it, and an actor without an account keeps its login.
TEST_P(TransitionTest, HistoryNamesTheActorByMaskedDisplayName) {
  AccountService accounts(context());
  ASSERT_TRUE(accounts.AddUser(Actor::System(), {"clerk", "Pingtang2020!", {"staff"}, {}, false, "王芳"}).ok());
  ASSERT_TRUE(Claim().ok());
  auto history = service().History(Actor::System(), Needs(), need_);
  ASSERT_TRUE(history.ok()) << history.status().ToString();
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].action, "claim");
  EXPECT_EQ((*history)[0].actor, "clerk");
  EXPECT_EQ((*history)[0].by, "王*");
  EXPECT_EQ((*history)[1].by, "system");
  // The audit row's detail, written when the step was taken, names the actor the same way.
  EXPECT_NE((*history)[0].detail.find("由 王* 认领 / claimed by 王*"), std::string::npos) << (*history)[0].detail;
  for (const HistoryStep& step : *history)
    for (const std::string* text : {&step.by, &step.detail, &step.before_json, &step.after_json, &step.actor})
      EXPECT_EQ(text->find("王芳"), std::string::npos) << *text;
}

// The detail keeps the masked name of when the step was taken; `by` is looked up when read, so
// after a rename the two differ.
TEST_P(TransitionTest, DetailKeepsTheNameOfThenWhileByFollowsARename) {
  AccountService accounts(context());
  auto clerk = accounts.AddUser(Actor::System(), {"clerk", "Pingtang2020!", {"staff"}, {}, false, "王芳"});
  ASSERT_TRUE(clerk.ok()) << clerk.status().ToString();
  ASSERT_TRUE(Claim().ok());
  ASSERT_TRUE(IsOk(accounts.SetDisplayName(Actor::System(), clerk->id, "欧阳娜娜").status()));
  auto history = service().History(Actor::System(), Needs(), need_);
  ASSERT_TRUE(history.ok()) << history.status().ToString();
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].by, "欧***");
  EXPECT_NE((*history)[0].detail.find("由 王* 认领 / claimed by 王*"), std::string::npos) << (*history)[0].detail;
}

// The display names of a history come from one fixed statement whatever the number of its
// actors: a connection keeps every distinct statement text it prepared for good.
TEST_P(TransitionTest, HistoryLooksUpDisplayNamesWithOneStatementWhateverTheActors) {
  AccountService accounts(context());
  ASSERT_TRUE(accounts.AddUser(Actor::System(), {"clerk", "Pingtang2020!", {"staff"}, {}, false, "王芳"}).ok());
  ASSERT_TRUE(accounts.AddUser(Actor::System(), {"clerk2", "Pingtang2020!", {"staff"}, {}, false, "李四"}).ok());
  Actor clerk2 = Clerk();
  clerk2.name = "clerk2";
  FaultyDatabase counted(db());
  std::unique_ptr<LedgerService> reader = MakeService(counted);
  std::vector<std::string> shown;  // `by` of every step, newest first, after each read
  auto read = [&] {
    auto history = reader->History(Actor::System(), Needs(), need_);
    ASSERT_TRUE(history.ok()) << history.status().ToString();
    shown.clear();
    for (const HistoryStep& step : *history) shown.push_back(step.by);
  };
  read();  // one actor: system
  EXPECT_EQ(shown, (std::vector<std::string>{"system"}));
  ASSERT_TRUE(IsOk(Claim().status()));
  read();  // two
  EXPECT_EQ(shown, (std::vector<std::string>{"王*", "system"}));
  ASSERT_TRUE(IsOk(Take("release", {}, 2, clerk2).status()));
  read();  // three
  EXPECT_EQ(shown, (std::vector<std::string>{"李*", "王*", "system"}));
  size_t name_lookups = 0;
  for (const std::string& sql : counted.statement_texts())
    if (sql.find("display_name") != std::string::npos) ++name_lookups;
  EXPECT_EQ(name_lookups, 1u);
}

TEST_P(TransitionTest, ReleaseClearsTheClaim) {
  ASSERT_TRUE(IsOk(Claim().status()));
  Result<Record> released = Take("release", {}, 2);
  ASSERT_TRUE(released.ok()) << released.status().ToString();
  EXPECT_EQ(Text(*released, "status"), "posted");
  EXPECT_EQ(Text(*released, "claimed_by_unit_id"), "");
  EXPECT_EQ(Text(*released, "claimed_date"), "");
  // Posted again, it may be claimed again.
  EXPECT_TRUE(IsOk(Claim(3).status()));
}

TEST_P(TransitionTest, CancelStartsFromPostedOrClaimed) {
  ASSERT_TRUE(IsOk(Claim().status()));
  Result<Record> cancelled = Take("cancel", {}, 2);
  ASSERT_TRUE(cancelled.ok()) << cancelled.status().ToString();
  EXPECT_EQ(Text(*cancelled, "status"), "cancelled");
}

TEST_P(TransitionTest, WrongStateIsAConflict) {
  const int64_t rows = AuditRows(db());
  Result<Record> r = Take("deliver", {{"delivered_date", "2021-04-01"}}, 1);
  EXPECT_EQ(r.status().code(), Code::kConflict);
  EXPECT_NE(r.status().message_zh().find("已认领"), std::string::npos) << r.status().message_zh();
  EXPECT_NE(r.status().message_en().find("claimed"), std::string::npos) << r.status().message_en();
  ExpectUnchanged("posted", 1, rows);
}

TEST_P(TransitionTest, FinalStateIsSaid) {
  ASSERT_TRUE(IsOk(Take("cancel", {}, 1).status()));
  const int64_t rows = AuditRows(db());
  Result<Record> r = Claim(2);
  EXPECT_EQ(r.status().code(), Code::kConflict);
  EXPECT_NE(r.status().message_zh().find("最终状态"), std::string::npos) << r.status().message_zh();
  EXPECT_NE(r.status().message_en().find("final"), std::string::npos) << r.status().message_en();
  ExpectUnchanged("cancelled", 2, rows);
}

TEST_P(TransitionTest, NeedsItsOwnPermission) {
  const int64_t rows = AuditRows(db());
  // Staff's grants cover update but not claim.
  EXPECT_EQ(Claim(1, domain_test::StaffIn("")).status().code(), Code::kPermissionDenied);
  ExpectUnchanged("posted", 1, rows);
}

TEST_P(TransitionTest, RequiredFieldsAreNamed) {
  const int64_t rows = AuditRows(db());
  Result<Record> r = Take("claim", {{"claimed_date", "2021-03-10"}}, 1);
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_TRUE(HasFieldError(r.status(), "claimed_by_unit_id")) << r.status().ToString();
  EXPECT_FALSE(HasFieldError(r.status(), "claimed_date")) << r.status().ToString();
  ExpectUnchanged("posted", 1, rows);
}

TEST_P(TransitionTest, FieldsOfOtherTransitionsAreRefused) {
  const int64_t rows = AuditRows(db());
  Result<Record> r = Take("claim",
                          {{"claimed_by_unit_id", std::to_string(helper_unit_)}, {"claimed_date", "2021-03-10"},
                           {"delivered_date", "2021-04-01"}, {"title", "改名"}, {"status", "delivered"}},
                          1);
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  for (const char* f : {"delivered_date", "title", "status"}) EXPECT_TRUE(HasFieldError(r.status(), f)) << f;
  for (const FieldError& e : r.status().details()) {
    EXPECT_NE(e.message_zh.find("认领"), std::string::npos) << e.message_zh;
    EXPECT_NE(e.message_en.find("claim"), std::string::npos) << e.message_en;
  }
  ExpectUnchanged("posted", 1, rows);
}

TEST_P(TransitionTest, VersionIsRequiredAndCurrent) {
  const int64_t rows = AuditRows(db());
  EXPECT_EQ(Claim(0).status().code(), Code::kInvalidArgument);
  EXPECT_EQ(Claim(2).status().code(), Code::kConflict);
  ExpectUnchanged("posted", 1, rows);
}

TEST_P(TransitionTest, ClaimingUnitIsOfThePairsHelperSide) {
  const int64_t rows = AuditRows(db());
  Result<Record> helped =
      Take("claim", {{"claimed_by_unit_id", std::to_string(helped_unit_)}, {"claimed_date", "2021-03-10"}}, 1);
  EXPECT_EQ(helped.status().code(), Code::kInvalidArgument);
  EXPECT_TRUE(HasFieldError(helped.status(), "claimed_by_unit_id")) << helped.status().ToString();
  Result<Record> elsewhere =
      Take("claim", {{"claimed_by_unit_id", std::to_string(other_pair_unit_)}, {"claimed_date", "2021-03-10"}}, 1);
  EXPECT_EQ(elsewhere.status().code(), Code::kInvalidArgument);
  EXPECT_TRUE(HasFieldError(elsewhere.status(), "claimed_by_unit_id")) << elsewhere.status().ToString();
  ExpectUnchanged("posted", 1, rows);
}

// The claimer's side is checked when a write chooses the unit, not each time a form re-sends it:
// a unit that later moved to the helped side does not lock its claimed needs against edits.
TEST_P(TransitionTest, AClaimerReSentUnchangedIsNotCheckedAgain) {
  ASSERT_TRUE(IsOk(Claim().status()));
  ASSERT_TRUE(db().Execute("UPDATE units SET side = 'helped' WHERE id = ?", {helper_unit_}).ok());
  Result<Record> edited = service().Update(
      Clerk(), Needs(), need_,
      RawRecord{"", {{"description", "六个班"}, {"claimed_by_unit_id", std::to_string(helper_unit_)}}}, InputSource::kApi, 2);
  ASSERT_TRUE(edited.ok()) << edited.status().ToString();
  EXPECT_EQ(Text(*edited, "description"), "六个班");
}

// Moved to another pair, a need keeps no claimer of the old one: the unit is named as not found
// there, and nothing changes.
TEST_P(TransitionTest, AClaimedNeedMovedToAnotherPairMustNotKeepItsClaimer) {
  ASSERT_TRUE(IsOk(Claim().status()));
  Result<Record> moved = service().Update(Actor::System(), Needs(), need_, RawRecord{kOtherPair, {}}, InputSource::kApi, 2);
  EXPECT_TRUE(HasFieldError(moved.status(), "claimed_by_unit_id")) << moved.status().ToString();
  auto stored = service().Get(Actor::System(), Needs(), need_);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->pair_code, kCountyPair);
}

TEST_P(TransitionTest, DatesFollowTheCourse) {
  const int64_t rows = AuditRows(db());
  Result<Record> early =
      Take("claim", {{"claimed_by_unit_id", std::to_string(helper_unit_)}, {"claimed_date", "2021-02-28"}}, 1);
  EXPECT_TRUE(HasFieldError(early.status(), "claimed_date")) << early.status().ToString();
  ExpectUnchanged("posted", 1, rows);
  ASSERT_TRUE(IsOk(Claim().status()));
  Result<Record> before_claim = Take("deliver", {{"delivered_date", "2021-03-09"}}, 2);
  EXPECT_TRUE(HasFieldError(before_claim.status(), "delivered_date")) << before_claim.status().ToString();
}

TEST_P(TransitionTest, OutsideTheRegionIsNotFound) {
  const int64_t rows = AuditRows(db());
  EXPECT_EQ(Claim(1, Clerk("330000")).status().code(), Code::kNotFound);
  EXPECT_EQ(TransitionService(service())
                .Take(Clerk(), Needs(), need_ + 1000, "claim", RawRecord{}, 1)
                .status()
                .code(),
            Code::kNotFound);
  EXPECT_EQ(Take("approve", {}, 1).status().code(), Code::kNotFound);
  ExpectUnchanged("posted", 1, rows);
}

// A transition reads the record in the scope of a change, as an update does: data an account
// only reads (shared reference data, to an organisation's account) is not found to transition.
TEST_P(TransitionTest, ReadOnlyDataIsNotFoundToTransitionAsToUpdate) {
  LedgerDef shared = NeedsLedger();
  shared.shared_reference = true;
  Actor organisation = Clerk();
  organisation.owner_ledger = "units";
  organisation.owner_id = helper_unit_;
  ASSERT_TRUE(service().Get(organisation, shared, need_).ok()) << "the account reads the shared record";
  const int64_t rows = AuditRows(db());
  EXPECT_EQ(service().Update(organisation, shared, need_, RawRecord{"", {{"title", "改"}}}, InputSource::kApi, 1)
                .status()
                .code(),
            Code::kNotFound);
  const Result<Record> claimed = Take("claim", {{"claimed_by_unit_id", std::to_string(helper_unit_)},
                                                {"claimed_date", "2021-03-10"}}, 1, organisation, shared);
  EXPECT_EQ(claimed.status().code(), Code::kNotFound) << claimed.status().ToString();
  ExpectUnchanged("posted", 1, rows);
}

TEST_P(TransitionTest, AFailingSideEffectUndoesTheTransition) {
  LedgerDef def = Needs();
  Workflow w = *def.workflow;
  bool ran = false;
  w.transitions[0].effect = [&](TransitionContext&, const Record&, const Record& after) {
    ran = true;
    EXPECT_EQ(Text(after, "status"), "claimed");  // it sees the record as written
    return Status::Unavailable("副作用失败", "side effect failed");
  };
  def.workflow = &w;
  const int64_t rows = AuditRows(db());
  Result<Record> r =
      Take("claim", {{"claimed_by_unit_id", std::to_string(helper_unit_)}, {"claimed_date", "2021-03-10"}}, 1, Clerk(), def);
  EXPECT_TRUE(ran);
  EXPECT_EQ(r.status().code(), Code::kUnavailable);
  ExpectUnchanged("posted", 1, rows);
}

TEST_P(TransitionTest, AllowedTransitionsFollowStateAndPermission) {
  auto names = [&](const Actor& actor) {
    std::vector<std::string> out;
    for (const TransitionDef* t : AllowedTransitions(actor, Needs(), Stored())) out.push_back(t->name);
    return out;
  };
  EXPECT_EQ(names(Clerk()), (std::vector<std::string>{"claim", "cancel"}));
  EXPECT_EQ(names(domain_test::Viewer()), std::vector<std::string>{});
  Actor claimer = domain_test::StaffIn("");
  claimer.grants.push_back("needs:needs:claim");
  EXPECT_EQ(names(claimer), std::vector<std::string>{"claim"});
  ASSERT_TRUE(IsOk(Claim().status()));
  EXPECT_EQ(names(Clerk()), (std::vector<std::string>{"deliver", "release", "cancel"}));
  ASSERT_TRUE(IsOk(Take("deliver", {{"delivered_date", "2021-04-01"}}, 2).status()));
  EXPECT_EQ(names(Clerk()), std::vector<std::string>{});
}

TEST_P(TransitionTest, APlainUpdateKeepsTheState) {
  const int64_t rows = AuditRows(db());
  Result<Record> moved = service().Update(Clerk(), Needs(), need_,
                                          RawRecord{"", {{"status", "claimed"},
                                                         {"claimed_by_unit_id", std::to_string(helper_unit_)},
                                                         {"claimed_date", "2021-03-10"}}},
                                          InputSource::kApi, 1);
  EXPECT_EQ(moved.status().code(), Code::kInvalidArgument);
  ASSERT_TRUE(HasFieldError(moved.status(), "status")) << moved.status().ToString();
  EXPECT_NE(moved.status().details()[0].message_zh.find("认领"), std::string::npos);
  EXPECT_NE(moved.status().details()[0].message_en.find("transition"), std::string::npos);
  ExpectUnchanged("posted", 1, rows);
  // A form sending every field back, the state unchanged (as code or label), is an update.
  Result<Record> renamed = service().Update(Clerk(), Needs(), need_, RawRecord{"", {{"status", "已发布"}, {"title", "课桌"}}},
                                            InputSource::kApi, 1);
  ASSERT_TRUE(renamed.ok()) << renamed.status().ToString();
  EXPECT_EQ(Text(*renamed, "title"), "课桌");
}

TEST_P(TransitionTest, AStateKeepsItsRequiredFields) {
  ASSERT_TRUE(IsOk(Claim().status()));
  Result<Record> cleared = service().Update(Clerk(), Needs(), need_, RawRecord{"", {{"claimed_date", ""}}},
                                            InputSource::kApi, 2);
  EXPECT_TRUE(HasFieldError(cleared.status(), "claimed_date")) << cleared.status().ToString();
}

TEST_P(TransitionTest, CreateMayStartInALaterStateWithItsFields) {
  Result<Record> bare = TryCreate("needs", kCountyPair,
                                  {{"title", "已交付的旧需求"}, {"category", "goods"}, {"posted_date", "2019-03-01"},
                                   {"status", "delivered"}});
  EXPECT_EQ(bare.status().code(), Code::kInvalidArgument);
  for (const char* f : {"claimed_by_unit_id", "claimed_date", "delivered_date"})
    EXPECT_TRUE(HasFieldError(bare.status(), f)) << f;
  Result<Record> whole = TryCreate("needs", kCountyPair,
                                   {{"title", "已交付的旧需求"}, {"category", "goods"}, {"posted_date", "2019-03-01"},
                                    {"status", "delivered"}, {"claimed_by_unit_id", "白云区测试企业"},
                                    {"claimed_date", "2019-03-05"}, {"delivered_date", "2019-04-01"}});
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  EXPECT_EQ(Text(*whole, "status"), "delivered");
}

INSTANTIATE_TEST_SUITE_P(Backends, TransitionTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

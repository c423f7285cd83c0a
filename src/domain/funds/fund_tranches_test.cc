// A fund paid out in tranches (资金拨付), on both backends: the tranches' running sum stays within
// the fund's amount, none is paid before the fund's date, the fund's paid figure equals their sum;
// the plain service calls on a fund keep, re-check and delete its tranches; tranches cannot be
// imported on their own, while funds still import (without tranches).
#include <gtest/gtest.h>

#include <fstream>

#include "domain/funds/funds_ledgers.h"
#include "domain/ledger/ledger_io.h"
#include "domain/ledger/ledger_test_util.h"
#include "domain/ledger/record_set_service.h"

namespace shanhai {
namespace {

using domain_test::Fields;
using domain_test::IsOk;
using domain_test::kCountyPair;

RawLine Tranche(const std::string& date, const std::string& amount) {
  return RawLine{0, RawRecord{"", {{"paid_date", date}, {"amount_fen", amount}}}};
}

bool HasError(const Status& s, const std::string& field, int64_t row) {
  return domain_test::FieldErrorAt(s, field, row) != nullptr;
}

class FundTranchesTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    AddPair("440111", "522727");
  }

  Result<RecordWithLines> CreateFund(const std::string& amount, std::vector<RawLine> tranches,
                                     const std::string& paid = "") {
    Fields fund = {{"title", "财政援助资金"}, {"kind", "fiscal"},  {"direction", "to_helped"},
                   {"amount_fen", amount},   {"fund_date", "2021-03-01"}};
    if (!paid.empty()) fund.emplace_back("paid_fen", paid);
    return RecordSetService(service()).Create(Actor::System(), FundsLedger(), RawRecord{kCountyPair, fund},
                                              {{"tranches", std::move(tranches)}}, InputSource::kApi);
  }
};

TEST_P(FundTranchesTest, TranchesStayWithinTheAmountAfterTheFundsDateAndAddUpToThePaidFigure) {
  auto fund = CreateFund("1000", {Tranche("2021-03-05", "400"), Tranche("2021-05-05", "600")}, "1000");
  ASSERT_TRUE(fund.ok()) << fund.status().ToString();
  ASSERT_EQ(fund->lines.at(0).second.size(), 2u);

  auto over = CreateFund("1000", {Tranche("2021-03-05", "600"), Tranche("2021-04-05", "500"),
                                  Tranche("2021-05-05", "100")});
  ASSERT_FALSE(over.ok());
  EXPECT_TRUE(HasError(over.status(), "tranches.amount_fen", 2)) << over.status().ToString();
  EXPECT_FALSE(HasError(over.status(), "tranches.amount_fen", 3)) << "only the line that crosses the amount";

  auto early = CreateFund("1000", {Tranche("2021-02-28", "100")});
  EXPECT_TRUE(HasError(early.status(), "tranches.paid_date", 1)) << early.status().ToString();
  auto mismatch = CreateFund("1000", {Tranche("2021-03-05", "100")}, "200");
  EXPECT_TRUE(HasError(mismatch.status(), "paid_fen", 0)) << mismatch.status().ToString();
  EXPECT_EQ(Count("funds"), 1);
  EXPECT_EQ(Count("fund_tranches"), 2);
}

// 已拨付 follows the tranches when the clerk leaves it out: the 拨付率 indicator reads it.
TEST_P(FundTranchesTest, ThePaidFigureIsTheTranchesTotalWhenNotTyped) {
  auto fund = CreateFund("1000", {Tranche("2021-03-05", "400"), Tranche("2021-05-05", "250")});
  ASSERT_TRUE(fund.ok()) << fund.status().ToString();
  EXPECT_EQ(AsInt(*fund->parent.Get("paid_fen")), 650);
  auto more = RecordSetService(service()).Update(
      Actor::System(), FundsLedger(), fund->parent.id, RawRecord{"", {}},
      {{"tranches", {Tranche("2021-03-05", "400"), Tranche("2021-05-05", "250"), Tranche("2021-06-05", "300")}}},
      InputSource::kApi, 1);
  ASSERT_TRUE(more.ok()) << more.status().ToString();
  EXPECT_EQ(AsInt(*more->parent.Get("paid_fen")), 950);
}

TEST_P(FundTranchesTest, PlainCallsOnAFundKeepRecheckAndDeleteItsTranches) {
  auto fund = CreateFund("1000", {Tranche("2021-03-05", "400"), Tranche("2021-05-05", "600")});
  ASSERT_TRUE(fund.ok()) << fund.status().ToString();
  const int64_t id = fund->parent.id;
  auto lowered = service().Update(Actor::System(), FundsLedger(), id, RawRecord{"", {{"amount_fen", "900"}}},
                                  InputSource::kApi, 1);
  // The tranches' total (1000, the paid figure filled in at creation) no longer fits the amount.
  EXPECT_TRUE(HasError(lowered.status(), "paid_fen", 0)) << lowered.status().ToString();
  auto noted = service().Update(Actor::System(), FundsLedger(), id, RawRecord{"", {{"note", "按进度"}}},
                                InputSource::kApi, 1);
  ASSERT_TRUE(noted.ok()) << noted.status().ToString();
  EXPECT_EQ(Count("fund_tranches"), 2);
  ASSERT_TRUE(IsOk(service().Delete(Actor::System(), FundsLedger(), id)));
  EXPECT_EQ(Count("funds"), 0);
  EXPECT_EQ(Count("fund_tranches"), 0);
}

TEST_P(FundTranchesTest, TranchesAreNotImportedOnTheirOwnWhileFundsStillAre) {
  const std::string tranches = test_db().TempPath("tranches.csv");
  std::ofstream(tranches) << "*帮扶关系,*拨付日期,*拨付金额（元）\n" << kCountyPair << ",2021-04-01,1\n";
  auto refused = ImportLedger(service(), Actor::System(), FundTranchesLedger(), tranches, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message_en().find("write them with their funds record"), std::string::npos)
      << refused.status().ToString();
  EXPECT_EQ(Count("fund_tranches"), 0);

  const std::string funds = test_db().TempPath("funds.csv");
  std::ofstream(funds) << "*帮扶关系,*资金事项,*资金类型,*方向,*金额（元）,已拨付（元）,*日期\n"
                       << kCountyPair << ",导入资金,fiscal,to_helped,100,40,2021-06-01\n";
  auto imported = ImportLedger(service(), Actor::System(), FundsLedger(), funds, {});
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  EXPECT_EQ(imported->stored, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, FundTranchesTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai

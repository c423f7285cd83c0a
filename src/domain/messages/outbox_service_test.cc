// The outbox on both backends: what the sender stores (sealed, hashed), the masked list scoped
// by region and refused to organisation accounts and to those without the permission, the
// look-up by number, and a whole message only with reveal, audited and counted.
#include "domain/messages/outbox_service.h"

#include <gtest/gtest.h>

#include "domain/ledger/ledger_test_util.h"
#include "domain/messages/outbox_sender.h"

namespace shanhai {
namespace {

using domain_test::IsOk;

TEST(StarDigitRuns, StarsRunsOfFourOrMoreDigits) {
  EXPECT_EQ(StarDigitRuns("验证码为 123456，5 分钟内有效"), "验证码为 ******，5 分钟内有效");
  EXPECT_EQ(StarDigitRuns("第 12 号 2020年"), "第 12 号 ****年");
  EXPECT_EQ(StarDigitRuns(""), "");
}

class OutboxServiceTest : public domain_test::LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    if (HasFatalFailure()) return;
    sender_ = std::make_unique<OutboxSender>(db(), vault(), context().clock);
    outbox_ = std::make_unique<OutboxService>(context());
    ASSERT_TRUE(IsOk(sender_->Send({"13812345678", "验证码为 123456", "otp_login", "522727", "522727200205"})));
    ASSERT_TRUE(IsOk(sender_->Send({"13900001111", "验证码为 654321", "otp_login", "522728", "522728100000"})));
  }
  std::unique_ptr<OutboxSender> sender_;
  std::unique_ptr<OutboxService> outbox_;
};

TEST_P(OutboxServiceTest, StoresSealedAndListsMaskedWithinTheScope) {
  auto stored = db().Query("SELECT recipient_enc, text_enc, recipient_hash FROM outbox_messages");
  ASSERT_TRUE(stored.ok());
  for (const auto& r : stored->rows)
    for (const Value& v : r) {
      EXPECT_EQ(AsText(v).find("138123"), std::string::npos);
      EXPECT_EQ(AsText(v).find("123456"), std::string::npos);
    }
  Result<OutboxPage> all = outbox_->List(domain_test::StaffIn(""), "", 1, 20);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->total, 2);
  EXPECT_EQ(all->entries[0].mobile, "139****1111");  // newest first
  EXPECT_EQ(all->entries[1].text, "验证码为 ******");

  Result<OutboxPage> village = outbox_->List(domain_test::StaffIn("522727200205"), "", 1, 20);
  ASSERT_TRUE(village.ok()) << village.status().ToString();
  ASSERT_EQ(village->total, 1);
  EXPECT_EQ(village->entries[0].mobile, "138****5678");

  Result<OutboxPage> by_number = outbox_->List(domain_test::StaffIn(""), "139 0000 1111", 1, 20);
  ASSERT_TRUE(by_number.ok());
  EXPECT_EQ(by_number->total, 1);
  EXPECT_EQ(outbox_->List(domain_test::StaffIn(""), "12", 1, 20).status().code(), Code::kInvalidArgument);
  EXPECT_EQ(outbox_->List(domain_test::StaffIn(""), "", 0, 20).status().code(), Code::kInvalidArgument);
}

TEST_P(OutboxServiceTest, OrganisationsAndAccountsWithoutThePermissionAreRefused) {
  EXPECT_EQ(outbox_->List(domain_test::OwnerOf("units", 1), "", 1, 20).status().code(), Code::kPermissionDenied);
  Actor nobody{"nobody", {}, {"people:people:list"}, "", "", 0, "test"};
  EXPECT_EQ(outbox_->List(nobody, "", 1, 20).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(outbox_->Reveal(domain_test::Viewer(), 1).status().code(), Code::kPermissionDenied);
}

TEST_P(OutboxServiceTest, AWholeMessageIsAuditedAndOnlyInScope) {
  Result<OutboxPage> page = outbox_->List(domain_test::StaffIn(""), "13812345678", 1, 20);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->entries.size(), 1u);
  const int64_t id = page->entries[0].id;
  const int64_t before = domain_test::AuditRows(db(), "reveal");
  Result<OutboxEntry> whole = outbox_->Reveal(domain_test::StaffIn("522727"), id);
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  EXPECT_EQ(whole->mobile, "13812345678");
  EXPECT_EQ(whole->text, "验证码为 123456");
  EXPECT_EQ(domain_test::AuditRows(db(), "reveal"), before + 1);
  auto detail = db().Query("SELECT ledger, record_id, detail FROM audit_log WHERE action = 'reveal'");
  ASSERT_TRUE(detail.ok());
  EXPECT_EQ(AsText(detail->rows.back()[0]), "outbox_messages");
  EXPECT_EQ(AsText(detail->rows.back()[2]).find("123456"), std::string::npos);
  // Another county's account does not find it (the same answer as an unknown id).
  EXPECT_EQ(outbox_->Reveal(domain_test::StaffIn("522728"), id).status().code(), Code::kNotFound);
  EXPECT_EQ(outbox_->Reveal(domain_test::StaffIn(""), 999).status().code(), Code::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, OutboxServiceTest, testing::ValuesIn(TestDialects()),
                         DialectTestName<testing::TestParamInfo<Dialect>>);

}  // namespace
}  // namespace shanhai
